package io.trailcheck.model;

import java.util.List;

/**
 * One agent defined by several sources that disagree on a field a rule looks at (CIL015). The agent is
 * judged on {@code chosen}, the value of the most authoritative source.
 *
 * @param agent    the agent's schema name
 * @param field    the field (authenticationMode, channels, …)
 * @param chosen   the value the agent is judged on
 * @param sources  every source and its value, most authoritative first ("Integrated in settings.mcs.yml:4")
 * @param location the chosen value's line
 */
public record SourceConflict(String agent, String field, String chosen, List<String> sources, SourceLocation location) {

    public SourceConflict {
        sources = List.copyOf(sources);
    }

    public EntityRef entity() {
        return new EntityRef("field", agent + "/" + field);
    }

    /** "Integrated in a:4; None in b:2". */
    public String getSummary() {
        return String.join("; ", sources);
    }

    /** One line for the conflicts list of text and JSON reports. */
    public String describe() {
        return agent + ": " + field + " differs between sources: " + getSummary() + "; judged on " + chosen
                + ". Make the sources agree (re-clone the workspace or re-export the solution after publishing).";
    }
}
