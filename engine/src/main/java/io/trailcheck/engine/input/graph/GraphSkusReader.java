package io.trailcheck.engine.input.graph;

import com.fasterxml.jackson.core.JsonParser;
import io.trailcheck.engine.directory.Sku;
import io.trailcheck.engine.input.CollectionReader;
import io.trailcheck.engine.problem.Problems;
import io.trailcheck.engine.parse.FieldNames;
import io.trailcheck.engine.parse.GraphCollection;
import io.trailcheck.engine.parse.JsonValues;
import io.trailcheck.engine.parse.RecordReader;
import io.trailcheck.model.SourceLocation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Graph {@code GET /v1.0/subscribedSkus}: each SKU and the service plans it contains. */
public final class GraphSkusReader {
    private final CollectionReader collection;

    public GraphSkusReader(GraphCollection collection) {
        this.collection = new CollectionReader(collection);
    }

    private static final class Draft {
        String skuId, partNumber;
        final Set<String> plans = new HashSet<>();
    }

    public SkusSection read(Path file, Problems problems) {
        java.util.List<Sku> skus = new java.util.ArrayList<>();
        collection.read(file, problems, counted -> records(file, problems, skus, counted));
        return new SkusSection(skus);
    }

    /** A reader that adds each complete SKU to {@code skus} and then calls {@code counted}. */
    public RecordReader<?> records(Path file, Problems problems, java.util.List<Sku> skus, Runnable counted) {
        JsonValues values = new JsonValues(file, problems);
        return RecordReader.of(at -> new Draft(), (Draft d, String name, JsonParser p) -> {
            switch (FieldNames.lower(name)) {
                case "skuid" -> d.skuId = values.string(p, name);
                case "skupartnumber" -> d.partNumber = values.string(p, name);
                case "serviceplans" -> values.objects(p, name, plan -> values.fields(plan, (field, v) -> {
                    if (field.equalsIgnoreCase("servicePlanId")) {
                        String id = values.string(v, "servicePlans[].servicePlanId");
                        if (id != null) d.plans.add(id.toLowerCase(Locale.ROOT));
                    } else {
                        JsonValues.skip(v);
                    }
                }));
                default -> JsonValues.skip(p);
            }
        }, d -> {
            if (d.skuId == null) return;
            String id = d.skuId.toLowerCase(Locale.ROOT);
            skus.add(new Sku(id, d.partNumber, d.plans));
            counted.run();
        });
    }
}
