package ai.pace42.discord;

import ai.pace42.bot.testing.TestCore;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.channel.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JDA sender with a real JDA whose REST base URL is WireMock. The session controller never opens the
 * gateway (its public extension point for scheduling connects), so only REST runs: the requests are JDA's own,
 * including its handling of Discord's 429.
 */
class JdaSenderTest {

    private static final String BOT_TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GxJda0.fake-bot-token-for-jda-tests";
    private static final InteractionRef REF = new InteractionRef(Fixtures.APP_ID, Fixtures.TOKEN, "dc-9");
    private static DiscordApiStub api;
    private static JDA jda;
    private static JdaSender sender;

    @BeforeAll
    static void login() throws Exception {
        api = new DiscordApiStub();
        api.server.stubFor(get(urlPathEqualTo("/api/v10/users/@me")).willReturn(okJson(
                "{\"id\":\"" + Fixtures.APP_ID + "\",\"username\":\"pace42\",\"discriminator\":\"0\","
                        + "\"global_name\":null,\"avatar\":null,\"bot\":true,\"flags\":0,\"verified\":true,"
                        + "\"mfa_enabled\":false,\"public_flags\":0}")));
        jda = JDABuilder.createLight(BOT_TOKEN, EnumSet.of(GatewayIntent.DIRECT_MESSAGES))
                .setRestConfig(new RestConfig().setBaseUrl(api.baseUrl().toString()))
                .setSessionController(new ConcurrentSessionController() {
                    @Override
                    public void appendSession(SessionConnectNode node) {
                        // never connect the gateway: these tests are about REST only
                    }
                })
                .setEnableShutdownHook(false)
                .build();
        sender = new JdaSender(jda);
    }

    @AfterAll
    static void shutdown() {
        jda.shutdownNow();
        api.close();
    }

    private static JsonNode payload(LoggedRequest r) throws Exception {
        String type = r.getHeader("Content-Type");
        String json = type != null && type.startsWith("multipart") ? r.getPart("payload_json").getBody().asString()
                : r.getBodyAsString();
        return Fixtures.JSON.readTree(json);
    }

    @Test
    void editOriginalPatchesTheInteractionWebhookWithTheChart() throws Exception {
        api.server.resetRequests();
        OutboundMessage chart = new OutboundMessage("**Last run**", TestCore.PNG, "chart.png", List.of());
        sender.editOriginal(REF, chart).get(20, TimeUnit.SECONDS);
        List<LoggedRequest> edits = api.requests(".*/webhooks/" + Fixtures.APP_ID + "/" + Fixtures.TOKEN
                + "/messages/@original");
        assertThat(edits).hasSize(1);
        assertThat(payload(edits.get(0)).path("content").asText()).isEqualTo("**Last run**");
        assertThat(payload(edits.get(0)).path("allowed_mentions").path("parse")).isEmpty();
        assertThat(edits.get(0).getPart("files[0]").getBody().asBytes()).isEqualTo(TestCore.PNG);
    }

    @Test
    void anEphemeralFollowUpCarriesFlag64AndItsLinkButton() throws Exception {
        api.server.resetRequests();
        OutboundMessage m = new OutboundMessage("Your link", null, null,
                List.of(new Reply.Part.LinkButton("Connect Garmin", "https://pace42.example/link/abc")));
        sender.followUp(REF, m, true).get(20, TimeUnit.SECONDS);
        LoggedRequest r = api.requests(".*/webhooks/" + Fixtures.APP_ID + "/" + Fixtures.TOKEN).get(0);
        JsonNode body = payload(r);
        assertThat(body.path("flags").asInt() & 64).isEqualTo(64);
        JsonNode button = body.path("components").get(0).path("components").get(0);
        assertThat(button.path("style").asInt()).isEqualTo(5);
        assertThat(button.path("url").asText()).isEqualTo("https://pace42.example/link/abc");
    }

    @Test
    void aDmOpensThePrivateChannelThenPostsAndJdaWaitsOutA429() throws Exception {
        api.server.resetRequests();
        api.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        urlPathMatching("/api/v10/channels/[0-9]+/messages")).inScenario("dm429")
                .whenScenarioStateIs(STARTED).willReturn(DiscordApiStub.rateLimited(0.2)).willSetStateTo("ok"));
        api.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        urlPathMatching("/api/v10/channels/[0-9]+/messages")).inScenario("dm429")
                .whenScenarioStateIs("ok").willReturn(okJson(DiscordApiStub.MESSAGE)));
        sender.toUser(Fixtures.USER_ID, OutboundMessage.text("Garmin connected")).get(20, TimeUnit.SECONDS);
        LoggedRequest open = api.requests("/api/v10/users/@me/channels").get(0);
        assertThat(payload(open).path("recipient_id").asText()).isEqualTo(Fixtures.USER_ID);
        assertThat(open.getHeader("Authorization")).isEqualTo("Bot " + BOT_TOKEN);
        List<LoggedRequest> posts = api.requests("/api/v10/channels/" + DiscordApiStub.DM_CHANNEL + "/messages");
        assertThat(posts).hasSize(2);
        assertThat(payload(posts.get(1)).path("content").asText()).isEqualTo("Garmin connected");
    }

    @Test
    void theStubbedLoginNeverOpenedTheGateway() {
        assertThat(jda.getStatus()).isNotEqualTo(JDA.Status.CONNECTED);
        assertThat(api.requests("/api/v10/users/@me")).isNotEmpty();
    }
}
