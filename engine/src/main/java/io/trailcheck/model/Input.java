package io.trailcheck.model;

/**
 * A section the snapshot holds (agents, users, skus, auditConfig, …), so that rules can tell "not exported"
 * from "exported and empty".
 *
 * @param name the section's name, as {@code @requires} spells it
 */
public record Input(String name) {}
