package io.trailcheck.model;

/**
 * The published configuration of an agent (a solution's publish state) differs from its draft in a field
 * a rule looks at (CIL016): the next publish changes the agent's audit trail. Rules judge the published value.
 *
 * @param agent     the agent's schema name
 * @param field     authenticationMode, authenticationTrigger, accessControlPolicy or channels
 * @param published the value that runs now
 * @param draft     the value the next publish puts live
 * @param location  the draft value's line (what a change to the sources edits)
 */
public record DraftDifference(String agent, String field, String published, String draft, SourceLocation location) {

    public EntityRef entity() {
        return new EntityRef("field", agent + "/" + field);
    }
}
