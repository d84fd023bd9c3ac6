package io.trailcheck.collect.auth;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.identity.AzureCliCredentialBuilder;
import com.azure.identity.ClientAssertionCredentialBuilder;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DeviceCodeCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.azure.identity.WorkloadIdentityCredentialBuilder;
import io.trailcheck.collect.Cloud;
import io.trailcheck.collect.CollectException;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Builds the Azure identity library credential a {@link SignIn} names, for the cloud's sign-in host. A secret is
 * read from its environment variable here and handed straight to the library; it is never stored, printed or
 * put into a message.
 */
public final class Credentials {
    private final Function<String, String> env;

    /** @param env reads an environment variable ({@code System::getenv}) */
    public Credentials(Function<String, String> env) {
        this.env = env;
    }

    public TokenCredential build(SignIn signIn, Cloud cloud, String tenant, PrintWriter prompt) {
        HttpClient http = new JdkHttpClientBuilder().build();
        String authority = cloud.authorityHost;
        return switch (signIn.credential()) {
            case CLIENT_SECRET -> new ClientSecretCredentialBuilder().authorityHost(authority).tenantId(tenant)
                    .clientId(required(signIn.clientId(), "--client-id"))
                    .clientSecret(secret(signIn.clientSecretEnv(), "--client-secret-env")).httpClient(http).build();
            case CERTIFICATE -> certificate(signIn, authority, tenant, http);
            case GITHUB_OIDC -> new ClientAssertionCredentialBuilder().authorityHost(authority).tenantId(tenant)
                    .clientId(required(signIn.clientId(), "--client-id"))
                    .clientAssertion(new GitHubOidcToken(env)::fetch).httpClient(http).build();
            case WORKLOAD_IDENTITY -> new WorkloadIdentityCredentialBuilder().authorityHost(authority).tenantId(tenant)
                    .clientId(required(signIn.clientId(), "--client-id"))
                    .tokenFilePath(tokenFile(signIn).toString()).httpClient(http).build();
            case MANAGED_IDENTITY -> signIn.clientId() == null
                    ? new ManagedIdentityCredentialBuilder().httpClient(http).build()
                    : new ManagedIdentityCredentialBuilder().clientId(signIn.clientId()).httpClient(http).build();
            case AZURE_CLI -> new AzureCliCredentialBuilder().tenantId(tenant).build();
            case DEVICE_CODE -> deviceCode(signIn, authority, tenant, http, prompt);
        };
    }

    private TokenCredential certificate(SignIn signIn, String authority, String tenant, HttpClient http) {
        Path file = signIn.certificate();
        if (file == null) throw new CollectException("--credential certificate needs --certificate FILE (PEM or PFX)");
        if (!Files.isReadable(file)) throw new CollectException("--certificate: cannot read " + file);
        ClientCertificateCredentialBuilder b = new ClientCertificateCredentialBuilder().authorityHost(authority).tenantId(tenant)
                .clientId(required(signIn.clientId(), "--client-id")).httpClient(http);
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".pfx") || name.endsWith(".p12")) {
            String password = signIn.certificatePasswordEnv() == null ? null : secret(signIn.certificatePasswordEnv(), "--certificate-password-env");
            b.pfxCertificate(file.toString()).clientCertificatePassword(password);
        } else {
            b.pemCertificate(file.toString());
        }
        return b.build();
    }

    private Path tokenFile(SignIn signIn) {
        if (signIn.federatedTokenFile() != null) return signIn.federatedTokenFile();
        String fromEnv = env.apply("AZURE_FEDERATED_TOKEN_FILE");
        if (fromEnv == null || fromEnv.isBlank()) {
            throw new CollectException("--credential workload-identity needs --federated-token-file FILE or AZURE_FEDERATED_TOKEN_FILE");
        }
        return Path.of(fromEnv);
    }

    private static TokenCredential deviceCode(SignIn signIn, String authority, String tenant, HttpClient http, PrintWriter prompt) {
        DeviceCodeCredentialBuilder b = new DeviceCodeCredentialBuilder().authorityHost(authority).tenantId(tenant).httpClient(http)
                .challengeConsumer(challenge -> {
                    prompt.println(challenge.getMessage());
                    prompt.flush();
                });
        if (signIn.clientId() != null) b.clientId(signIn.clientId());
        return b.build();
    }

    private static String required(String value, String option) {
        if (value == null || value.isBlank()) throw new CollectException("this credential needs " + option);
        return value;
    }

    private String secret(String variable, String option) {
        if (variable == null || variable.isBlank()) throw new CollectException("this credential needs " + option + " NAME");
        String value = env.apply(variable);
        if (value == null || value.isEmpty()) {
            throw new CollectException(option + ": the environment variable " + variable + " is not set");
        }
        return value;
    }
}
