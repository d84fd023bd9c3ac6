package io.trailcheck.engine.input.copilotstudio;

import io.trailcheck.engine.input.InputSection;
import io.trailcheck.engine.input.Section;

import java.util.List;

/** The agents one file defines, each as that source describes it. */
public record AgentsSection(List<AgentDraft> agents) implements Section {
    public AgentsSection {
        agents = List.copyOf(agents);
    }

    @Override
    public InputSection section() {
        return InputSection.AGENTS;
    }

    @Override
    public int records() {
        return agents.size();
    }
}
