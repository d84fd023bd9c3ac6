package io.trailcheck.engine.input.observations;

import io.trailcheck.engine.input.InputSection;
import io.trailcheck.engine.input.Section;

import java.util.List;

/**
 * The conversations one telemetry or transcript export shows, each once, and what the export held.
 *
 * @param conversations the conversations, in file order
 * @param inventory     events by name and the times they span
 */
public record ConversationsSection(List<ObservedConversation> conversations, ObservationInventory inventory)
        implements Section {
    @Override
    public InputSection section() {
        return InputSection.INTERACTIONS;
    }

    @Override
    public int records() {
        return conversations.size();
    }
}
