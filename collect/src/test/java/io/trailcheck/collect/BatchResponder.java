package io.trailcheck.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;

/**
 * Answers Graph JSON batches (learn.microsoft.com/graph/json-batching): each inner request gets the next of the
 * answers queued for its URL (the last one repeats), or a 404 {@code Request_ResourceNotFound}.
 */
public final class BatchResponder implements ResponseDefinitionTransformerV2 {
    public static final String NAME = "graph-batch";
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Inner(int status, String retryAfter, String body) {}

    private final Map<String, Deque<Inner>> answers = new HashMap<>();
    final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    final List<String> innerUrls = Collections.synchronizedList(new ArrayList<>());

    public synchronized void answer(String url, Inner... inner) {
        answers.computeIfAbsent(url, u -> new ArrayDeque<>()).addAll(List.of(inner));
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        try {
            JsonNode requests = JSON.readTree(event.getRequest().getBodyAsString()).get("requests");
            batchSizes.add(requests.size());
            ObjectNode out = JSON.createObjectNode();
            ArrayNode responses = out.putArray("responses");
            for (JsonNode r : requests) {
                String url = r.get("url").asText();
                innerUrls.add(url);
                Deque<Inner> queue = answers.get(url);
                Inner a = queue == null || queue.isEmpty() ? notFound() : queue.size() > 1 ? queue.poll() : queue.peek();
                ObjectNode response = responses.addObject();
                // Graph does not promise an order of fields: the body first, then status and id.
                response.set("body", JSON.readTree(a.body()));
                response.put("status", a.status());
                ObjectNode headers = response.putObject("headers");
                headers.put("Content-Type", "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8");
                if (a.retryAfter() != null) headers.put("Retry-After", a.retryAfter());
                response.put("id", r.get("id").asText());
            }
            return responseDefinition().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody(JSON.writeValueAsString(out)).build();
        } catch (Exception e) {
            return responseDefinition().withStatus(400).withBody(e.toString()).build();
        }
    }

    private static Inner notFound() {
        return new Inner(404, null, "{\"error\":{\"code\":\"Request_ResourceNotFound\",\"message\":\"Resource does not exist or one of its queried reference-property objects are not present.\"}}");
    }

    public static Inner ok(String body) {
        return new Inner(200, null, body);
    }

    public static Inner throttled() {
        return new Inner(429, "1", "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Too many requests.\"}}");
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }
}
