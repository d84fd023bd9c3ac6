package io.trailcheck.collect.auth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.trailcheck.collect.CollectException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;

/**
 * A GitHub Actions OIDC token for Entra workload identity federation: requested from the job's token service
 * ({@code ACTIONS_ID_TOKEN_REQUEST_URL} with {@code ACTIONS_ID_TOKEN_REQUEST_TOKEN}, present when the job has
 * {@code permissions: id-token: write}) with the audience Entra expects, {@code api://AzureADTokenExchange}
 * (learn.microsoft.com/entra/workload-id/workload-identity-federation-create-trust). No secret is stored anywhere.
 */
final class GitHubOidcToken {
    static final String AUDIENCE = "api://AzureADTokenExchange";
    private final Function<String, String> env;

    GitHubOidcToken(Function<String, String> env) {
        this.env = env;
    }

    String fetch() {
        String url = env.apply("ACTIONS_ID_TOKEN_REQUEST_URL");
        String bearer = env.apply("ACTIONS_ID_TOKEN_REQUEST_TOKEN");
        if (url == null || bearer == null) {
            throw new CollectException("--credential github-oidc: ACTIONS_ID_TOKEN_REQUEST_URL is not set; "
                    + "run in GitHub Actions with 'permissions: id-token: write'");
        }
        URI uri = URI.create(url + (url.contains("?") ? "&" : "?") + "audience=" + URLEncoder.encode(AUDIENCE, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearer).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new CollectException("--credential github-oidc: GitHub's token service answered HTTP " + response.statusCode());
            }
            return value(response.body());
        } catch (IOException e) {
            throw new CollectException("--credential github-oidc: cannot reach GitHub's token service: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CollectException("interrupted");
        }
    }

    private static String value(byte[] body) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new CollectException("--credential github-oidc: unexpected answer");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals("value") && t == JsonToken.VALUE_STRING) return p.getText();
                p.skipChildren();
            }
        }
        throw new CollectException("--credential github-oidc: GitHub's answer holds no token");
    }
}
