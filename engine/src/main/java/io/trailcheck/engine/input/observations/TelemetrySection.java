package io.trailcheck.engine.input.observations;

import io.trailcheck.engine.input.InputSection;
import io.trailcheck.engine.input.Section;
import io.trailcheck.model.Telemetry;

import java.util.List;

/** Each agent's Application Insights settings, as a file gives them. */
public record TelemetrySection(List<Telemetry> telemetry) implements Section {
    public TelemetrySection {
        telemetry = List.copyOf(telemetry);
    }

    @Override
    public InputSection section() {
        return InputSection.TELEMETRY;
    }

    @Override
    public int records() {
        return telemetry.size();
    }
}
