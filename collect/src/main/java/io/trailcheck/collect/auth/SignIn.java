package io.trailcheck.collect.auth;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How to sign in. Secrets are never values here: only the names of the environment variables holding them.
 *
 * @param credential           which credential of the Azure identity library
 * @param clientId             the app registration's application (client) id; for managed identity, a
 *                             user-assigned identity's client id (null: the system-assigned one)
 * @param clientSecretEnv      the environment variable holding the client secret
 * @param certificate          a PEM or PFX certificate file with its private key
 * @param certificatePasswordEnv the environment variable holding the PFX password, or null
 * @param federatedTokenFile   a federated token file (workload identity; default from AZURE_FEDERATED_TOKEN_FILE)
 */
public record SignIn(Kind credential, String clientId, String clientSecretEnv, Path certificate,
                     String certificatePasswordEnv, Path federatedTokenFile) {

    public enum Kind {
        CLIENT_SECRET("client-secret"),
        CERTIFICATE("certificate"),
        GITHUB_OIDC("github-oidc"),
        WORKLOAD_IDENTITY("workload-identity"),
        MANAGED_IDENTITY("managed-identity"),
        AZURE_CLI("azure-cli"),
        DEVICE_CODE("device-code");

        public final String option;

        Kind(String option) {
            this.option = option;
        }

        public static Kind parse(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            for (Kind k : values()) if (k.option.equals(v)) return k;
            throw new io.trailcheck.collect.CollectException("--credential: expected client-secret, certificate, github-oidc, "
                    + "workload-identity, managed-identity, azure-cli or device-code, found " + io.trailcheck.collect.Text.quoted(value));
        }
    }
}
