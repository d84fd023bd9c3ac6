package io.trailcheck.engine.input.observations;

import java.time.Instant;

/** The earliest and latest instant seen in an input, grown one instant at a time; empty until the first. */
public final class TimeSpan {
    private Instant min, max;

    public void include(Instant t) {
        if (t == null) return;
        if (min == null || t.isBefore(min)) min = t;
        if (max == null || t.isAfter(max)) max = t;
    }

    public void include(TimeSpan other) {
        include(other.min);
        include(other.max);
    }

    public boolean isEmpty() {
        return min == null;
    }

    /** Null when empty. */
    public Instant min() {
        return min;
    }

    /** Null when empty. */
    public Instant max() {
        return max;
    }

    @Override
    public String toString() {
        return isEmpty() ? "(none)" : min + " .. " + max;
    }
}
