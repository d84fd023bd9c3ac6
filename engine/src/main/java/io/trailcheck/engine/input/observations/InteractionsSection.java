package io.trailcheck.engine.input.observations;

import io.trailcheck.engine.input.InputSection;
import io.trailcheck.engine.input.Section;

import java.util.List;

/** Conversations a file says were observed. */
public record InteractionsSection(List<ObservedInteraction> interactions) implements Section {
    public InteractionsSection {
        interactions = List.copyOf(interactions);
    }

    @Override
    public InputSection section() {
        return InputSection.INTERACTIONS;
    }

    @Override
    public int records() {
        return interactions.size();
    }
}
