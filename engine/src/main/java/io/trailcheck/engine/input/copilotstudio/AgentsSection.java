package io.trailcheck.engine.input.copilotstudio;

import io.trailcheck.engine.input.InputFile;
import io.trailcheck.engine.input.InputSection;
import io.trailcheck.engine.input.Section;

import java.util.List;

/**
 * The agents one file defines, each as that source describes it.
 *
 * @param agents   the agents
 * @param alsoRead files read along with it (a solution bot's configuration.json), for the inventory
 */
public record AgentsSection(List<AgentDraft> agents, List<InputFile> alsoRead) implements Section {
    public AgentsSection {
        agents = List.copyOf(agents);
        alsoRead = List.copyOf(alsoRead);
    }

    public AgentsSection(List<AgentDraft> agents) {
        this(agents, List.of());
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
