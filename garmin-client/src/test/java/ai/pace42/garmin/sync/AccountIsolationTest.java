package ai.pace42.garmin.sync;

import ai.pace42.coach.model.Activity;
import ai.pace42.garmin.Fixtures;
import ai.pace42.garmin.GarminWireMock;
import ai.pace42.garmin.Result;
import ai.pace42.garmin.api.ConnectApiClient;
import ai.pace42.garmin.api.GarminHttp;
import ai.pace42.garmin.auth.GarminIdentity;
import ai.pace42.garmin.auth.GarminLink;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two accounts, two bearer tokens, two disjoint data sets on one WireMock: 800 interleaved concurrent requests
 * through clients and sources, every response checked on content for the other account's ids and owner.
 */
class AccountIsolationTest extends GarminWireMock {

    private record Account(String name, String token, long owner, List<Long> ids) {
    }

    private static final Account A = new Account("a", "token-a", 111111L, List.of(41000000001L, 41000000002L));
    private static final Account B = new Account("b", "token-b", 222222L, List.of(52000000001L, 52000000002L));

    @Test
    void eight_hundred_interleaved_requests_never_cross_accounts() throws Exception {
        for (Account acc : List.of(A, B)) {
            stubAccount(acc);
            store.save(acc.name(), new GarminLink(GarminIdentity.of(acc.owner(), acc.name()),
                    tokens(acc.token(), "refresh-" + acc.name(), Instant.now().plusSeconds(20 * 3600))));
        }
        // Any request not matched by a token-specific stub is refused, as Garmin would.
        wm.stubFor(get(urlPathMatching(".*")).atPriority(10).willReturn(aResponse().withStatus(401)));

        GarminHttp http = new GarminHttp(config);
        GarminActivitySources sources = new GarminActivitySources(http, store, new InMemoryActivityCache(),
                Clock.systemUTC());
        ConnectApiClient clientA = client(http, A.name());
        ConnectApiClient clientB = client(http, B.name());

        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 800; i++) {
            Account acc = i % 2 == 0 ? A : B;
            ConnectApiClient c = acc == A ? clientA : clientB;
            long id = acc.ids().get((i / 2) % 2);
            int op = new int[]{0, 0, 1, 1, 2, 2, 0, 2, 3, 4}[(i / 2) % 10]; // 80% reach the network
            tasks.add(() -> check(acc, op, c, sources, id));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        AtomicInteger checked = new AtomicInteger();
        try {
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                checked.addAndGet(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(checked.get()).isEqualTo(800);
        assertThat(wm.getAllServeEvents().size()).isGreaterThanOrEqualTo(500);
        // Every request that reached WireMock carried one of the two tokens, and each token only asked for its ids.
        wm.getAllServeEvents().forEach(e -> {
            String auth = e.getRequest().getHeader("Authorization");
            String url = e.getRequest().getUrl();
            Account owner = auth.equals("Bearer " + A.token()) ? A : B;
            Account other = owner == A ? B : A;
            other.ids().forEach(foreign -> assertThat(url).doesNotContain(Long.toString(foreign)));
        });
    }

    private int check(Account acc, int op, ConnectApiClient c, GarminActivitySources sources, long id) {
        Account other = acc == A ? B : A;
        switch (op) {
            case 0 -> {
                JsonNode list = c.activities(0, 20).value();
                list.forEach(item -> {
                    assertThat(item.get("ownerId").asLong()).isEqualTo(acc.owner());
                    assertThat(acc.ids()).contains(item.get("activityId").asLong());
                });
            }
            case 1 -> assertThat(c.socialProfile().value().get("profileId").asLong()).isEqualTo(acc.owner());
            case 2 -> {
                JsonNode d = c.details(Long.toString(id)).value();
                assertThat(d.get("activityId").asLong()).isEqualTo(id);
            }
            case 3 -> {
                Result<Activity> a = sources.garmin(acc.name()).orElseThrow().loadResult(Long.toString(id));
                assertThat(a.value().id()).isEqualTo(Long.toString(id));
                assertThat(Set.copyOf(other.ids().stream().map(String::valueOf).toList())).doesNotContain(a.value().id());
                // Per-account sample content: account A's runs carry HR 140 ± 10, B's 100 ± 10.
                double hr = a.value().samples().heartRate()[0];
                assertThat(hr).isBetween(acc == A ? 130.0 : 90.0, acc == A ? 150.0 : 110.0);
            }
            default -> {
                LastRun r = sources.garmin(acc.name()).orElseThrow().lastRun();
                assertThat(r).isInstanceOf(LastRun.Found.class);
                assertThat(((LastRun.Found) r).activity().id()).isEqualTo(Long.toString(acc.ids().get(1)));
            }
        }
        return 1;
    }

    private void stubAccount(Account acc) {
        String bearer = "Bearer " + acc.token();
        String items = acc.ids().stream().map(id -> Fixtures.listItem(id, "running", 17,
                        id.equals(acc.ids().get(1)) ? "2026-11-19 07:00:00" : "2026-11-18 07:00:00")
                .replace("\"ownerId\":" + Fixtures.OWNER, "\"ownerId\":" + acc.owner()))
                .reduce((x, y) -> x + "," + y).orElse("");
        wm.stubFor(get(urlPathEqualTo("/activitylist-service/activities/search/activities"))
                .withHeader("Authorization", equalTo(bearer)).willReturn(okJson("[" + items + "]")));
        wm.stubFor(get(urlPathEqualTo("/userprofile-service/socialProfile"))
                .withHeader("Authorization", equalTo(bearer))
                .willReturn(okJson("{\"profileId\":" + acc.owner() + ",\"displayName\":\"" + acc.name() + "\"}")));
        for (long id : acc.ids()) {
            String details = Fixtures.details(id, 20);
            if (acc == B) {
                // Shift B's heart rate down by 40 bpm so content, not just ids, tells the accounts apart.
                JsonNode d = Fixtures.json(details);
                d.get("activityDetailMetrics").forEach(row -> {
                    var m = (com.fasterxml.jackson.databind.node.ArrayNode) row.get("metrics");
                    m.set(3, m.numberNode(m.get(3).asDouble() - 40));
                });
                details = d.toString();
            }
            wm.stubFor(get(urlPathEqualTo("/activity-service/activity/" + id + "/details"))
                    .withHeader("Authorization", equalTo(bearer)).willReturn(okJson(details)));
            wm.stubFor(get(urlPathEqualTo("/activity-service/activity/" + id))
                    .withHeader("Authorization", equalTo(bearer)).willReturn(okJson(Fixtures.activityDetail(id)
                            .replace("\"userProfileId\":" + Fixtures.OWNER, "\"userProfileId\":" + acc.owner()))));
        }
    }
}
