package io.trailcheck.engine.runtime.sandbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a custom rule's code may name: the public fact model, value types and collections from the JDK, and
 * nothing that reaches the process, the file system, the network, threads or reflection.
 */
final class JavaAllowList {
    private JavaAllowList() {}

    static final String MODEL_PACKAGE = "io.trailcheck.model";

    /** JDK types by simple name; they resolve through java.lang or an allowed import. */
    static final Set<String> JDK_TYPES = Set.of(
            "String", "StringBuilder", "CharSequence", "Math", "StrictMath", "Integer", "Long", "Double", "Float",
            "Short", "Byte", "Boolean", "Character", "Number", "Object", "Comparable", "Iterable",
            "Exception", "RuntimeException", "IllegalArgumentException", "IllegalStateException",
            "List", "Map", "Set", "Collection", "ArrayList", "LinkedList", "HashMap", "LinkedHashMap", "TreeMap",
            "HashSet", "LinkedHashSet", "TreeSet", "Collections", "Arrays", "Objects", "Optional", "Iterator",
            "Comparator", "Locale", "Collectors", "LocalDate");

    /** Packages an import may take one of {@link #JDK_TYPES} from (or all of them, with {@code .*}). */
    static final Set<String> JDK_PACKAGES = Set.of("java.lang", "java.util", "java.util.stream", "java.time");

    /**
     * Names refused wherever they stand, qualified or not, each with the reason: the ways to a Class, a class
     * loader, the runtime, the session, threads, the file behind a {@code Path}, system properties,
     * process-wide defaults, timers (which fire on a thread of their own) and the built-in findings' levels.
     */
    static final Map<String, String> DENIED_NAMES = denied();

    private static Map<String, String> denied() {
        Map<String, String> m = new HashMap<>();
        for (String n : List.of("class", "getClass", "forName", "getClassLoader", "getDeclaringClass", "invoke", "newInstance",
                "setAccessible", "lookup")) m.put(n, "reflection");
        for (String n : List.of("getRuntime", "exit", "halt", "exec")) m.put(n, "control of the process or the session");
        for (String n : List.of("getKieRuntime", "getKnowledgeRuntime", "getWorkingMemory", "getEntryPoint", "getKieBase",
                "getSession", "getChannels")) m.put(n, "access to the session");
        for (String n : List.of("parallel", "parallelStream", "wait", "notify", "notifyAll", "timer", "duration", "calendars")) m.put(n, "threads and timers");
        for (String n : List.of("toFile", "getFileSystem", "toUri", "toRealPath", "register")) m.put(n, "file access");
        for (String n : List.of("getInteger", "getLong", "getBoolean", "setDefault")) m.put(n, "system properties and process-wide defaults");
        m.put("demote", "changing a finding's level: built-in findings are read-only to custom rules");
        return Map.copyOf(m);
    }

    /** First segments of fully qualified names: a custom rule imports its types instead. */
    static final Set<String> PACKAGE_ROOTS = Set.of(
            "java", "javax", "jdk", "sun", "com", "org", "net", "io", "kotlin", "scala", "groovy", "mvel", "mvel2");

    /** The rule context: passed to {@code Finding.of} only, since through it a rule reaches its session. */
    static final Set<String> CONTEXT_NAMES = Set.of("drools", "kcontext");

    static boolean isModelType(String simpleName) {
        try {
            Class.forName(MODEL_PACKAGE + "." + simpleName, false, JavaAllowList.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Whether {@code import name;} is allowed: the model, or an allowed JDK type or package. */
    static boolean isAllowedImport(String name) {
        if (name.equals(MODEL_PACKAGE + ".*")) return true;
        int dot = name.lastIndexOf('.');
        if (dot < 0) return false;
        String pkg = name.substring(0, dot);
        String simple = name.substring(dot + 1);
        if (pkg.equals(MODEL_PACKAGE)) return isModelType(simple);
        return JDK_PACKAGES.contains(pkg) && (simple.equals("*") || JDK_TYPES.contains(simple));
    }
}
