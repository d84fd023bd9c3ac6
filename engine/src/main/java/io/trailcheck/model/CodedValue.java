package io.trailcheck.model;

import java.util.Locale;

/** An enum known both by its authoring-schema label and by its Dataverse picklist integer. */
public interface CodedValue {
    String label();

    int code();

    /**
     * Resolves a label (any letter case, spaces and underscores ignored) or a picklist integer;
     * returns the enum's UNKNOWN constant when nothing matches.
     */
    static <E extends Enum<E> & CodedValue> E parse(Class<E> type, String raw) {
        String text = raw == null ? "" : raw.trim();
        boolean numeric = text.matches("-?\\d+");
        String wanted = normalise(text);
        E unknown = null;
        for (E value : type.getEnumConstants()) {
            if (value.code() < 0) {
                unknown = value;
                continue;
            }
            if (numeric ? Integer.toString(value.code()).equals(text) : normalise(value.label()).equals(wanted)) {
                return value;
            }
        }
        return unknown;
    }

    private static String normalise(String raw) {
        return raw == null ? "" : raw.replaceAll("[\\s_()-]", "").toLowerCase(Locale.ROOT);
    }
}
