package io.trailcheck.engine.problem;

import java.util.List;

/** A rule does not compile, lacks metadata, collides with another, or fails while running (exit code 3). */
public class RuleException extends RuntimeException {
    private final List<Problem> problems;

    public RuleException(List<Problem> problems) {
        super(problems.isEmpty() ? "rule error" : problems.get(0).render());
        this.problems = List.copyOf(problems);
    }

    public RuleException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
