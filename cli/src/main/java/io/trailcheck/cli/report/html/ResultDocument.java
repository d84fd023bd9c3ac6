package io.trailcheck.cli.report.html;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One scan's {@code --json} result, as the HTML views read it.
 *
 * @param root  the parsed document
 * @param label what names the tenant when the result does not (the file name)
 */
public record ResultDocument(JsonNode root, String label) {

    /** The tenant's display name, its id, or the label when the snapshot named no tenant. */
    public String tenantLabel() {
        JsonNode t = root.path("tenant");
        String name = t.path("name").asText("");
        if (!name.isBlank()) return name;
        String id = t.path("id").asText("");
        return id.isBlank() || id.equals("tenant") ? label : id;
    }
}
