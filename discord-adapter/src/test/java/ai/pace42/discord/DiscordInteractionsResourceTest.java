package ai.pace42.discord;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.BotCore;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /discord/interactions}: signature and freshness decide before anything is read; PING gets PONG;
 * commands are deferred at once and completed through the webhook API (WireMock as Discord).
 */
class DiscordInteractionsResourceTest {

    private static final Instant NOW = Instant.parse("2026-11-26T06:00:00Z");
    private static final String TS = Long.toString(NOW.getEpochSecond());

    @TempDir
    Path tmp;

    private final Fixtures.Signer discord = new Fixtures.Signer();
    private final List<SlashInvocation> accepted = new CopyOnWriteArrayList<>();
    private final DiscordInteractionsResource resource = new DiscordInteractionsResource(
            new Ed25519Verifier(discord.publicKeyHex()), Clock.fixed(NOW, ZoneOffset.UTC), Fixtures.JSON,
            (invocation, ack) -> {
                accepted.add(invocation);
                ack.defer(invocation.command().equals("link"));
                return true;
            });
    private BotCore core;
    private DiscordAdapter adapter;
    private DiscordApiStub api;

    @AfterEach
    void stop() {
        if (adapter != null) {
            adapter.stop();
        }
        if (core != null) {
            core.close();
        }
        if (api != null) {
            api.close();
        }
    }

    private static Response post(DiscordInteractionsResource r, String signature, String timestamp, String body) {
        return r.receive(signature, timestamp, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode json(Response response) throws Exception {
        return Fixtures.JSON.readTree((String) response.getEntity());
    }

    @Test
    void aSignedPingGetsPong() throws Exception {
        String body = Fixtures.raw("ping.json");
        Response response = post(resource, discord.sign(TS, body), TS, body);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(json(response).path("type").asInt()).isEqualTo(1);
    }

    @Test
    void aTamperedBodyIsRefusedWith401() {
        String body = Fixtures.raw("coach_guild.json");
        String signature = discord.sign(TS, body);
        Response response = post(resource, signature, TS, body.replace("How was my last run?", "Delete my data"));
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(accepted).isEmpty();
    }

    @Test
    void anotherKeysSignatureAndMissingHeadersAreRefused() {
        String body = Fixtures.raw("ping.json");
        assertThat(post(resource, new Fixtures.Signer().sign(TS, body), TS, body).getStatus()).isEqualTo(401);
        assertThat(post(resource, null, TS, body).getStatus()).isEqualTo(401);
        assertThat(post(resource, discord.sign(TS, body), null, body).getStatus()).isEqualTo(401);
        assertThat(post(resource, "zz" + discord.sign(TS, body).substring(2), TS, body).getStatus()).isEqualTo(401);
    }

    @Test
    void aCorrectlySignedButStaleRequestIsRefused() {
        String body = Fixtures.raw("coach_guild.json");
        String old = Long.toString(NOW.minusSeconds(301).getEpochSecond());
        String future = Long.toString(NOW.plusSeconds(301).getEpochSecond());
        assertThat(post(resource, discord.sign(old, body), old, body).getStatus()).isEqualTo(401);
        assertThat(post(resource, discord.sign(future, body), future, body).getStatus()).isEqualTo(401);
        String recent = Long.toString(NOW.minusSeconds(30).getEpochSecond());
        assertThat(post(resource, discord.sign(recent, body), recent, body).getStatus()).isEqualTo(200);
        assertThat(accepted).hasSize(1);
    }

    @Test
    void aCommandIsDeferredEphemerallyWhenItsAnswerIsPrivate() throws Exception {
        String coach = Fixtures.raw("coach_guild.json");
        String link = Fixtures.raw("link_guild.json");
        JsonNode publicDeferral = json(post(resource, discord.sign(TS, coach), TS, coach));
        JsonNode privateDeferral = json(post(resource, discord.sign(TS, link), TS, link));
        assertThat(publicDeferral.path("type").asInt()).isEqualTo(5);
        assertThat(publicDeferral.has("data")).isFalse();
        assertThat(privateDeferral.path("type").asInt()).isEqualTo(5);
        assertThat(privateDeferral.path("data").path("flags").asInt()).isEqualTo(64);
    }

    @Test
    void endToEndTheDeferredAnswerArrivesAsAnEditOfTheOriginal() throws Exception {
        api = new DiscordApiStub();
        core = Fixtures.core(tmp, Fixtures.ECHO_COACH);
        adapter = new DiscordAdapter(new DiscordSettings("", discord.publicKeyHex(), api.baseUrl(), ""),
                core.commands());
        adapter.start(core.dispatcher());
        DiscordInteractionsResource real = adapter.interactionsResource();
        // The adapter's clock is the system clock: sign with the current time.
        String now = Long.toString(Instant.now().getEpochSecond());
        String body = Fixtures.raw("units_guild.json");

        Response first = post(real, discord.sign(now, body), now, body);
        assertThat(json(first).path("type").asInt()).isEqualTo(5);
        String original = "/api/v10/webhooks/" + Fixtures.APP_ID + "/" + Fixtures.TOKEN + "/messages/@original";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (api.requests(original).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(api.requests(original)).singleElement().satisfies(r ->
                assertThat(Fixtures.JSON.readTree(r.getBodyAsString()).path("content").asText()).contains("miles"));

        // Delivered again (same interaction id): refused, and nothing more is sent.
        Response again = post(real, discord.sign(now, body), now, body);
        assertThat(again.getStatus()).isEqualTo(409);
        adapter.stop();
        adapter = null;
        assertThat(api.requests(original)).hasSize(1);
    }
}
