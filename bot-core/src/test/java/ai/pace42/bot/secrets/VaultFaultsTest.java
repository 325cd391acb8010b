package ai.pace42.bot.secrets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Vault's failure modes, stubbed with the bodies Vault really sends (reference §2.3). */
class VaultFaultsTest {

    private static final String DATA_PATH = "/v1/secret/data/pace42/accounts/acc_a/garmin";
    private static final String JSON = "application/json";

    private WireMockServer vault;

    @BeforeEach
    void setUp() {
        vault = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        vault.start();
    }

    @AfterEach
    void tearDown() {
        vault.stop();
    }

    private VaultSecretStore tokenStore(int attempts, int readTimeoutSeconds) {
        return new VaultSecretStore(new VaultSettings("http://127.0.0.1:" + vault.port(), "hvs.token", "", "",
                "team-a/", "secret", "pace42", 1, readTimeoutSeconds, attempts, Duration.ofMillis(5)),
                Clock.systemUTC());
    }

    private static String readBody(String value) {
        return "{\"request_id\":\"r\",\"lease_id\":\"\",\"renewable\":false,\"lease_duration\":0,\"data\":{\"data\":"
                + "{\"value\":\"" + value + "\"},\"metadata\":{\"created_time\":\"2026-11-20T10:00:00Z\","
                + "\"custom_metadata\":null,\"deletion_time\":\"\",\"destroyed\":false,\"version\":3}},"
                + "\"wrap_info\":null,\"warnings\":null,\"auth\":null,\"mount_type\":\"kv\"}";
    }

    @Test
    void sendsTheKvV2ShapeWithTokenAndNamespace() {
        vault.stubFor(post(urlEqualTo(DATA_PATH)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON)
                .withBody("{\"data\":{\"created_time\":\"2026-11-20T10:00:00Z\",\"custom_metadata\":null,"
                        + "\"deletion_time\":\"\",\"destroyed\":false,\"version\":1}}")));

        tokenStore(1, 2).put("acc_a", "garmin", "tok");

