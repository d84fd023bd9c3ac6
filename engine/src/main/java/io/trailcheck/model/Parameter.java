package io.trailcheck.model;

/**
 * A policy parameter of one rule, inserted as a fact so that rules read policy rather than constants.
 *
 * @param rule  the rule id (CIL007)
 * @param name  the parameter name (minRetentionDays)
 * @param value its value after every policy overlay
 */
public record Parameter(String rule, String name, Object value) {

    /** The value as a whole number (DRL: {@code Parameter(..., $min : number)}). */
    public int getNumber() {
        return value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString());
    }

    /** The value as a switch (DRL: {@code Parameter(..., on == true)}). */
    public boolean isOn() {
        return value instanceof Boolean b ? b : Boolean.parseBoolean(value.toString());
    }

}
