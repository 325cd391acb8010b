package ai.pace42.discord;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.util.List;

/**
 * WireMock standing in for Discord's REST API (v10) with the answers Discord gives: message objects for
 * creates and edits, a DM channel for {@code users/@me/channels}.
 */
final class DiscordApiStub implements AutoCloseable {

    static final String DM_CHANNEL = "1200000000000000077";
    /** A full message object as Discord returns it (JDA reads every one of these fields). */
    static final String MESSAGE = "{\"id\":\"1330000000000000001\",\"type\":0,\"content\":\"ok\","
            + "\"channel_id\":\"" + DM_CHANNEL + "\",\"author\":{\"id\":\"1100000000000000001\","
            + "\"username\":\"pace42\",\"discriminator\":\"0\",\"global_name\":null,\"avatar\":null,"
            + "\"bot\":true,\"public_flags\":0},\"attachments\":[],\"embeds\":[],\"mentions\":[],"
            + "\"mention_roles\":[],\"mention_everyone\":false,\"pinned\":false,\"tts\":false,"
            + "\"timestamp\":\"2026-11-26T06:00:01.000000+00:00\",\"edited_timestamp\":null,\"flags\":0,"
            + "\"components\":[]}";

    final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().http2PlainDisabled(true));

    DiscordApiStub() {
        server.start();
        server.stubFor(patch(urlPathMatching("/api/v10/webhooks/[0-9]+/[^/]+/messages/@original"))
                .willReturn(okJson(MESSAGE)));
        server.stubFor(post(urlPathMatching("/api/v10/webhooks/[0-9]+/[^/]+")).willReturn(okJson(MESSAGE)));
        server.stubFor(post(urlPathMatching("/api/v10/users/@me/channels")).willReturn(okJson(
                "{\"id\":\"" + DM_CHANNEL + "\",\"type\":1,\"last_message_id\":null,\"flags\":0,"
                        + "\"recipients\":[{\"id\":\"" + Fixtures.USER_ID + "\",\"username\":\"dana_runs\"}]}")));
        server.stubFor(post(urlPathMatching("/api/v10/channels/[0-9]+/messages")).willReturn(okJson(MESSAGE)));
    }

    URI baseUrl() {
        return URI.create("http://localhost:" + server.port() + "/api/v10/");
    }

    List<LoggedRequest> requests(String pathRegex) {
        return server.findAll(anyRequestedFor(urlPathMatching(pathRegex)));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder rateLimited(double retryAfter) {
        // Discord's 429: JSON with retry_after in seconds, and the same in headers.
        return aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withHeader("Via", "1.1 google") // Discord's own 429s pass its proxy; Cloudflare's don't
                .withHeader("Retry-After", Long.toString((long) Math.ceil(retryAfter)))
                .withHeader("X-RateLimit-Limit", "5").withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset-After", Double.toString(retryAfter))
                .withHeader("X-RateLimit-Bucket", "abcd1234").withHeader("X-RateLimit-Scope", "user")
                .withBody("{\"message\":\"You are being rate limited.\",\"retry_after\":" + retryAfter
                        + ",\"global\":false}");
    }

    @Override
    public void close() {
        server.stop();
    }
}
