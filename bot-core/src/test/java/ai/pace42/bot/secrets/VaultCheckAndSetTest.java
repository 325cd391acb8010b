package ai.pace42.bot.secrets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fault 19: writes are KV v2 check-and-set against the version read, so a concurrent writer (another instance) is
 * never replaced unseen. The stand-in refuses a stale {@code options.cas} with Vault's own 400 body.
 */
class VaultCheckAndSetTest {

    private static final String KEY = "pace42/accounts/acc_a/garmin";
    private static final String DATA_PATH = "/v1/secret/data/" + KEY;
    private static final String CAS_REFUSED = "{\"errors\":[\"check-and-set parameter did not match the current version\"]}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeVault vault;

    @BeforeEach
    void setUp() {
        vault = FakeVault.started();
    }

    @AfterEach
    void tearDown() {
        vault.shutdown();
    }

    private VaultSecretStore instance() {
        return new VaultSecretStore(VaultSettings.of(vault.url(), FakeVault.ROOT_TOKEN, "", "", ""),
                Clock.systemUTC());
    }

    /** Each write to the key, in order: "cas=N -> status". */
    private List<String> writes() {
        List<ServeEvent> events = new ArrayList<>(vault.server().getAllServeEvents());
        events.sort(Comparator.comparing(e -> e.getRequest().getLoggedDate()));
        List<String> writes = new ArrayList<>();
        for (ServeEvent e : events) {
            if (e.getRequest().getMethod().getName().equals("POST") && e.getRequest().getUrl().equals(DATA_PATH)) {
                try {
                    writes.add("cas=" + JSON.readTree(e.getRequest().getBodyAsString()).path("options").path("cas")
                            .asText("none") + " -> " + e.getResponse().getStatus());
                } catch (java.io.IOException ex) {
                    throw new AssertionError(ex);
                }
            }
        }
        return writes;
    }

    @Test
    void eachWriteCarriesTheVersionLastReadOrWritten() {
        VaultSecretStore store = instance();

        store.put("acc_a", "garmin", "tok-1");
        assertThat(store.get("acc_a", "garmin")).contains("tok-1");
        store.put("acc_a", "garmin", "tok-2");

        assertThat(writes()).containsExactly("cas=0 -> 200", "cas=1 -> 200");
    }

    @Test
    void aNewerVersionFromAnotherWriterIsReadAgainAndTheChangeAppliedOnceOnTop() {
        VaultSecretStore a = instance();
        a.put("acc_a", "garmin", "tok-old");
        vault.writeBehindTheClientsBack(KEY, "tok-other-instance"); // version 2, unseen by a

        a.put("acc_a", "garmin", "tok-mine");

        assertThat(writes()).containsExactly("cas=0 -> 200", "cas=1 -> 400", "cas=2 -> 200");
        assertThat(instance().get("acc_a", "garmin")).contains("tok-mine");
    }

    @Test
    void whenTheOtherWriterStoredTheSameValueNothingIsWrittenAgain() {
        VaultSecretStore a = instance();
        a.put("acc_a", "garmin", "tok-old");
        vault.writeBehindTheClientsBack(KEY, "tok-same");

        a.put("acc_a", "garmin", "tok-same");

        assertThat(writes()).containsExactly("cas=0 -> 200", "cas=1 -> 400");
        assertThat(instance().get("acc_a", "garmin")).contains("tok-same");
    }

    @Test
    void aSecondRefusalIsAClearErrorAndOverwritesNothing() {
        vault.writeBehindTheClientsBack(KEY, "tok-theirs");
        // Writers that keep getting in first: every write is refused as stale.
        vault.server().stubFor(post(urlEqualTo(DATA_PATH)).atPriority(1).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(CAS_REFUSED)));

        assertThatThrownBy(() -> instance().put("acc_a", "garmin", "tok-mine"))
                .isInstanceOf(SecretStoreConflictException.class)
                .hasMessageContaining("temporarily unavailable")
                .satisfies(e -> assertThat(((SecretStoreConflictException) e).reason())
                        .contains("concurrent writes twice").doesNotContain("tok-"));

        assertThat(writes()).containsExactly("cas=1 -> 400", "cas=1 -> 400");
        assertThat(instance().get("acc_a", "garmin")).contains("tok-theirs");
    }

    @Test
    void aSoftDeletedKeyIsWrittenAgainstItsCurrentVersion() {
        // Vault answers a read of a soft-deleted latest version with 404 and that version's metadata.
        vault.server().stubFor(get(urlEqualTo(DATA_PATH)).atPriority(1).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"request_id\":\"r\",\"lease_id\":\"\",\"renewable\":false,\"lease_duration\":0,"
                        + "\"data\":{\"data\":null,\"metadata\":{\"created_time\":\"2026-11-20T10:00:00Z\","
                        + "\"custom_metadata\":null,\"deletion_time\":\"2026-11-21T10:00:00Z\",\"destroyed\":false,"
                        + "\"version\":3}},\"wrap_info\":null,\"warnings\":null,\"auth\":null,\"mount_type\":\"kv\"}")));
        vault.writeBehindTheClientsBack(KEY, "x1");
        vault.writeBehindTheClientsBack(KEY, "x2");
        vault.writeBehindTheClientsBack(KEY, "x3"); // the stand-in's key is at version 3, as the stub says

        instance().put("acc_a", "garmin", "tok-new");

        assertThat(writes()).containsExactly("cas=3 -> 200");
    }
}
