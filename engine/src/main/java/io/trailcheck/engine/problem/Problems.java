package io.trailcheck.engine.problem;

import java.util.ArrayList;
import java.util.List;

/** Collects problems so a reader can report all of them rather than stop at the first. */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();

    public void add(Problem p) {
        list.add(p);
    }

    public void addAll(List<Problem> ps) {
        list.addAll(ps);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public int size() {
        return list.size();
    }

    public List<Problem> list() {
        List<Problem> sorted = new ArrayList<>(list);
        sorted.sort(Problem.ORDER);
        return sorted;
    }

    /** Throws an {@link InputException} holding every problem, if there is any. */
    public void throwIfAny() {
        if (!list.isEmpty()) throw new InputException(list());
    }
}
