package io.trailcheck.collect.http;

import java.net.URI;
import java.util.Map;

/**
 * One request: where, with which token scope, and — for a clear 403 — the permission it needs.
 *
 * @param what       how the request is named in messages ("Graph users", "Dataverse bots of contoso")
 * @param permission the least-privileged permission or role the caller needs
 */
public record Call(String method, URI uri, String scope, String jsonBody, Map<String, String> headers,
                   String what, String permission) {
    public static Call get(URI uri, String scope, String what, String permission) {
        return new Call("GET", uri, scope, null, Map.of(), what, permission);
    }

    public static Call post(URI uri, String scope, String jsonBody, String what, String permission) {
        return new Call("POST", uri, scope, jsonBody, Map.of(), what, permission);
    }

    public Call withHeaders(Map<String, String> extra) {
        return new Call(method, uri, scope, jsonBody, extra, what, permission);
    }

    public Call at(URI other) {
        return new Call(method, other, scope, jsonBody, headers, what, permission);
    }
}
