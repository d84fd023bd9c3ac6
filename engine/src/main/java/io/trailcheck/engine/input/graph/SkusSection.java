package io.trailcheck.engine.input.graph;

import io.trailcheck.engine.directory.Sku;
import io.trailcheck.engine.input.InputSection;
import io.trailcheck.engine.input.Section;

import java.util.List;

/** The subscribed SKUs one file lists, with every service plan they contain. */
public record SkusSection(List<Sku> skus) implements Section {
    @Override
    public InputSection section() {
        return InputSection.SKUS;
    }

    @Override
    public int records() {
        return skus.size();
    }
}
