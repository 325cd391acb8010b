package ai.pace42.slack;

import ai.pace42.bot.testing.TestCore;
import ai.pace42.bot.channel.ChannelHealth;
import ai.pace42.bot.testing.Eventually;
import static ai.pace42.slack.SlackApiStub.TEAM;
import static ai.pace42.slack.SlackApiStub.TEAM2;
import static ai.pace42.slack.SlackApiStub.TOKEN;
import static ai.pace42.slack.SlackApiStub.TOKEN2;
import static ai.pace42.slack.SlackApiStub.bearer;
import static ai.pace42.slack.SlackApiStub.form;
import static ai.pace42.slack.SlackApiStub.sectionTexts;
import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.bolt.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many workspaces: the OAuth v2 install against WireMock's oauth.v2.access, uninstall, and isolation. */
class SlackOAuthTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String CLIENT_ID = "1234567890.0987654321";
    private static final String CLIENT_SECRET = "oauth-client-secret-value";

    @TempDir
    Path tmp;

    private SlackApiStub api;
    private TestCore core;
    private SlackInstallations installations;
    private SlackAdapter adapter;

    @BeforeEach
    void setUp() {
        api = new SlackApiStub();
        api.ok("oauth.v2.access", "{\"ok\":true,\"app_id\":\"A0PACE42\",\"authed_user\":{\"id\":\"U0INSTALLER\"},"
                + "\"scope\":\"" + SlackSettings.BOT_SCOPES + "\",\"token_type\":\"bot\",\"access_token\":\"" + TOKEN2
                + "\",\"bot_user_id\":\"UBOT2\",\"team\":{\"id\":\"" + TEAM2 + "\",\"name\":\"Team Two\"},"
                + "\"enterprise\":null,\"is_enterprise_install\":false}");
        core = Fixtures.core(tmp, Fixtures.ECHO_COACH);
        installations = new SlackInstallations(core.jdbi, core.secrets, Clock.systemUTC());
        SlackSettings settings = new SlackSettings(null, null, SlackRequests.SIGNING_SECRET, CLIENT_ID, CLIENT_SECRET,
                api.apiUrl(), URI.create("https://pace42.example"));
        adapter = new SlackAdapter(settings, installations, new SlackOAuthStates(core.jdbi, Clock.systemUTC()),
                core.core.deliveries(), Clock.systemUTC(),
                core.core.commands());
        core.core.adapters().register(adapter);
        adapter.start(core.core.dispatcher());
    }

    @AfterEach
    void tearDown() {
        adapter.stop();
        core.core.close();
        api.close();
    }

    /** /slack/install, then Slack's redirect back with the code; returns the redirect's response. */
    private Response install() throws Exception {
        Response start = SlackRequests.run(adapter.app(), SlackSettings.INSTALL_PATH, "", Map.of());
        assertThat(start.getStatusCode()).isEqualTo(302);
        String location = start.getHeaders().get("Location").get(0);
        assertThat(location).startsWith("https://slack.com/oauth/v2/authorize?client_id=" + CLIENT_ID);
        assertThat(URLDecoder.decode(location, StandardCharsets.UTF_8))
                .contains("scope=" + SlackSettings.BOT_SCOPES)
                .contains("redirect_uri=https://pace42.example/slack/oauth_redirect");
        String state = query(location, "state");
        String cookie = start.getHeaders().get("Set-Cookie").get(0).split(";", 2)[0];
        assertThat(cookie).endsWith("=" + state);
        return callback(state, cookie);
    }

    private Response callback(String state, String cookie) throws Exception {
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("Cookie", List.of(cookie));
        return SlackRequests.run(adapter.app(), SlackSettings.REDIRECT_PATH, "", headers,
                Map.of("code", List.of("temporary-oauth-code"), "state", List.of(state)));
    }

    private static String query(String url, String name) {
        Matcher m = Pattern.compile("[?&]" + name + "=([^&]+)").matcher(url);
        assertThat(m.find()).isTrue();
        return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
    }

    private Response dm(String team, String user, String channel, String text) throws Exception {
        return SlackRequests.runEvent(adapter.app(),
                SlackRequests.envelope(team, SlackRequests.nextEventId(), SlackRequests.dm(user, channel, text)));
    }

    @Test
    void installRoundTripStoresTheWorkspaceWithItsTokenInTheSecretStore() throws Exception {
        Response done = install();

        assertThat(done.getStatusCode()).isBetween(200, 399);
        LoggedRequest exchange = api.calls("oauth.v2.access").get(0);
        assertThat(form(exchange)).containsEntry("code", "temporary-oauth-code")
                .containsEntry("redirect_uri", "https://pace42.example/slack/oauth_redirect");
        assertThat(installations.workspaces()).extracting(SlackInstallations.Workspace::teamId).containsExactly(TEAM2);
        assertThat(core.secrets.get(SlackInstallations.OWNER, "slack-bot._." + TEAM2)).contains(TOKEN2);
        // The row itself holds no token.
        String row = core.jdbi.withHandle(h -> h.createQuery("SELECT * FROM slack_installations")
                .mapToMap().one().toString());
        assertThat(row).contains(TEAM2, "UBOT2").doesNotContain(TOKEN2);
    }

    @Test
    void anInstalledWorkspaceIsAnsweredWithItsOwnToken() throws Exception {
        install();

        dm(TEAM2, "U0RUNNER", "D0TWO", "hello from team two");

        LoggedRequest post = awaitPosts(1).get(0);
        assertThat(bearer(post)).isEqualTo("Bearer " + TOKEN2);
        assertThat(sectionTexts(post)).containsExactly("You asked: hello from team two");
    }

    @Test
    void aStateIsUsedOnceAndAForgedStateInstallsNothing() throws Exception {
        Response start = SlackRequests.run(adapter.app(), SlackSettings.INSTALL_PATH, "", Map.of());
        String state = query(start.getHeaders().get("Location").get(0), "state");
        String cookie = start.getHeaders().get("Set-Cookie").get(0).split(";", 2)[0];

        Response forged = callback("forged-state", "slack-app-oauth-state=forged-state");
        Response first = callback(state, cookie);
        Response replay = callback(state, cookie);

        assertThat(forged.getStatusCode()).isEqualTo(400);
        assertThat(forged.getBody()).contains("invalid_state");
        assertThat(first.getStatusCode()).isBetween(200, 399);
        assertThat(replay.getStatusCode()).isEqualTo(400);
        assertThat(api.calls("oauth.v2.access")).hasSize(1);
        assertThat(installations.workspaces()).hasSize(1);
    }

    @Test
    void twoUsersInTwoWorkspacesSeeOnlyTheirOwnAnswers() throws Exception {
        install();
        installations.saveInstallerAndBot(installer(TEAM, TOKEN, "UBOT1"));

        // The same user id in both workspaces: still two different runners.
        dm(TEAM, "U0SAME", "D0ONE", "question of runner one");
        dm(TEAM2, "U0SAME", "D0TWO", "question of runner two");

        List<LoggedRequest> posts = awaitPosts(2);
        for (LoggedRequest post : posts) {
            Map<String, String> form = form(post);
            String text = String.join("\n", sectionTexts(post));
            if ("D0ONE".equals(form.get("channel"))) {
                assertThat(bearer(post)).isEqualTo("Bearer " + TOKEN);
                assertThat(text).isEqualTo("You asked: question of runner one");
            } else {
                assertThat(form.get("channel")).isEqualTo("D0TWO");
                assertThat(bearer(post)).isEqualTo("Bearer " + TOKEN2);
                assertThat(text).isEqualTo("You asked: question of runner two");
            }
        }
        String one = core.core.accounts().find(new PlatformIdentity(Platform.SLACK, TEAM, "U0SAME")).orElseThrow().id();
        String two = core.core.accounts().find(new PlatformIdentity(Platform.SLACK, TEAM2, "U0SAME")).orElseThrow().id();
        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void uninstallRemovesTheWorkspaceAndItsToken() throws Exception {
        install();
        Map<String, Object> event = Map.of("type", "app_uninstalled", "event_ts", SlackRequests.nextTs());

        Response ack = SlackRequests.runEvent(adapter.app(), SlackRequests.envelope(TEAM2, SlackRequests.nextEventId(),
                new HashMap<>(event)));
        dm(TEAM2, "U0RUNNER", "D0TWO", "anyone there?");

        assertThat(ack.getStatusCode()).isEqualTo(200);
        assertThat(installations.workspaces()).isEmpty();
        assertThat(core.secrets.get(SlackInstallations.OWNER, "slack-bot._." + TEAM2)).isEmpty();
        assertThat(api.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void revokedBotTokensRemoveTheWorkspace() throws Exception {
        install();
        Map<String, Object> event = new HashMap<>();
        event.put("type", "tokens_revoked");
        event.put("tokens", Map.of("bot", List.of("UBOT2")));
        event.put("event_ts", SlackRequests.nextTs());

        SlackRequests.runEvent(adapter.app(), SlackRequests.envelope(TEAM2, SlackRequests.nextEventId(), event));

        assertThat(installations.workspaces()).isEmpty();
        assertThat(core.secrets.get(SlackInstallations.OWNER, "slack-bot._." + TEAM2)).isEmpty();
    }

    @Test
    void healthCallsAuthTestForEachInstalledWorkspace() throws Exception {
        assertThat(adapter.check().healthy()).isTrue(); // nothing installed yet
        install();
        installations.saveInstallerAndBot(installer(TEAM, "xoxb-revoked-elsewhere", "UBOT1"));

        ChannelHealth.Status status = adapter.check();

        assertThat(status.healthy()).isFalse();
        assertThat(status.message()).contains(TEAM + ": invalid_auth").doesNotContain(TEAM2 + ":")
                .doesNotContain("xoxb-");
        List<String> tokens = api.calls("auth.test").stream().map(SlackApiStub::bearer).toList();
        assertThat(tokens).contains("Bearer " + TOKEN2, "Bearer xoxb-revoked-elsewhere");
    }

    private static DefaultInstaller installer(String team, String token, String botUser) {
        DefaultInstaller i = new DefaultInstaller();
        i.setTeamId(team);
        i.setTeamName("Team " + team);
        i.setBotAccessToken(token);
        i.setBotUserId(botUser);
        i.setBotId("B" + botUser);
        i.setInstallerUserId("U0INSTALLER");
        return i;
    }

    private List<LoggedRequest> awaitPosts(int count) {
        Eventually.within(WAIT, () -> assertThat(api.calls("chat.postMessage")).hasSizeGreaterThanOrEqualTo(count));
        return api.calls("chat.postMessage");
    }
}
