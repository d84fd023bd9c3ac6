package io.trailcheck.engine.runtime.sandbox;

import io.trailcheck.model.Finding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies of the built-in rules' findings for custom rules to match on. What a custom rule does to a copy —
 * delete it, modify it, demote it — leaves the finding that is reported untouched.
 */
final class ReadOnlyCopies {
    private ReadOnlyCopies() {}

    static Finding of(Finding f) {
        Finding copy = new Finding(f.getRuleId(), f.getEntity(), f.getLocation()).message(f.getMessage()).affected(f.getAffected());
        f.getProperties().forEach((name, value) -> copy.property(name, frozen(value)));
        f.getDemotions().forEach(copy::demote);
        return copy;
    }

    /** Collections in properties are copied too: a rule could otherwise change the original through them. */
    private static Object frozen(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, frozen(v)));
            return java.util.Collections.unmodifiableMap(out);
        }
        if (value instanceof Set<?> s) return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(frozenAll(s)));
        if (value instanceof Collection<?> c) return java.util.Collections.unmodifiableList(frozenAll(c));
        return value;
    }

    private static List<Object> frozenAll(Collection<?> values) {
        List<Object> out = new ArrayList<>();
        values.forEach(v -> out.add(frozen(v)));
        return out;
    }
}
