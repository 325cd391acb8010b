package ai.pace42.discord;

import ai.pace42.bot.channel.SendRetries;
import ai.pace42.bot.channel.SendRetryPolicy;
import ai.pace42.bot.testing.RecordingScheduler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.BotCore;
import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.CoachService;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures the time from an interaction reaching the adapter to its acknowledgement, with a coach that takes
 * 10 s. Not part of the normal suite (the name doesn't match surefire's patterns); run it with
 * {@code mvn -pl discord-adapter -am verify -Dtest=AckLatencyMeasurement -Dsurefire.failIfNoSpecifiedTests=false}.
 * <ul>
 *   <li>gateway path: the acknowledgement is the deferral request JDA sends ({@code POST
 *       interactions/{id}/{token}/callback} type 5), here sent over real HTTP to WireMock; measured until
 *       Discord's 204 is back.</li>
 *   <li>endpoint path: the acknowledgement is our HTTP response to Discord; measured until the resource returns.</li>
 * </ul>
 * Eight interactions arrive at once on four core workers, so the later ones also wait in the core's queue.
 */
class AckLatencyMeasurement {

    private static final int INTERACTIONS = 8;
    private static final long COACH_MILLIS = 10_000;

    @TempDir
    Path tmp;

    private static final CoachService SLOW_COACH = question -> {
        try {
            Thread.sleep(COACH_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return CoachAnswer.text("Thought about it for ten seconds.");
    };

    @Test
    void gatewayAndEndpointAcknowledgeWhileTheCoachThinks() throws Exception {
        Fixtures.Signer discord = new Fixtures.Signer();
        OkHttpClient http = new OkHttpClient();
        try (DiscordApiStub api = new DiscordApiStub()) {
            api.server.stubFor(post(urlPathMatching("/api/v10/interactions/[0-9]+/[^/]+/callback"))
                    .willReturn(aResponse().withStatus(204)));
            BotCore core = Fixtures.core(tmp, SLOW_COACH);
            DiscordAdapter adapter = new DiscordAdapter(new DiscordSettings("", discord.publicKeyHex(),
                    api.baseUrl(), ""), core.commands());
            adapter.start(core.dispatcher());
            RecordingScheduler now = RecordingScheduler.inline();
            RestSender sender = new RestSender(http, Fixtures.JSON, api.baseUrl(), "",
                    new SendRetries(SendRetryPolicy.STANDARD, now), now::nanoTime);
            java.util.concurrent.ExecutorService jdaRequester = java.util.concurrent.Executors.newFixedThreadPool(4);
            // A fresh JVM pays once for class loading, JIT and the first connection; measure that apart.
            long cold = System.nanoTime();
            callback(http, api, "1319999999999999999", "warm-up");
            System.out.printf("  first HTTP call in this JVM (cold), ms: %.1f%n", (System.nanoTime() - cold) / 1e6);

            List<Long> gatewayAck = Collections.synchronizedList(new ArrayList<>());
            List<Long> gatewayDone = Collections.synchronizedList(new ArrayList<>());
            List<CompletableFuture<Void>> all = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < INTERACTIONS; i++) {
                String id = Long.toString(1320000000000000000L + i);
                SlashInvocation inv = new SlashInvocation(id, Fixtures.APP_ID, Fixtures.TOKEN + i, "coach", "",
                        Map.of("question", "How was my week?"), Long.toString(80351110224678900L + i), "Runner",
                        "", "", Instant.now());
                long start = System.nanoTime();
                Acknowledger ack = ephemeral -> CompletableFuture.runAsync(() -> {
                    callback(http, api, id, inv.token());
                    gatewayAck.add(System.nanoTime() - start);
                }, jdaRequester);
                all.add(adapter.process(inv, ack, sender)
                        .thenRun(() -> gatewayDone.add(System.nanoTime() - start)));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            long gatewayTotal = System.nanoTime() - t0;

            DiscordInteractionsResource endpoint = adapter.interactionsResource();
            List<Long> endpointAck = new ArrayList<>();
            for (int i = 0; i < INTERACTIONS; i++) {
                String body = Fixtures.raw("coach_guild.json").replace("1310000000000000002",
                        Long.toString(1321000000000000000L + i));
                String ts = Long.toString(Instant.now().getEpochSecond());
                String signature = discord.sign(ts, body);
                long start = System.nanoTime();
                Response response = endpoint.receive(signature, ts,
                        new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
                endpointAck.add(System.nanoTime() - start);
                assertThat(response.getStatus()).isEqualTo(200);
            }
            // Let the endpoint's answers finish too (8 + 8 edits of @original) before stopping.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (api.requests(".*/@original").size() < 2 * INTERACTIONS && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            adapter.stop();
            core.close();
            jdaRequester.shutdown();

            System.out.printf("ACK LATENCY (coach %d ms, %d interactions at once, 4 core workers)%n",
                    COACH_MILLIS, INTERACTIONS);
            System.out.println("  gateway-style deferral over HTTP, ms: " + millis(gatewayAck));
            System.out.println("  completion (edit @original), ms:      " + millis(gatewayDone));
            System.out.println("  all " + INTERACTIONS + " completed after ms:       " + gatewayTotal / 1_000_000);
            System.out.println("  endpoint response (type 5), ms:       " + millis(endpointAck));
            assertThat(gatewayAck).allSatisfy(ns -> assertThat(ns).isLessThan(TimeUnit.SECONDS.toNanos(3)));
            assertThat(endpointAck).allSatisfy(ns -> assertThat(ns).isLessThan(TimeUnit.SECONDS.toNanos(3)));
        }
    }

    /** The deferral JDA's {@code deferReply()} sends: interaction callback type 5; Discord answers 204. */
    private static void callback(OkHttpClient http, DiscordApiStub api, String id, String token) {
        Request callback = new Request.Builder()
                .url(api.baseUrl() + "interactions/" + id + "/" + token + "/callback")
                .post(RequestBody.create("{\"type\":5}", MediaType.get("application/json"))).build();
        try (okhttp3.Response r = http.newCall(callback).execute()) {
            assertThat(r.code()).isEqualTo(204);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String millis(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.stream().map(n -> String.format("%.1f", n / 1e6)).toList() + "  (median "
                + String.format("%.1f", sorted.get(sorted.size() / 2) / 1e6) + ", max "
                + String.format("%.1f", sorted.get(sorted.size() - 1) / 1e6) + ")";
    }
}
