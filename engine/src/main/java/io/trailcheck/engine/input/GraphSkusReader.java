package io.trailcheck.engine.input;

import com.fasterxml.jackson.core.JsonParser;
import io.trailcheck.engine.directory.Sku;
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

/** Graph {@code GET /v1.0/subscribedSkus}: each SKU's Exchange service plans. */
final class GraphSkusReader extends CollectionReader {

    GraphSkusReader(GraphCollection collection) {
        super(collection);
    }

    private static final class Draft {
        String skuId, partNumber;
        final Set<String> mailboxPlans = new HashSet<>();
        boolean foundation;
    }

    @Override
    RecordReader<?> records(Path file, Intake intake, Runnable counted) {
        JsonValues values = new JsonValues(file, intake.problems);
        intake.skusExported = true;
        return RecordReader.of(at -> new Draft(), (Draft d, String name, JsonParser p) -> {
            switch (FieldNames.lower(name)) {
                case "skuid" -> d.skuId = values.string(p, name);
                case "skupartnumber" -> d.partNumber = values.string(p, name);
                case "serviceplans" -> values.objects(p, name, plan -> values.fields(plan, (field, v) -> {
                    if (field.equalsIgnoreCase("servicePlanId")) {
                        String id = values.string(v, "servicePlans[].servicePlanId");
                        if (id == null) return;
                        id = id.toLowerCase(Locale.ROOT);
                        if (intake.policy.mailboxPlans().containsKey(id)) d.mailboxPlans.add(id);
                        if (intake.policy.foundationPlans().containsKey(id)) d.foundation = true;
                    } else {
                        JsonValues.skip(v);
                    }
                }));
                default -> JsonValues.skip(p);
            }
        }, d -> {
            if (d.skuId == null) return;
            String id = d.skuId.toLowerCase(Locale.ROOT);
            intake.skus.put(id, new Sku(id, d.partNumber, d.mailboxPlans, d.foundation));
            counted.run();
        });
    }
}
