package io.trailcheck.collect.sources;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.trailcheck.collect.CollectException;
import io.trailcheck.collect.files.AtomicFile;
import io.trailcheck.collect.files.PageArrayFile;
import io.trailcheck.collect.files.PageFile;
import io.trailcheck.collect.files.SnapshotLayout;
import io.trailcheck.collect.http.Call;
import io.trailcheck.collect.http.Http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * {@code group-members/<id>.json} for each group: {@code GET /groups/{id}/transitiveMembers?$select=id}, sent
 * twenty at a time in JSON batches (learn.microsoft.com/graph/json-batching). Each inner response is throttled
 * on its own: a 429 inside a batch is sent again, after its {@code Retry-After}, in a later batch. A group's next
 * page goes into the next round, so its pages are appended in order; its file appears when the last is in.
 */
public final class GroupMembers {
    static final int BATCH_LIMIT = 20;
    private static final JsonFactory JSON = new JsonFactory();
    public static final String PERMISSION = "GroupMember.Read.All (application)";

    private final Http http;
    private final URI graphRoot;
    private final String scope;
    private final SnapshotLayout layout;
    private final ExecutorService workers;

    /** @param graphRoot the versioned root, such as {@code https://graph.microsoft.com/v1.0} */
    public GroupMembers(Http http, URI graphRoot, String scope, SnapshotLayout layout, ExecutorService workers) {
        this.http = http;
        this.graphRoot = graphRoot;
        this.scope = scope;
        this.layout = layout;
        this.workers = workers;
    }

    public record Outcome(int fetched, int kept, List<String> notFound) {}

    private record Pending(String groupId, String url, int attempt) {}

    private record Answer(Pending request, int status, Optional<String> retryAfter, byte[] body) {}

    public Outcome collect(Collection<String> groupIds) {
        Map<String, PageArrayFile> files = new LinkedHashMap<>();
        Deque<Pending> pending = new ArrayDeque<>();
        int kept = 0;
        for (String id : groupIds) {
            if (Files.exists(layout.groupMembers(id))) {
                kept++;
            } else {
                pending.add(new Pending(id, "/groups/" + id + "/transitiveMembers?$select=id", 1));
            }
        }
        List<String> notFound = new ArrayList<>();
        int fetched = 0;
        try {
            while (!pending.isEmpty()) {
                List<Answer> answers = round(pending);
                Duration wait = Duration.ZERO;
                for (Answer a : answers) {
                    Optional<Pending> again = settle(a, files, notFound);
                    if (again.isEmpty()) continue;
                    pending.add(again.get());
                    if (a.status() == 429 || a.status() == 503) {
                        Duration d = http.retry().delay(a.retryAfter(), a.request().attempt());
                        http.progress().throttled(d);
                        if (d.compareTo(wait) > 0) wait = d;
                    }
                }
                fetched += commitFinished(files, answers);
                if (!wait.isZero()) Http.pause(wait);
            }
        } finally {
            files.values().forEach(PageArrayFile::close);
        }
        return new Outcome(fetched, kept, notFound);
    }

    /** Sends every pending request, twenty to a batch, batches in parallel. */
    private List<Answer> round(Deque<Pending> pending) {
        List<Future<List<Answer>>> batches = new ArrayList<>();
        while (!pending.isEmpty()) {
            List<Pending> batch = new ArrayList<>();
            while (!pending.isEmpty() && batch.size() < BATCH_LIMIT) batch.add(pending.poll());
            batches.add(workers.submit(() -> send(batch)));
        }
        List<Answer> answers = new ArrayList<>();
        for (Future<List<Answer>> f : batches) answers.addAll(join(f));
        return answers;
    }

