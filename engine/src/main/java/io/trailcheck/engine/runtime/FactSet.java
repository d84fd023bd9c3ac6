package io.trailcheck.engine.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The facts of one evaluation, which inputs they came from, and what could not be evaluated.
 *
 * @param facts        objects to insert into the session
 * @param inputs       the input kinds present (names used by {@code @requires})
 * @param notEvaluated per-entity gaps found while building the facts
 */
public record FactSet(List<Object> facts, Set<String> inputs, List<NotEvaluated> notEvaluated) {
    public FactSet {
        facts = List.copyOf(facts);
        inputs = Set.copyOf(inputs);
        notEvaluated = new ArrayList<>(notEvaluated);
    }
}