        vault.verify(postRequestedFor(urlEqualTo(DATA_PATH))
                .withHeader("X-Vault-Token", equalTo("hvs.token"))
                .withHeader("X-Vault-Namespace", equalTo("team-a/"))
                .withRequestBody(equalToJson("{\"data\":{\"value\":\"tok\"},\"options\":{\"cas\":0}}")));
    }

    @Test
    void sealedIsRetriedThenReportedAsUnavailable() {
        vault.stubFor(get(urlEqualTo(DATA_PATH)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", JSON).withBody("{\"errors\":[\"Vault is sealed\"]}")));
        vault.stubFor(get(urlEqualTo("/v1/sys/health")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", JSON)
                .withBody("{\"initialized\":true,\"sealed\":true,\"standby\":true,\"version\":\"1.17.0\"}")));
        VaultSecretStore store = tokenStore(3, 2);

        assertThatThrownBy(() -> store.get("acc_a", "garmin")).isInstanceOf(SecretStoreUnavailableException.class)
                .extracting(e -> ((SecretStoreUnavailableException) e).reason()).asString().contains("503");
        vault.verify(3, getRequestedFor(urlEqualTo(DATA_PATH)));
        assertThat(store.health().healthy()).isFalse();
        assertThat(store.health().message()).contains("sealed");
    }

    @Test
    void aRateLimitIsRetriedAndThenSucceeds() {
        vault.stubFor(get(urlEqualTo(DATA_PATH)).inScenario("quota").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", JSON)
                        .withBody("{\"errors\":[\"request path \\\"secret/data/pace42\\\": rate limit quota exceeded\"]}"))
                .willSetStateTo("ok"));
        vault.stubFor(get(urlEqualTo(DATA_PATH)).inScenario("quota").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody(readBody("tok-1"))));

        assertThat(tokenStore(3, 2).get("acc_a", "garmin")).contains("tok-1");
        vault.verify(2, getRequestedFor(urlEqualTo(DATA_PATH)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"errors\":[\"permission denied\",\"invalid token\"]}",
        "{\"errors\":[\"2 errors occurred:\\n\\t* permission denied\\n\\t* invalid token\\n\\n\"]}"})
    void aRejectedTokenIsNotRetriedAndNeverLooksLikeNoSecret(String body) {
        vault.stubFor(get(urlEqualTo(DATA_PATH)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", JSON).withBody(body)));

        assertThatThrownBy(() -> tokenStore(3, 2).get("acc_a", "garmin"))
                .isInstanceOf(SecretStoreUnavailableException.class);
        vault.verify(1, getRequestedFor(urlEqualTo(DATA_PATH)));
    }

    @Test
    void aSoftDeletedVersionReadsAsAbsent() {
        vault.stubFor(get(urlEqualTo(DATA_PATH)).willReturn(aResponse().withStatus(404).withHeader("Content-Type", JSON)
                .withBody("{\"request_id\":\"r\",\"lease_id\":\"\",\"renewable\":false,\"lease_duration\":0,"
                        + "\"data\":{\"data\":null,\"metadata\":{\"created_time\":\"2026-11-20T10:00:00Z\","
                        + "\"custom_metadata\":null,\"deletion_time\":\"2026-11-21T10:00:00Z\",\"destroyed\":false,"
                        + "\"version\":2}},\"wrap_info\":null,\"warnings\":null,\"auth\":null,\"mount_type\":\"kv\"}")));

        assertThat(tokenStore(3, 2).get("acc_a", "garmin")).isEmpty();
    }

    @Test
    void aSlowVaultTimesOutInsteadOfHanging() {
        vault.stubFor(get(urlEqualTo(DATA_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", JSON).withBody(readBody("late")).withFixedDelay(2500)));

        assertThatThrownBy(() -> tokenStore(2, 1).get("acc_a", "garmin"))
                .isInstanceOf(SecretStoreUnavailableException.class)
                .extracting(e -> ((SecretStoreUnavailableException) e).reason()).asString().contains("time-out");
    }

    @Test
    void aConnectionResetIsRetried() {
        vault.stubFor(get(urlEqualTo(DATA_PATH)).inScenario("reset").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
        vault.stubFor(get(urlEqualTo(DATA_PATH)).inScenario("reset").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody(readBody("tok-2"))));

        assertThat(tokenStore(3, 2).get("acc_a", "garmin")).contains("tok-2");
    }

    @Test
    void appRoleLogsInAndLogsInAgainWhenItsTokenIsRevoked() {
        FakeVault fake = FakeVault.started();
        try {
            VaultSecretStore store = new VaultSecretStore(new VaultSettings(fake.url(), "", FakeVault.ROLE_ID,
                    FakeVault.SECRET_ID, "", "secret", "pace42", 1, 2, 2, Duration.ofMillis(5)), Clock.systemUTC());
            store.put("acc_a", "garmin", "tok-approle");
            String firstToken = fake.server().getAllServeEvents().stream()
                    .filter(e -> e.getRequest().getUrl().startsWith("/v1/secret/"))
                    .map(e -> e.getRequest().getHeader("X-Vault-Token")).findFirst().orElseThrow();

            fake.revoke(firstToken);

            assertThat(store.get("acc_a", "garmin")).contains("tok-approle");
            fake.server().verify(2, postRequestedFor(urlEqualTo("/v1/auth/approle/login"))
                    .withRequestBody(equalToJson("{\"role_id\":\"role-1\",\"secret_id\":\"secret-1\"}")));
        } finally {
            fake.shutdown();
        }
    }

    @Test
    void badAppRoleCredentialsAreUnavailableNotACrash() {
        FakeVault fake = FakeVault.started();
        try {
            VaultSecretStore store = new VaultSecretStore(new VaultSettings(fake.url(), "", "wrong", "wrong", "",
                    "secret", "pace42", 1, 2, 2, Duration.ofMillis(5)), Clock.systemUTC());

            assertThatThrownBy(() -> store.get("acc_a", "garmin")).isInstanceOf(SecretStoreUnavailableException.class)
                    .extracting(e -> ((SecretStoreUnavailableException) e).reason()).asString().contains("login");
        } finally {
            fake.shutdown();
        }
    }

    @Test
    void aSealedFakeVaultIsReportedByHealth() {
        FakeVault fake = FakeVault.started();
        try {
            VaultSecretStore store = new VaultSecretStore(VaultSettings.of(fake.url(), FakeVault.ROOT_TOKEN, "", "", ""),
                    Clock.systemUTC());
            assertThat(store.health().healthy()).isTrue();
            fake.seal();
            assertThat(store.health().healthy()).isFalse();
        } finally {
            fake.shutdown();
        }
    }
}
