package io.trailcheck.engine.parse;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Field names in lower case, so readers accept {@code assignedLicenses} from Graph and
 * {@code AssignedLicenses} from PowerShell's ConvertTo-Json alike. Jackson interns field names, so the
 * cache holds one entry per distinct name and a look-up costs one hash probe.
 */
public final class FieldNames {
    private static final Map<String, String> LOWER = new ConcurrentHashMap<>();

    private FieldNames() {}

    /** The lower-case name; the same instance for every name that lowers to it, so callers may compare with {@code ==}. */
    public static String lower(String name) {
        String known = LOWER.get(name);
        return known != null ? known : LOWER.computeIfAbsent(name, n -> n.toLowerCase(Locale.ROOT).intern());
    }
}
