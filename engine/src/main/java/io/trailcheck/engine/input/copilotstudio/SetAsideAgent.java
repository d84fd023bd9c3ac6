package io.trailcheck.engine.input.copilotstudio;

import io.trailcheck.engine.input.InputFile;
import io.trailcheck.engine.input.InputKind;
import io.trailcheck.model.SourceLocation;

/**
 * An agent an export shows as not live (deleted, inactive, an unpublished managed component): listed in the
 * inventory, not judged.
 *
 * @param agent    the agent's schema name
 * @param reason   what the export says ("statecode 1 (Inactive) in Dataverse")
 * @param location where it says so
 */
public record SetAsideAgent(String agent, String reason, SourceLocation location) {}
