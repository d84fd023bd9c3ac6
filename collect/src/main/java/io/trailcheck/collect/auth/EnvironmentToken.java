package io.trailcheck.collect.auth;

import io.trailcheck.collect.CollectException;
import io.trailcheck.collect.http.TokenSource;

import java.util.function.Function;

/**
 * An already-issued bearer token from an environment variable ({@code --access-token-env}), for pipelines that
 * obtain tokens elsewhere. The same token goes to every API, so it suits one-audience runs (Graph only, or a
 * test server).
 */
public final class EnvironmentToken implements TokenSource {
    private final String variable;
    private final Function<String, String> env;

    public EnvironmentToken(String variable, Function<String, String> env) {
        this.variable = variable;
        this.env = env;
        token("");
    }

    @Override
    public String token(String scope) {
        String value = env.apply(variable);
        if (value == null || value.isBlank()) {
            throw new CollectException("--access-token-env: the environment variable " + variable + " is not set");
        }
        return value.strip();
    }
}
