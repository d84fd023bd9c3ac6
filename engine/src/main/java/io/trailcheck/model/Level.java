package io.trailcheck.model;

import java.util.Locale;

/** Severity of a finding, ordered from least to most severe. */
public enum Level {
    NOTE, WARNING, ERROR;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** One step less severe; a note stays a note. */
    public Level demoted() {
        return this == ERROR ? WARNING : NOTE;
    }

    public boolean atLeast(Level other) {
        return compareTo(other) >= 0;
    }

    /** Parses {@code error|warning|note} in any case; returns null for anything else. */
    public static Level parse(String text) {
        if (text == null) return null;
        for (Level l : values()) {
            if (l.id().equalsIgnoreCase(text.trim())) return l;
        }
        return null;
    }
}
