package io.trailcheck.model;

/**
 * A value trailcheck could not classify (an enum value outside the known set).
 *
 * @param entity   what carries the value (an agent)
 * @param field    the field (authenticationMode, …)
 * @param value    the raw value as written
 * @param location where it was written
 */
public record UnknownValue(EntityRef entity, String field, String value, SourceLocation location) {
}
