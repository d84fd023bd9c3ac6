package io.trailcheck.collect.auth;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import io.trailcheck.collect.CollectException;
import io.trailcheck.collect.Text;
import io.trailcheck.collect.http.TokenSource;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Tokens from an Azure identity credential, one per scope, renewed five minutes before they expire. */
public final class AzureIdentityTokens implements TokenSource {
    private final TokenCredential credential;
    private final Map<String, AccessToken> cache = new ConcurrentHashMap<>();

    public AzureIdentityTokens(TokenCredential credential) {
        this.credential = credential;
    }

    @Override
    public String token(String scope) {
        AccessToken cached = cache.get(scope);
        if (cached != null && cached.getExpiresAt().isAfter(OffsetDateTime.now().plus(Duration.ofMinutes(5)))) {
            return cached.getToken();
        }
        AccessToken fresh;
        try {
            fresh = credential.getTokenSync(new TokenRequestContext().addScopes(scope));
        } catch (RuntimeException e) {
            // The library's messages name the tenant, client and error code, never the secret.
            throw new CollectException("sign-in failed for " + scope + ": " + Text.printable(rootCause(e)), e);
        }
        if (fresh == null) throw new CollectException("sign-in failed for " + scope + ": no token");
        cache.put(scope, fresh);
        return fresh.getToken();
    }

    /** The innermost cause, on one line: "ConnectException", or the identity service's error code and text. */
    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = root.getMessage();
        if (message == null) return root.getClass().getSimpleName() + " (is the sign-in host reachable?)";
        int nl = message.indexOf('\n');
        return root.getClass().getSimpleName() + ": " + (nl < 0 ? message : message.substring(0, nl));
    }
}
