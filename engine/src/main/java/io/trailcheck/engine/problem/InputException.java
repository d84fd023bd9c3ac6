package io.trailcheck.engine.problem;

import java.util.List;

/** The snapshot, a policy or an option is wrong; carries every problem found (exit code 2). */
public class InputException extends RuntimeException {
    private final List<Problem> problems;

    public InputException(List<Problem> problems) {
        super(problems.isEmpty() ? "invalid input" : problems.get(0).render());
        this.problems = List.copyOf(problems);
    }

    public InputException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
