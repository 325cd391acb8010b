package ai.pace42.server.garmin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.admin.AdminAllowList;
import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.commands.LinkCommand;
import ai.pace42.bot.conversation.FileAnalysis;
import ai.pace42.bot.testing.MutableClock;
import ai.pace42.bot.testing.RecordingAdapter;
import ai.pace42.bot.testing.TestDatabases;
import ai.pace42.bot.testing.TestSecretStores;
import ai.pace42.coach.DeterministicCoach;
import ai.pace42.garmin.Fixtures;
import ai.pace42.garmin.auth.GarminIdentity;
import ai.pace42.garmin.auth.GarminLink;
import ai.pace42.garmin.auth.GarminTokens;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Garmin credential check against WireMock with Garmin's real answers (garmin-connect.md §2.5, §5): the cheap
 * {@code socialProfile} call succeeds (healthy); a revoked token gets 401 with
 * {@code WWW-Authenticate: Bearer error="invalid_token"} and the refresh 400 {@code invalid_grant} (needs relink);
 * a withdrawn permission gets Garmin's JSON 403 {@code ForbiddenException} (permission removed); a 503 decides
 * nothing. The runner is told once, in their own chat, and /status says what to do.
 */
class GarminLinkHealthTest {

    private static final PlatformIdentity ADA = PlatformIdentity.of(Platform.TELEGRAM, "4343");
    private static final PlatformIdentity OPERATOR = PlatformIdentity.of(Platform.TELEGRAM, "9001");
    private static final String PROFILE = "/userprofile-service/socialProfile";
    private static final String LIST = "/activitylist-service/activities/search/activities";

    @TempDir
    Path dir;

    private final WireMockServer garmin = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private final RecordingAdapter telegram = new RecordingAdapter(Platform.TELEGRAM);
    private MutableClock clock;
    private BotCore core;

    @BeforeEach
    void setUp() {
        garmin.start();
        garmin.stubFor(get(urlPathEqualTo(PROFILE)).willReturn(okJson("{\"profileId\":" + Fixtures.OWNER
                + ",\"displayName\":\"ada-a\",\"fullName\":\"Ada Alpha\"}")));
        garmin.stubFor(get(urlPathEqualTo(LIST)).willReturn(okJson("[]")));
        garmin.stubFor(get(urlPathEqualTo("/userprofile-service/userprofile/user-settings"))
                .willReturn(okJson("{\"userData\":{}}")));
        // Garmin's DI token endpoint refusing a revoked refresh token.
        garmin.stubFor(post(urlPathEqualTo("/di-oauth2-service/oauth/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid refresh token\"}")));
        Jdbi jdbi = TestDatabases.sqlite(dir);
        var secrets = TestSecretStores.local(jdbi, dir);
        clock = new MutableClock(Instant.now());
        GarminWiring wiring = GarminWiring.create(Map.of("GARMIN_CONNECTAPI_URL", garmin.baseUrl(),
                "GARMIN_DIAUTH_URL", garmin.baseUrl(), "GARMIN_APIS_URL", garmin.baseUrl()), secrets, jdbi,
                URI.create("http://localhost:8080"), clock);
        core = BotCore.create(jdbi, DeterministicCoach::new, secrets, wiring.linkedSource(), FileAnalysis.none(),
                BotCore.Settings.defaults().withAdmins(AdminAllowList.parse("telegram:9001")), clock);
        core.adapters().register(telegram);
        telegram.start(core.dispatcher());
    }

    @AfterEach
    void tearDown() {
        core.close();
        garmin.stop();
    }

    private String say(PlatformIdentity who, String text) throws Exception {
        return core.dispatcher().onInbound(Inbound.directText(who, text, "r-" + Math.abs(text.hashCode())))
                .get(30, TimeUnit.SECONDS).plainText();
    }

    /** Links Ada with a DI token valid for a day; /status runs after the link's own check in her queue. */
    private void linkAda() throws Exception {
        say(ADA, "/status");
        String accountId = core.accounts().find(ADA).orElseThrow().id();
        GarminLink link = new GarminLink(new GarminIdentity(Fixtures.OWNER, "ada-a", "Ada Alpha"), new GarminTokens(
                GarminTokens.Kind.DI, "tok-ada", "r-ada", Optional.of(Instant.now().plusSeconds(86400)),
                Optional.empty(), "DI_TEST"));
        String token = core.links().issue(LinkCommand.PURPOSE, ADA, ConversationRef.direct(ADA), accountId, "Ada")
                .token();
        String code = core.garminLinking().complete(token, "Ada Alpha", GarminLinkCodec.encode(link), "r1")
                .orElseThrow().code();
        assertThat(say(ADA, "/link confirm " + code)).startsWith("Garmin connected as ");
        say(ADA, "/status");
    }

    private List<String> pushedToAda(String prefix) {
        // Replies to Ada's own messages go through core.dispatcher() directly, so every entry here is a push.
        return telegram.sent().stream().filter(s -> s.where().userId().equals(ADA.userId()))
                .map(s -> s.reply().plainText()).filter(t -> t.startsWith(prefix)).toList();
    }

    private void nextRound() {
        clock.advance(Duration.ofHours(14)); // past 12 h and the largest jitter
        core.linkHealth().checkDue(20);
    }

    @Test
    void aNewLinkIsCheckedAtOnceWithOneCheapCall() throws Exception {
        linkAda();

        assertThat(say(OPERATOR, "/admin tokens")).contains("healthy:** 1", "needs relink:** 0", "unchecked:** 0");
        garmin.verify(getRequestedFor(urlPathEqualTo(PROFILE)).withHeader("Authorization", equalTo("Bearer tok-ada")));
    }

    @Test
    void aRevokedTokenNeedsARelinkAndTheRunnerIsToldOnce() throws Exception {
        linkAda();
        garmin.stubFor(get(urlPathEqualTo(PROFILE)).willReturn(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"Token is not active\"")));

        nextRound();
        nextRound();
        say(ADA, "How was my last run?");
        say(ADA, "/status");

        assertThat(pushedToAda("Garmin no longer accepts your link")).containsExactly("Garmin no longer accepts your "
                + "link, so I can't fetch new runs. Send /link to reconnect (GARMIN_RELINK_REQUIRED).");
        assertThat(say(ADA, "/status")).contains("**Garmin link:** Garmin no longer accepts your link",
                "Send /link to reconnect (GARMIN_RELINK_REQUIRED)");
        assertThat(say(OPERATOR, "/admin tokens")).contains("needs relink:** 1").doesNotContain("tok-ada", "r-ada");
    }

    @Test
    void aWithdrawnPermissionIsToldApartFromARevokedToken() throws Exception {
        linkAda();
        garmin.stubFor(get(urlPathEqualTo(PROFILE)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"HTTP 403 Forbidden\",\"error\":\"ForbiddenException\"}")));

        nextRound();

        assertThat(pushedToAda("Garmin says pace42 no longer has permission")).hasSize(1);
        assertThat(say(OPERATOR, "/admin tokens")).contains("permission removed:** 1");
    }

    @Test
    void anOutageDecidesNothingAndTheLinkStaysHealthy() throws Exception {
        linkAda();
        garmin.stubFor(get(urlPathEqualTo(PROFILE)).willReturn(aResponse().withStatus(503)
                .withBody("Service Unavailable")));

        nextRound();

        assertThat(pushedToAda("Garmin")).isEmpty();
        assertThat(say(ADA, "/status")).doesNotContain("Garmin link:");
        assertThat(say(OPERATOR, "/admin tokens")).contains("healthy:** 1");
    }
}
