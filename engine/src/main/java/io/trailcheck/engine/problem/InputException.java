package io.trailcheck.engine.problem;

import java.util.List;

/** The snapshot, a policy or an option is wrong; carries every problem found (exit code 2). */
public class InputException extends ProblemException {
    public InputException(List<Problem> problems) {
        super(problems, "invalid input");
    }

    public InputException(Problem problem) {
        this(List.of(problem));
    }
}
