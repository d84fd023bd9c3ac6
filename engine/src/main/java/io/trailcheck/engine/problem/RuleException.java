package io.trailcheck.engine.problem;

import java.util.List;

/** A rule does not compile, lacks metadata, collides with another, or fails while running (exit code 3). */
public class RuleException extends ProblemException {
    public RuleException(List<Problem> problems) {
        super(problems, "rule error");
    }

    public RuleException(Problem problem) {
        this(List.of(problem));
    }
}
