package io.trailcheck.collect.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.trailcheck.collect.CollectException;
import io.trailcheck.collect.Text;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;

/**
 * Sends requests with a bearer token and writes response bodies to files as they arrive. Throttling (429,
 * 503) and transient failures (502, 504, a reset connection, a timeout) are retried; at most
 * {@code concurrency} requests are in flight at once. Tokens and headers never appear in a message.
 */
public final class Http {
    private static final Set<Integer> RETRIED = Set.of(429, 502, 503, 504);
    private static final JsonFactory JSON = new JsonFactory();

    private final HttpClient client;
    private final TokenSource tokens;
    private final Retry retry;
    private final Semaphore inFlight;
    private final Duration timeout;
    private final Progress progress;

    public Http(TokenSource tokens, Retry retry, int concurrency, Duration timeout, Progress progress) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.tokens = tokens;
        this.retry = retry;
        this.inFlight = new Semaphore(concurrency);
        this.timeout = timeout;
        this.progress = progress;
    }

    public Retry retry() {
        return retry;
    }

    public Progress progress() {
        return progress;
    }

    /** A successful (2xx) response whose body is in {@code body}. */
    public record Response(int status, HttpHeaders headers, Path body) {}

    /** Sends {@code call}, retrying as needed, and leaves the 2xx body in {@code body} (overwritten). */
    public Response send(Call call, Path body) {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<Path> response;
            try {
                response = exchange(call, body);
            } catch (IOException e) {
                if (!retry.mayRetry(attempt)) {
                    throw new CollectException(call.what() + ": " + describe(e) + " (" + attempt + " attempts, " + safe(call.uri()) + ")");
                }
                progress.retried();
                pause(retry.delay(Optional.empty(), attempt));
                continue;
            }
            int status = response.statusCode();
            if (status / 100 == 2) return new Response(status, response.headers(), body);
            if (RETRIED.contains(status) && retry.mayRetry(attempt)) {
                Duration wait = retry.delay(response.headers().firstValue("Retry-After"), attempt);
                progress.throttled(wait);
                pause(wait);
                continue;
            }
            throw failure(call, status, body);
        }
    }

    private HttpResponse<Path> exchange(Call call, Path body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(call.uri()).timeout(timeout)
                .header("Authorization", "Bearer " + tokens.token(call.scope()))
                .header("Accept", "application/json");
        call.headers().forEach(request::header);
        if (call.jsonBody() == null) {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(call.method(), HttpRequest.BodyPublishers.ofString(call.jsonBody()));
        }
        acquire();
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofFile(body,
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CollectException(call.what() + ": interrupted");
        } finally {
            inFlight.release();
        }
    }

    private void acquire() {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CollectException("interrupted");
        }
    }

    public static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis(), (int) (wait.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CollectException("interrupted");
        }
    }

    /** The message for a final failure: 401 and 403 say what to fix. */
    static CollectException failure(Call call, int status, Path body) {
        String detail = errorDetail(body);
        String where = call.what() + " (" + call.method() + " " + safe(call.uri()) + ")";
        return new CollectException(failureMessage(where, status, detail, call.permission(), call.scope()));
    }

    public static String failureMessage(String where, int status, String detail, String permission, String scope) {
        String suffix = detail.isEmpty() ? "" : " [" + detail + "]";
        return switch (status) {
            case 401 -> where + ": 401 Unauthorized: the token was not accepted; sign in to this tenant and cloud "
                    + "for " + scope + " (it needs " + permission + ")" + suffix;
            case 403 -> where + ": 403 Forbidden: missing permission: " + permission + suffix;
            default -> where + ": HTTP " + status + suffix;
        };
    }

    /** {@code code: message} from a Graph / Dataverse / Power Platform error body, made printable. */
    static String errorDetail(Path body) {
        try (JsonParser p = JSON.createParser(body.toFile())) {
            return errorDetail(p);
        } catch (IOException | RuntimeException notJson) {
            return "";
        }
    }

    public static String errorDetail(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) return "";
        String code = null, message = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("error") && value == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken t = p.nextToken();
                    if (t == JsonToken.VALUE_STRING && field.equals("code")) code = p.getText();
                    else if (t == JsonToken.VALUE_STRING && field.equals("message")) message = p.getText();
                    else p.skipChildren();
                }
            } else {
                p.skipChildren();
            }
        }
        if (code == null && message == null) return "";
        return Text.printable((code == null ? "" : code + ": ") + (message == null ? "" : message));
    }

    /** A URI for messages: scheme, host and path only (a skip token or query is left out). */
    public static String safe(URI uri) {
        return Text.printable(uri.getScheme() + "://" + uri.getAuthority() + uri.getRawPath());
    }

    private static String describe(IOException e) {
        String kind = e.getClass().getSimpleName();
        return e.getMessage() == null ? kind : kind + ": " + Text.printable(e.getMessage());
    }
}