    private static <T> T join(Future<T> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CollectException ce) throw ce;
            throw new CollectException("group membership batch failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CollectException("interrupted");
        }
    }

    private List<Answer> send(List<Pending> batch) throws IOException {
        Path part = AtomicFile.prepare(layout.graph().resolve("group-members").resolve(".batch-" + Thread.currentThread().getId() + ".json"));
        try {
            http.send(Call.post(URI.create(graphRoot + "/$batch"), scope, batchBody(batch),
                    "Graph group members ($batch)", PERMISSION), part);
            return answers(part, batch);
        } finally {
            AtomicFile.discard(part);
        }
    }

    static String batchBody(List<Pending> batch) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("requests");
            for (int i = 0; i < batch.size(); i++) {
                g.writeStartObject();
                g.writeStringField("id", Integer.toString(i + 1));
                g.writeStringField("method", "GET");
                g.writeStringField("url", batch.get(i).url());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The inner responses; each body is copied token by token (no model), whatever order its fields come in. */
    private static List<Answer> answers(Path file, List<Pending> batch) throws IOException {
        List<Answer> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new CollectException("Graph $batch: the response is not a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (!name.equals("responses") || t != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.START_OBJECT) out.add(answer(p, batch));
            }
        }
        if (out.size() != batch.size()) {
            throw new CollectException("Graph $batch: " + batch.size() + " requests sent, " + out.size() + " responses received");
        }
        return out;
    }

    private static Answer answer(JsonParser p, List<Pending> batch) throws IOException {
        String id = null, retryAfter = null;
        int status = 0;
        byte[] body = new byte[0];
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "id" -> id = p.getValueAsString();
                case "status" -> status = p.getValueAsInt();
                case "headers" -> retryAfter = header(p, "Retry-After");
                case "body" -> body = copy(p);
                default -> p.skipChildren();
            }
        }
        int index = id == null ? -1 : parseIndex(id);
        if (index < 0 || index >= batch.size()) throw new CollectException("Graph $batch: a response with an unknown id");
        return new Answer(batch.get(index), status, Optional.ofNullable(retryAfter), body);
    }

    private static int parseIndex(String id) {
        try {
            return Integer.parseInt(id) - 1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String header(JsonParser p, String wanted) throws IOException {
        String value = null;
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (name.equalsIgnoreCase(wanted)) value = p.getValueAsString();
            else p.skipChildren();
        }
        return value;
    }

    private static byte[] copy(JsonParser p) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.copyCurrentStructure(p);
        }
        return out.toByteArray();
    }

    /** Files a page, or says what to send again (a throttled request, the group's next page). */
    private Optional<Pending> settle(Answer a, Map<String, PageArrayFile> files, List<String> notFound) {
        Pending r = a.request();
        if (a.status() == 200) {
            files.computeIfAbsent(r.groupId(), id -> new PageArrayFile(layout.groupMembers(id))).append(a.body());
            PageFile.Summary page = PageFile.summary(a.body());
            http.progress().page(page.records());
            String next = page.nextLink();
            return next == null ? Optional.empty() : Optional.of(new Pending(r.groupId(), relative(next), 1));
        }
        if (a.status() == 404) {
            notFound.add(r.groupId());
            PageArrayFile partial = files.remove(r.groupId());
            if (partial != null) partial.close();
            return Optional.empty();
        }
        boolean transientFailure = a.status() == 429 || a.status() == 503 || a.status() == 502 || a.status() == 504;
        if (transientFailure && http.retry().mayRetry(r.attempt())) {
            return Optional.of(new Pending(r.groupId(), r.url(), r.attempt() + 1));
        }
        throw new CollectException(Http.failureMessage("Graph group members of " + r.groupId() + " (in $batch)",
                a.status(), innerError(a.body()), PERMISSION, scope));
    }

    private static int commitFinished(Map<String, PageArrayFile> files, List<Answer> answers) {
        int done = 0;
        for (Answer a : answers) {
            if (a.status() != 200 || PageFile.summary(a.body()).nextLink() != null) continue;
            PageArrayFile file = files.remove(a.request().groupId());
            if (file != null) {
                file.commit();
                done++;
            }
        }
        return done;
    }

    /** The next link as a request relative to the versioned root, the form a batch takes. */
    private String relative(String next) {
        String root = graphRoot.toString();
        URI checked = ChainedPages.checkedNext(graphRoot, URI.create(next));
        String s = checked.toString();
        if (!s.startsWith(root)) throw new CollectException("Graph $batch: a next link outside " + Http.safe(graphRoot));
        return s.substring(root.length());
    }

    private static String innerError(byte[] body) {
        try (JsonParser p = JSON.createParser(body)) {
            return Http.errorDetail(p);
        } catch (IOException e) {
            return "";
        }
    }
}
