package io.trailcheck.engine.problem;

import java.util.List;

/** A failure that carries every located problem found, so that one run reports them all. */
public abstract class ProblemException extends RuntimeException {
    private final List<Problem> problems;

    protected ProblemException(List<Problem> problems, String fallback) {
        super(problems.isEmpty() ? fallback : problems.get(0).render());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
