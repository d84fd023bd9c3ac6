package io.trailcheck.model;

import java.util.List;

/**
 * A message with numbered placeholders ({@code {0}}, {@code {1}}, …) rendered in one pass: an argument's
 * own text is never scanned again, so a display name holding {@code {1}} or {@code $} appears as it is.
 */
public final class MessageTemplate {
    private MessageTemplate() {}

    public static String render(String template, List<String> arguments) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i + 1) : -1;
            int index = close > i + 1 ? index(template.substring(i + 1, close)) : -1;
            if (index >= 0 && index < arguments.size()) {
                out.append(arguments.get(index));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int index(String digits) {
        if (digits.length() > 3) return -1;
        for (int k = 0; k < digits.length(); k++) if (!Character.isDigit(digits.charAt(k))) return -1;
        return Integer.parseInt(digits);
    }
}
