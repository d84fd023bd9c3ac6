package io.trailcheck.engine.runtime.sandbox;

import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.runtime.sandbox.DrlTokens.Kind;
import io.trailcheck.engine.runtime.sandbox.DrlTokens.Token;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Confines a custom rule file before it is compiled: every name its code uses (conditions, {@code eval},
 * consequences, functions, accumulate actions, imports) must be on the {@link JavaAllowList}. A rule that
 * names {@code System}, {@code Runtime}, {@code ProcessBuilder}, {@code Thread}, reflection, I/O or
 * networking, a fully qualified class, or its session through {@code drools} is refused with its file and
 * line, so none of it ever runs.
 */
public final class RuleCodeCheck {
    private static final Set<String> DECLARE_MODIFIERS = Set.of("trait", "enum", "entity", "window");

    private RuleCodeCheck() {}

    /** Every use in {@code drl} of something custom rules may not use; empty when the file is confined. */
    public static List<Problem> check(Path file, String drl) {
        Set<Problem> problems = new LinkedHashSet<>();
        RuleLines rules = RuleLines.of(drl);
        int escape = DrlTokens.firstUnicodeEscape(drl);
        if (escape > 0) {
            problems.add(problem(file, rules, escape, "Unicode escapes (\\u…) are not allowed in custom rules: "
                    + "Java reads them before strings and comments; write the character itself"));
        }
        List<Token> tokens = DrlTokens.of(drl);
        Set<String> declared = declaredTypes(tokens);
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == Kind.STRING) continue;
            if (i == 0 && t.is("package")) {
                i = endOfQualifiedName(tokens, i + 1) - 1;
            } else if (t.is("import")) {
                i = checkImport(file, rules, tokens, i, problems) - 1;
            } else if (t.kind() == Kind.IDENTIFIER) {
                String why = refusal(tokens, i, declared);
                if (why != null) problems.add(problem(file, rules, t.line(), why));
            }
        }
        return new ArrayList<>(problems);
    }

    /** Why the identifier at {@code i} may not be used, or null when it may. */
    private static String refusal(List<Token> tokens, int i, Set<String> declared) {
        String name = tokens.get(i).text();
        boolean afterDot = i > 0 && tokens.get(i - 1).is(".");
        boolean beforeDot = i + 1 < tokens.size() && tokens.get(i + 1).is(".");
        String denied = JavaAllowList.DENIED_NAMES.get(name);
        if (denied != null) return "\"" + name + "\" is not available to custom rules (" + denied + ")";
        if (JavaAllowList.CONTEXT_NAMES.contains(name) && !isFindingOfArgument(tokens, i)) {
            return "\"" + name + "\" may only be passed to Finding.of(" + name + ", …): through it a rule reaches its session";
        }
        if (name.equals("dialect") && i + 1 < tokens.size() && !tokens.get(i + 1).text().equals("java")) {
            return "custom rules are written in the java dialect; remove dialect \"" + tokens.get(i + 1).text() + "\"";
        }
        if (afterDot) return null;
        if (beforeDot && JavaAllowList.PACKAGE_ROOTS.contains(name)) {
            return "fully qualified names (" + name + ".…) are not allowed in custom rules; import one of the allowed types";
        }
        if (Character.isUpperCase(name.charAt(0)) && !isAllowedType(name, declared)) {
            return "type " + name + " is not available to custom rules; they may use the io.trailcheck.model types, "
                    + "types they declare, and " + String.join(", ", new java.util.TreeSet<>(JavaAllowList.JDK_TYPES));
        }
        return null;
    }

    private static boolean isAllowedType(String name, Set<String> declared) {
        return JavaAllowList.JDK_TYPES.contains(name) || declared.contains(name) || JavaAllowList.isModelType(name);
    }

    /** {@code Finding.of(drools, …)}: the one use of the rule context a custom rule needs. */
    private static boolean isFindingOfArgument(List<Token> tokens, int i) {
        return i >= 4 && tokens.get(i - 1).is("(") && tokens.get(i - 2).is("of") && tokens.get(i - 3).is(".")
                && tokens.get(i - 4).is("Finding") && i + 1 < tokens.size() && tokens.get(i + 1).is(",");
    }

    /** Checks {@code import a.b.C;} starting at the {@code import} token; returns the index after it. */
    private static int checkImport(Path file, RuleLines rules, List<Token> tokens, int at, Set<Problem> problems) {
        int end = endOfQualifiedName(tokens, at + 1);
        StringBuilder name = new StringBuilder();
        for (int j = at + 1; j < end; j++) name.append(tokens.get(j).text());
        if (!JavaAllowList.isAllowedImport(name.toString())) {
            problems.add(problem(file, rules, tokens.get(at).line(), "import " + name + " is not available to custom rules; "
                    + "they may import " + JavaAllowList.MODEL_PACKAGE + ".* and, from "
                    + String.join(", ", new java.util.TreeSet<>(JavaAllowList.JDK_PACKAGES)) + ", the allowed types"));
        }
        return end;
    }

    /** The index after {@code ident(.ident)*(.*)?} starting at {@code from}. */
    private static int endOfQualifiedName(List<Token> tokens, int from) {
        int j = from;
        while (j < tokens.size()) {
            Token t = tokens.get(j);
            boolean part = t.kind() == Kind.IDENTIFIER || t.is(".") || t.is("*");
            if (!part) break;
            j++;
            if (t.kind() == Kind.IDENTIFIER && (j >= tokens.size() || !tokens.get(j).is("."))) break;
        }
        return j;
    }

    /** Types the file declares ({@code declare Name … end}), which its rules may use. */
    private static Set<String> declaredTypes(List<Token> tokens) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (!tokens.get(i).is("declare")) continue;
            int j = i + 1;
            while (j < tokens.size() && DECLARE_MODIFIERS.contains(tokens.get(j).text())) j++;
            if (j < tokens.size() && tokens.get(j).kind() == Kind.IDENTIFIER) names.add(tokens.get(j).text());
        }
        return names;
    }

    private static Problem problem(Path file, RuleLines rules, int line, String message) {
        String rule = rules.at(line);
        return new Problem(file, line, 0, rule == null ? message : "rule \"" + rule + "\": " + message);
    }

    /** The rule spanning each line, so that a message names it. */
    private record RuleLines(List<RuleDescr> rules) {
        static RuleLines of(String drl) {
            try {
                DrlParser parser = new DrlParser();
                PackageDescr pkg = parser.parse(false, drl);
                return new RuleLines(pkg == null || parser.hasErrors() ? List.of() : pkg.getRules());
            } catch (DroolsParserException | RuntimeException e) {
                return new RuleLines(List.of());
            }
        }

        String at(int line) {
            for (RuleDescr r : rules) if (r.getLine() <= line && line <= Math.max(r.getLine(), r.getEndLine())) return r.getName();
            return null;
        }
    }
}
