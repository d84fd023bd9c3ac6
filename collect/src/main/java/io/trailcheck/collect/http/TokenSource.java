package io.trailcheck.collect.http;

/** Bearer tokens for a resource scope (such as {@code https://graph.microsoft.com/.default}). */
@FunctionalInterface
public interface TokenSource {
    String token(String scope);
}
