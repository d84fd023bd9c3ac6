package io.trailcheck.collect;

import com.azure.identity.AzureCliCredential;
import com.azure.identity.ClientAssertionCredential;
import com.azure.identity.ClientCertificateCredential;
import com.azure.identity.ClientSecretCredential;
import com.azure.identity.DeviceCodeCredential;
import com.azure.identity.ManagedIdentityCredential;
import com.azure.identity.WorkloadIdentityCredential;
import io.trailcheck.collect.auth.Credentials;
import io.trailcheck.collect.auth.SignIn;
import io.trailcheck.collect.auth.SignIn.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-in is the Azure identity library's job: this checks only which credential each option builds. */
class CredentialsTest {
    private static final String CLIENT = "00000000-0000-0000-0000-0000000000c1";
    private final Map<String, String> env = Map.of("TC_SECRET", FakeTenant.SECRET, "AZURE_FEDERATED_TOKEN_FILE", "/var/run/token");
    private final Credentials credentials = new Credentials(env::get);
    private final PrintWriter prompt = new PrintWriter(new StringWriter());
    @TempDir Path dir;

    private Object build(Kind kind, String clientId, String secretEnv, Path certificate) {
        return credentials.build(new SignIn(kind, clientId, secretEnv, certificate, null, null), Cloud.USGOV, "contoso.onmicrosoft.us", prompt);
    }

    @Test
    void eachOptionBuildsItsCredential() throws IOException {
        Path pem = Files.writeString(dir.resolve("app.pem"), "-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n");
        assertInstanceOf(ClientSecretCredential.class, build(Kind.CLIENT_SECRET, CLIENT, "TC_SECRET", null));
        assertInstanceOf(ClientCertificateCredential.class, build(Kind.CERTIFICATE, CLIENT, null, pem));
        assertInstanceOf(ClientAssertionCredential.class, build(Kind.GITHUB_OIDC, CLIENT, null, null));
        assertInstanceOf(WorkloadIdentityCredential.class, build(Kind.WORKLOAD_IDENTITY, CLIENT, null, null));
        assertInstanceOf(ManagedIdentityCredential.class, build(Kind.MANAGED_IDENTITY, null, null, null));
        assertInstanceOf(ManagedIdentityCredential.class, build(Kind.MANAGED_IDENTITY, CLIENT, null, null));
        assertInstanceOf(AzureCliCredential.class, build(Kind.AZURE_CLI, null, null, null));
        assertInstanceOf(DeviceCodeCredential.class, build(Kind.DEVICE_CODE, null, null, null));
    }

    @Test
    void optionNamesParse() {
        for (Kind k : Kind.values()) assertEquals(k, Kind.parse(k.option.toUpperCase()));
        CollectException e = assertThrows(CollectException.class, () -> Kind.parse("password"));
        assertTrue(e.getMessage().contains("client-secret, certificate, github-oidc"), e.getMessage());
    }

    @Test
    void aMissingSecretNamesTheVariableNeverAValue() {
        CollectException e = assertThrows(CollectException.class, () -> build(Kind.CLIENT_SECRET, CLIENT, "TC_UNSET", null));
        assertEquals("--client-secret-env: the environment variable TC_UNSET is not set", e.getMessage());
        CollectException noClient = assertThrows(CollectException.class, () -> build(Kind.CLIENT_SECRET, null, "TC_SECRET", null));
        assertEquals("this credential needs --client-id", noClient.getMessage());
        assertFalse(noClient.getMessage().contains(FakeTenant.SECRET));
    }

    @Test
    void certificateAndWorkloadIdentityNeedTheirFiles() {
        CollectException cert = assertThrows(CollectException.class, () -> build(Kind.CERTIFICATE, CLIENT, null, null));
        assertTrue(cert.getMessage().contains("--certificate FILE"), cert.getMessage());
        Credentials noEnv = new Credentials(name -> null);
        CollectException wif = assertThrows(CollectException.class, () -> noEnv.build(
                new SignIn(Kind.WORKLOAD_IDENTITY, CLIENT, null, null, null, null), Cloud.GLOBAL, "t", prompt));
        assertTrue(wif.getMessage().contains("AZURE_FEDERATED_TOKEN_FILE"), wif.getMessage());
    }

    @Test
    void githubOidcOutsideActionsSaysWhatIsMissing() {
        Object credential = build(Kind.GITHUB_OIDC, CLIENT, null, null);
        RuntimeException e = assertThrows(RuntimeException.class, () -> new io.trailcheck.collect.auth.AzureIdentityTokens(
                (com.azure.core.credential.TokenCredential) credential).token("https://graph.microsoft.us/.default"));
        assertTrue(e.getMessage().contains("id-token: write") || String.valueOf(e.getCause()).contains("id-token: write"), e.toString());
    }

    @Test
    void everyCloudHasItsOwnHosts() {
        assertEquals("https://graph.microsoft.us", Cloud.parse("usgov").graph.toString());
        assertEquals("https://dod-graph.microsoft.us", Cloud.parse("USGOVDOD").graph.toString());
        assertEquals("https://login.chinacloudapi.cn/", Cloud.parse("china").authorityHost);
        assertEquals("https://api.bap.microsoft.com", Cloud.GLOBAL.powerPlatformAdmin.toString());
        assertThrows(CollectException.class, () -> Cloud.parse("germany"));
        assertTrue(Cloud.GLOBAL.isDataverseHost(java.net.URI.create("https://contoso.crm4.dynamics.com")));
        assertTrue(Cloud.USGOV.isDataverseHost(java.net.URI.create("https://contoso.crm.microsoftdynamics.us/")));
        assertFalse(Cloud.USGOV.isDataverseHost(java.net.URI.create("https://contoso.crm.dynamics.com")));
    }
}
