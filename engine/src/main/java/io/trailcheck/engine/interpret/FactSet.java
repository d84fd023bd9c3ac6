package io.trailcheck.engine.interpret;

import java.util.List;
import java.util.Set;

/**
 * The facts of one evaluation and which inputs they came from.
 *
 * @param facts  objects to insert into the session
 * @param inputs the input sections present (names used by {@code @requires})
 */
public record FactSet(List<Object> facts, Set<String> inputs) {
    public FactSet {
        facts = List.copyOf(facts);
        inputs = Set.copyOf(inputs);
    }
}
