package ai.pace42.slack;

import ai.pace42.bot.testing.RecordingScheduler;

import ai.pace42.bot.testing.TestCore;
import ai.pace42.bot.channel.ChannelHealth;
import ai.pace42.bot.testing.Eventually;
import static ai.pace42.slack.SlackApiStub.TEAM;
import static ai.pace42.slack.SlackApiStub.TOKEN;
import static ai.pace42.slack.SlackApiStub.bearer;
import static ai.pace42.slack.SlackApiStub.form;
import static ai.pace42.slack.SlackApiStub.sectionTexts;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.channel.AccountView;
import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.commands.LinkCommand;
import ai.pace42.bot.conversation.AccountOverview;
import ai.pace42.bot.linking.LinkState;
import java.util.concurrent.CompletableFuture;
import ai.pace42.bot.channel.InboundHandler;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.Reply;
import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.CoachService;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.files.HostileFiles;
import ai.pace42.garmin.files.ImportedAnswer;
import ai.pace42.garmin.files.OutboundListener;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.slack.api.bolt.response.Response;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The adapter in HTTP mode for one workspace: Bolt driven with signed requests, the Web API on WireMock, the
 * real bot core behind it.
 */
class SlackAdapterTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String RUNNER = "U0RUNNER";

    @TempDir
    Path tmp;

    private SlackApiStub api;
    private TestCore core;
    private SlackAdapter adapter;
    private final RecordingScheduler retryClock = RecordingScheduler.inline();
    private final AtomicInteger coreCalls = new AtomicInteger();

    @BeforeEach
    void setUp() {
        api = new SlackApiStub();
    }

    @AfterEach
    void tearDown() {
        if (adapter != null) {
            adapter.stop();
        }
        if (core != null) {
            core.core.close();
        }
        api.close();
    }

    private SlackSettings settings() {
        return new SlackSettings(TOKEN, null, SlackRequests.SIGNING_SECRET, null, null, api.apiUrl(),
                URI.create("https://pace42.example"));
    }

    private SlackAdapter start(CoachService coach) {
        return start(Fixtures.core(tmp, coach));
    }

    private SlackAdapter start(TestCore withCore) {
        core = withCore;
        adapter = new SlackAdapter(settings(), null, null, core.core.deliveries(), Clock.systemUTC(),
                core.core.commands(), retryClock);
        core.core.adapters().register(adapter);
        InboundHandler counting = new InboundHandler() {
            @Override
            public CompletableFuture<Reply> onInbound(Inbound inbound) {
                coreCalls.incrementAndGet();
                return core.core.dispatcher().onInbound(inbound);
            }

            @Override
            public CompletableFuture<AccountView> overview(PlatformIdentity who) {
                return core.core.dispatcher().overview(who);
            }
        };
        adapter.start(counting);
        return adapter;
    }

    private SlackAdapter start() {
        return start(Fixtures.ECHO_COACH);
    }

    private Response dm(String text) throws Exception {
        return SlackRequests.runEvent(adapter.app(),
                SlackRequests.envelope(TEAM, SlackRequests.nextEventId(), SlackRequests.dm(RUNNER, "D0RUNNER", text)));
    }

    private List<LoggedRequest> awaitCalls(String method, int count) {
        List<List<LoggedRequest>> seen = new ArrayList<>();
        Eventually.within(WAIT, () -> {
            List<LoggedRequest> calls = api.calls(method);
            assertThat(calls).hasSizeGreaterThanOrEqualTo(count);
            seen.add(calls);
        });
        return seen.get(seen.size() - 1);
    }

    @Test
    void directMessageIsAnsweredWithBlocksInTheDm() throws Exception {
        start();

        Response ack = dm("How far did I run this week?");

        assertThat(ack.getStatusCode()).isEqualTo(200);
        LoggedRequest post = awaitCalls("chat.postMessage", 1).get(0);
        Map<String, String> form = form(post);
        assertThat(form).containsEntry("channel", "D0RUNNER").containsEntry("unfurl_links", "0")
                .containsEntry("unfurl_media", "0");
        assertThat(sectionTexts(post)).containsExactly("You asked: How far did I run this week?");
        assertThat(form.get("text")).isEqualTo("You asked: How far did I run this week?");
        assertThat(bearer(post)).isEqualTo("Bearer " + TOKEN);
        assertThat(form).doesNotContainKey("thread_ts");
    }

    @Test
    void mentionInAChannelIsAnsweredInItsThreadWithoutTheMention() throws Exception {
        start();
        Map<String, Object> event = SlackRequests.mention(RUNNER, "C0GENERAL", "<@UBOT1> what is my pace?");

        SlackRequests.runEvent(adapter.app(), SlackRequests.envelope(TEAM, SlackRequests.nextEventId(), event));

        LoggedRequest post = awaitCalls("chat.postMessage", 1).get(0);
        assertThat(form(post)).containsEntry("channel", "C0GENERAL").containsEntry("thread_ts", (String) event.get("ts"));
        assertThat(sectionTexts(post)).containsExactly("You asked: what is my pace?");
    }

    @Test
    void slashCommandIsAcknowledgedEmptyAndAnsweredEphemerally() throws Exception {
        start();

        Response ack = SlackRequests.runCommand(adapter.app(), SlackRequests.command(TEAM, RUNNER, "C0GENERAL",
                "/coach", "how far did I run", api.baseUrl() + "response/1"));

        assertThat(ack.getStatusCode()).isEqualTo(200);
        assertThat(ack.getBody()).isNullOrEmpty();
        LoggedRequest ephemeral = awaitCalls("chat.postEphemeral", 1).get(0);
        assertThat(form(ephemeral)).containsEntry("channel", "C0GENERAL").containsEntry("user", RUNNER);
        assertThat(sectionTexts(ephemeral)).containsExactly("You asked: how far did I run");
        assertThat(api.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void whereTheBotIsNotInTheChannelTheResponseUrlCarriesTheEphemeralAnswer() throws Exception {
        api.ok("chat.postEphemeral", "{\"ok\":false,\"error\":\"channel_not_found\"}");
        start();

        SlackRequests.runCommand(adapter.app(), SlackRequests.command(TEAM, RUNNER, "C0PRIVATE", "/coach",
                "how far", api.baseUrl() + "response/fallback"));

        Eventually.within(WAIT, () -> assertThat(api.server().findAll(
                postRequestedFor(urlPathEqualTo("/response/fallback")))).hasSize(1));
        JsonNode payload = SlackApiStub.json(api.server().findAll(
                postRequestedFor(urlPathEqualTo("/response/fallback"))).get(0).getBodyAsString());
        assertThat(payload.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(payload.path("blocks").get(0).path("text").path("text").asText()).isEqualTo("You asked: how far");
    }

    @Test
    void anEphemeralAnswerShowsAChartsDescriptionInsteadOfUploadingIt() throws Exception {
        start();

        SlackRequests.runCommand(adapter.app(), SlackRequests.command(TEAM, RUNNER, "C0GENERAL", "/coach",
                "Analyze my last run", api.baseUrl() + "response/6"));

        List<LoggedRequest> ephemeral = awaitCalls("chat.postEphemeral", 2);
        assertThat(form(ephemeral.get(1)).get("blocks")).contains("Chart: Pace chart");
        assertThat(api.calls("files.getUploadURLExternal")).isEmpty();
    }

    /** Each subcommand reaches the core's command of that name; the answer is ephemeral. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/coach|help|/status",
            "/coach||/status",
            "/coach|status|Your pace42 account",
            "/coach|units mi|mi",
            "/coach|sample|sample",
            "/coach|unlink|",
            "/coach|link|private link",
            "/coach-admin|stats|"})
    void eachSlashCommandReachesItsCoreCommand(String command, String text, String expected) throws Exception {
        start();

        Response ack = SlackRequests.runCommand(adapter.app(), SlackRequests.command(TEAM, RUNNER, "D0RUNNER",
                command, text == null ? "" : text, api.baseUrl() + "response/2"));

        assertThat(ack.getStatusCode()).isEqualTo(200);
        LoggedRequest ephemeral = awaitCalls("chat.postEphemeral", 1).get(0);
        String all = String.join("\n", sectionTexts(ephemeral));
        assertThat(all).isNotBlank().doesNotContain("I don't know the command");
        if (expected != null) {
            assertThat(all).containsIgnoringCase(expected);
        }
    }

    @Test
    void linkIsEphemeralWithAUrlButton() throws Exception {
        start();

        SlackRequests.runCommand(adapter.app(), SlackRequests.command(TEAM, RUNNER, "D0RUNNER", "/coach", "link",
                api.baseUrl() + "response/3"));

        LoggedRequest ephemeral = awaitCalls("chat.postEphemeral", 1).get(0);
        JsonNode blocks = SlackApiStub.json(form(ephemeral).get("blocks"));
        JsonNode button = blocks.get(blocks.size() - 1).path("elements").get(0);
        assertThat(button.path("type").asText()).isEqualTo("button");
        assertThat(button.path("url").asText()).startsWith("http://localhost:8080/link/");
        assertThat(api.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void adminCommandIsRefusedForOthersAndAllowedForTheAllowListedAdmin() throws Exception {
        start();

        SlackRequests.runCommand(adapter.app(), SlackRequests.command(TEAM, RUNNER, "D0RUNNER", "/coach-admin",
                "stats", api.baseUrl() + "response/4"));
        String refused = String.join("\n", sectionTexts(awaitCalls("chat.postEphemeral", 1).get(0)));
        SlackRequests.runCommand(adapter.app(), SlackRequests.command(TEAM, "UADMIN", "D0ADMIN", "/coach-admin",
                "stats", api.baseUrl() + "response/5"));
        String allowed = String.join("\n", sectionTexts(awaitCalls("chat.postEphemeral", 2).get(1)));

        assertThat(refused).doesNotContain("Accounts:");
        assertThat(allowed).contains("Accounts:");
    }

    @Test
    void slowCoachIsAcknowledgedBeforeItAnswers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        start(question -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return CoachAnswer.text("Done thinking about: " + question.text());
        });

        Response ack = dm("a hard question");

        assertThat(ack.getStatusCode()).isEqualTo(200);
        assertThat(release.getCount()).isEqualTo(1); // acknowledged while the coach is still working
        assertThat(api.calls("chat.postMessage")).isEmpty();
        release.countDown();
        assertThat(sectionTexts(awaitCalls("chat.postMessage", 1).get(0)))
                .containsExactly("Done thinking about: a hard question");
    }

    @Test
    void aRetriedEventIsHandledOnce() throws Exception {
        start();
        String body = SlackRequests.envelope(TEAM, "Ev0RETRIED", SlackRequests.dm(RUNNER, "D0RUNNER", "once please"));

        Response first = SlackRequests.runEvent(adapter.app(), body);
        Map<String, List<String>> retryHeaders = new HashMap<>(SlackRequests.signedHeaders(body, "application/json"));
        retryHeaders.put("X-Slack-Retry-Num", List.of("1"));
        retryHeaders.put("X-Slack-Retry-Reason", List.of("http_timeout"));
        Response retry = SlackRequests.run(adapter.app(), "/slack/events", body, retryHeaders);
        dm("a later question"); // answered after anything the retry could have caused, in this DM

        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(retry.getStatusCode()).isEqualTo(200);
        List<LoggedRequest> posts = awaitCalls("chat.postMessage", 2);
        Eventually.within(WAIT, () -> assertThat(sectionTexts(api.calls("chat.postMessage").get(1)))
                .containsExactly("You asked: a later question"));
        assertThat(api.calls("chat.postMessage")).hasSize(2);
        assertThat(sectionTexts(posts.get(0))).containsExactly("You asked: once please");
        assertThat(coreCalls).hasValue(2);
    }

    @Test
    void anEventRedeliveredToAnotherInstanceIsHandledOnce() throws Exception {
        start();
        SlackAdapter second = new SlackAdapter(settings(), null, null, core.core.deliveries(), Clock.systemUTC(),
                core.core.commands(), retryClock);
        second.start(core.core.dispatcher());
        try {
            String body = SlackRequests.envelope(TEAM, "Ev0TWOINSTANCES",
                    SlackRequests.dm(RUNNER, "D0RUNNER", "which instance?"));

            SlackRequests.runEvent(adapter.app(), body);
            SlackRequests.runEvent(second.app(), body);
            dm("a later question");

            Eventually.within(WAIT, () -> assertThat(api.calls("chat.postMessage")).hasSizeGreaterThanOrEqualTo(2));
            Eventually.within(WAIT, () -> assertThat(sectionTexts(api.calls("chat.postMessage")
                    .get(api.calls("chat.postMessage").size() - 1))).containsExactly("You asked: a later question"));
            assertThat(api.calls("chat.postMessage")).hasSize(2);
        } finally {
            second.stop();
        }
    }

    @Test
    void answersInADmComeInTheOrderOfTheQuestions() throws Exception {
        start();

        for (int i = 1; i <= 6; i++) {
            dm("question " + i);
        }

        List<LoggedRequest> posts = awaitCalls("chat.postMessage", 6);
        assertThat(posts).extracting(p -> sectionTexts(p).get(0)).containsExactly("You asked: question 1",
                "You asked: question 2", "You asked: question 3", "You asked: question 4", "You asked: question 5",
                "You asked: question 6");
    }

    @Test
    void aLongAnswerIsSplitIntoSectionsOfAtMost3000Characters() throws Exception {
        start();

        dm(TestCore.LONG_QUESTION);

        List<LoggedRequest> posts = awaitCalls("chat.postMessage", 1);
        List<String> sections = sectionTexts(posts.get(0));
        assertThat(posts).hasSize(1);
        assertThat(sections).hasSizeGreaterThanOrEqualTo(3).allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(3000));
        assertThat(String.join(" ", sections).replaceAll("\\s+", " "))
                .isEqualTo(Fixtures.LONG_ANSWER.replaceAll("\\s+", " "));
    }

    @Test
    void userTextIsEscapedSoItNeverBecomesAMentionOrMarkup() throws Exception {
        start();

        // What Slack sends when a user types: <@U0VICTIM> & <b>hi</b> <!channel>
        dm("&lt;@U0VICTIM&gt; &amp; &lt;b&gt;hi&lt;/b&gt; &lt;!channel&gt;");

        LoggedRequest post = awaitCalls("chat.postMessage", 1).get(0);
        String section = sectionTexts(post).get(0);
        assertThat(section).isEqualTo("You asked: &lt;@U0VICTIM&gt; &amp; &lt;b&gt;hi&lt;/b&gt; &lt;!channel&gt;");
        assertThat(form(post).get("text")).doesNotContain("<@", "<!");
    }

    @Test
    void badOrStaleSignaturesAreRejectedAndNothingIsHandled() throws Exception {
        start();
        String body = SlackRequests.envelope(TEAM, SlackRequests.nextEventId(), SlackRequests.dm(RUNNER, "D0RUNNER", "hi"));

        Response wrongSecret = SlackRequests.run(adapter.app(), "/slack/events", body,
                SlackRequests.signedHeaders(body, "application/json", Instant.now(), "not-the-secret"));
        Response stale = SlackRequests.run(adapter.app(), "/slack/events", body,
                SlackRequests.signedHeaders(body, "application/json", Instant.now().minus(Duration.ofMinutes(6)),
                        SlackRequests.SIGNING_SECRET));
        Map<String, List<String>> tampered = SlackRequests.signedHeaders(body, "application/json");
        Response changedBody = SlackRequests.run(adapter.app(), "/slack/events", body.replace("hi", "ho"), tampered);

        assertThat(wrongSecret.getStatusCode()).isEqualTo(401);
        assertThat(stale.getStatusCode()).isEqualTo(401);
        assertThat(changedBody.getStatusCode()).isEqualTo(401);
        assertThat(coreCalls).hasValue(0);
        assertThat(api.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void rateLimitedSendWaitsForRetryAfterAndIsDeliveredOnce() throws Exception {
        api.server().stubFor(post(urlPathEqualTo("/api/chat.postMessage")).inScenario("429").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
                        .withBody("{\"ok\":false,\"error\":\"ratelimited\"}"))
                .willSetStateTo("open"));
        api.server().stubFor(post(urlPathEqualTo("/api/chat.postMessage")).inScenario("429").whenScenarioStateIs("open")
                .willReturn(okJson("{\"ok\":true,\"channel\":\"D0RUNNER\",\"ts\":\"1.2\"}")));
        start();

        dm("busy day");

        awaitCalls("chat.postMessage", 2);
        assertThat(retryClock.waits()).containsExactly(Duration.ofSeconds(7));
        assertThat(api.calls("chat.postMessage")).hasSize(2); // the refused attempt and the delivered one
    }

    @Test
    void aFailedSendIsLoggedAndTheAdapterKeepsAnswering() throws Exception {
        api.server().stubFor(post(urlPathEqualTo("/api/chat.postMessage")).inScenario("fail").whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"ok\":false,\"error\":\"channel_not_found\"}")).willSetStateTo("ok"));
        api.server().stubFor(post(urlPathEqualTo("/api/chat.postMessage")).inScenario("fail").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"ok\":true,\"channel\":\"D0RUNNER\",\"ts\":\"1.3\"}")));
        start();

        dm("first");
        dm("second");

        List<LoggedRequest> posts = awaitCalls("chat.postMessage", 2);
        assertThat(sectionTexts(posts.get(1))).containsExactly("You asked: second");
    }

    @Test
    void chartsAreUploadedWithTheV2Flow() throws Exception {
        start();

        dm("Analyze my last run");

        LoggedRequest complete = awaitCalls("files.completeUploadExternal", 1).get(0);
        Map<String, String> getUrl = form(api.calls("files.getUploadURLExternal").get(0));
        assertThat(getUrl).containsEntry("length", Integer.toString(TestCore.PNG.length));
        assertThat(getUrl.get("filename")).endsWith(".png");
        assertThat(getUrl).containsEntry("alt_txt", "Pace chart");
        assertThat(api.server().findAll(postRequestedFor(urlPathEqualTo("/upload/F123"))).get(0).getBody())
                .containsSubsequence(TestCore.PNG);
        assertThat(form(complete)).containsEntry("channel_id", "D0RUNNER");
        assertThat(form(complete).get("files")).contains("F123");
        assertThat(sectionTexts(api.calls("chat.postMessage").get(0))).containsExactly("*Last run*: 8.0 km at 5:12 /km");
        assertThat(api.calls("files.upload")).isEmpty();
    }

    @Test
    void aFilePartIsUploadedWithTheV2FlowUnderItsOwnName() throws Exception {
        core = Fixtures.core(tmp, Fixtures.ECHO_COACH);
        byte[] ics = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        adapter = new SlackAdapter(settings(), null, null, core.core.deliveries(), Clock.systemUTC(),
                core.core.commands(), retryClock);
        adapter.start(new InboundHandler() {
            @Override
            public CompletableFuture<Reply> onInbound(Inbound inbound) {
                return CompletableFuture.completedFuture(Reply.of(new Reply.Part.Text("Your plan as a calendar"),
                        new Reply.Part.File("pace42-plan.ics", "text/calendar", ics, "/api/v1/plans/current.ics")));
            }

            @Override
            public CompletableFuture<AccountView> overview(PlatformIdentity who) {
                return core.core.dispatcher().overview(who);
            }
        });

        dm("/plan calendar");

        LoggedRequest complete = awaitCalls("files.completeUploadExternal", 1).get(0);
        Map<String, String> getUrl = form(api.calls("files.getUploadURLExternal").get(0));
        assertThat(getUrl).containsEntry("filename", "pace42-plan.ics").containsEntry("length", Integer.toString(ics.length));
        assertThat(api.server().findAll(postRequestedFor(urlPathEqualTo("/upload/F123"))).get(0).getBody()).containsSubsequence(ics);
        assertThat(form(complete)).containsEntry("channel_id", "D0RUNNER");
        assertThat(sectionTexts(api.calls("chat.postMessage").get(0))).containsExactly("Your plan as a calendar");
    }

    @Test
    void appHomeOfAnUnknownRunnerCreatesNoAccount() throws Exception {
        start();
        openHome();

        String view = publishedViews(1).get(0).toString();
        assertThat(view).contains("Send me a message to set up your pace42 account");
        assertThat(view).doesNotContain(HomeTab.LINK_ACTION);
        assertThat(core.core.accounts().find(runner())).isEmpty();
    }

    @Test
    void openingHomeTwiceChangesNothing() throws Exception {
        start();
        dm("/link");
        String pendingLink = linkTokenIn(awaitCalls("chat.postEphemeral", 1).get(0));
        String accountId = core.core.accounts().find(runner()).orElseThrow().id();
        long usageBefore = core.core.usage().messagesOfAccount(accountId, 1);

        openHome();
        openHome();

        List<JsonNode> views = publishedViews(2);
        for (JsonNode view : views) {
            assertThat(view.toString()).contains("Your pace42 account", "You asked: " + AccountOverview.LAST_RUN_QUESTION);
            assertThat(view.toString()).doesNotContain("/link/");
        }
        assertThat(core.core.links().state(LinkCommand.PURPOSE, pendingLink)).isEqualTo(LinkState.ACTIVE);
        assertThat(core.core.usage().messagesOfAccount(accountId, 1)).isEqualTo(usageBefore);
        assertThat(api.calls("chat.postEphemeral")).hasSize(1);
    }

    @Test
    void theHomeButtonSendsAPrivateLinkInTheDm() throws Exception {
        start();
        dm("hello");
        awaitCalls("chat.postMessage", 1);
        openHome();
        JsonNode button = findButton(publishedViews(1).get(0));
        assertThat(button.path("value").asText()).isEqualTo("D0RUNNER");

        Map<String, Object> payload = new HashMap<>();
        payload.put("type", "block_actions");
        payload.put("team", Map.of("id", TEAM));
        payload.put("user", Map.of("id", RUNNER));
        payload.put("trigger_id", "1234.5678.abcd");
        payload.put("view", Map.of("type", "home", "id", "V1"));
        payload.put("actions", List.of(Map.of("type", "button", "action_id", HomeTab.LINK_ACTION,
                "block_id", "b1", "value", "D0RUNNER", "action_ts", SlackRequests.nextTs())));
        String body = "payload=" + java.net.URLEncoder.encode(SlackRequests.json(payload),
                java.nio.charset.StandardCharsets.UTF_8);
        Response ack = SlackRequests.run(adapter.app(), "/slack/interactive", body,
                SlackRequests.signedHeaders(body, "application/x-www-form-urlencoded"));

        assertThat(ack.getStatusCode()).isEqualTo(200);
        LoggedRequest ephemeral = awaitCalls("chat.postEphemeral", 1).get(0);
        assertThat(form(ephemeral)).containsEntry("channel", "D0RUNNER").containsEntry("user", RUNNER);
        assertThat(core.core.links().state(LinkCommand.PURPOSE, linkTokenIn(ephemeral))).isEqualTo(LinkState.ACTIVE);
    }

    private PlatformIdentity runner() {
        return new PlatformIdentity(Platform.SLACK, TEAM, RUNNER);
    }

    private void openHome() throws Exception {
        Map<String, Object> event = new HashMap<>();
        event.put("type", "app_home_opened");
        event.put("user", RUNNER);
        event.put("channel", "D0RUNNER");
        event.put("tab", "home");
        event.put("event_ts", SlackRequests.nextTs());
        SlackRequests.runEvent(adapter.app(), SlackRequests.envelope(TEAM, SlackRequests.nextEventId(), event));
    }

    private List<JsonNode> publishedViews(int count) {
        List<JsonNode> views = new ArrayList<>();
        for (LoggedRequest publish : awaitCalls("views.publish", count)) {
            Map<String, String> form = form(publish);
            assertThat(form).containsEntry("user_id", RUNNER);
            JsonNode view = SlackApiStub.json(form.get("view"));
            assertThat(view.path("type").asText()).isEqualTo("home");
            views.add(view);
        }
        return views;
    }

    private static JsonNode findButton(JsonNode view) {
        for (JsonNode block : view.path("blocks")) {
            for (JsonNode element : block.path("elements")) {
                if (HomeTab.LINK_ACTION.equals(element.path("action_id").asText())) {
                    return element;
                }
            }
        }
        throw new AssertionError("no link button in " + view);
    }

    /** The one-time token in the link button of an ephemeral answer. */
    private static String linkTokenIn(LoggedRequest ephemeral) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/link/([A-Za-z0-9_-]+)")
                .matcher(form(ephemeral).get("blocks"));
        assertThat(m.find()).as("a link in %s", form(ephemeral).get("blocks")).isTrue();
        return m.group(1);
    }

    @Test
    void activityFileInTheDmIsDownloadedWithTheBotToken() throws Exception {
        api.ok("files.info", "{\"ok\":true,\"file\":{\"id\":\"F0FIT\",\"name\":\"run.fit\",\"size\":5,"
                + "\"url_private_download\":\"" + api.baseUrl() + "files-pri/T0001-F0FIT/download/run.fit\"}}");
        api.stubGet("/files-pri/T0001-F0FIT/download/run.fit", new byte[] {1, 2, 3, 4, 5});
        start();
        Map<String, Object> event = SlackRequests.dm(RUNNER, "D0RUNNER", "");
        event.put("subtype", "file_share");
        event.put("files", List.of(Map.of("id", "F0FIT", "name", "run.fit", "mimetype", "application/octet-stream",
                "size", 5)));

        SlackRequests.runEvent(adapter.app(), SlackRequests.envelope(TEAM, SlackRequests.nextEventId(), event));

        LoggedRequest post = awaitCalls("chat.postMessage", 1).get(0);
        LoggedRequest download = api.server().findAll(getRequestedFor(urlPathEqualTo(
                "/files-pri/T0001-F0FIT/download/run.fit"))).get(0);
        assertThat(download.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        // The test core has no file analysis: it says so, after the download succeeded.
        assertThat(sectionTexts(post).get(0)).contains("can't analyse files on this server");
    }

    @Test
    void aHostileGpxGetsTheUnreadableAnswerAndNothingIsFetchedOrRead() throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret.key"), "pace42-secret-" + UUID.randomUUID());
        try (OutboundListener attacker = new OutboundListener(secret.toString())) {
            byte[] gpx = HostileFiles.gpx(attacker.url(), secret.toString()).get("xxe-parameter-entities");
            api.ok("files.info", "{\"ok\":true,\"file\":{\"id\":\"F0GPX\",\"name\":\"run.gpx\",\"size\":"
                    + gpx.length + ",\"url_private_download\":\"" + api.baseUrl()
                    + "files-pri/T0001-F0GPX/download/run.gpx\"}}");
            api.stubGet("/files-pri/T0001-F0GPX/download/run.gpx", gpx);
            start(Fixtures.core(tmp, Fixtures.ECHO_COACH, 4,
                    (account, name, content, askedAt) -> Optional.of(ImportedAnswer.of(name, content))));
            Map<String, Object> event = SlackRequests.dm(RUNNER, "D0RUNNER", "");
            event.put("subtype", "file_share");
            event.put("files", List.of(Map.of("id", "F0GPX", "name", "run.gpx", "mimetype", "application/gpx+xml",
                    "size", gpx.length)));

            SlackRequests.runEvent(adapter.app(), SlackRequests.envelope(TEAM, SlackRequests.nextEventId(), event));

            LoggedRequest post = awaitCalls("chat.postMessage", 1).get(0);
            assertThat(form(post).get("text")).isEqualTo(GarminProblemCode.FILE_UNREADABLE.friendly());
            assertThat(attacker.requests()).isEmpty();
        }
    }

    @Test
    void otherFilesGetTheCoresAnswerNamingTheFilesItReadsAndNothingIsDownloaded() throws Exception {
        start();
        Map<String, Object> event = SlackRequests.dm(RUNNER, "D0RUNNER", "");
        event.put("subtype", "file_share");
        event.put("files", List.of(Map.of("id", "F0PDF", "name", "plan.pdf", "size", 5)));

        SlackRequests.runEvent(adapter.app(), SlackRequests.envelope(TEAM, SlackRequests.nextEventId(), event));

        assertThat(sectionTexts(awaitCalls("chat.postMessage", 1).get(0)).get(0)).contains("FIT, GPX or TCX", "ZIP");
        assertThat(api.server().findAll(postRequestedFor(urlPathEqualTo("/api/files.info")))).isEmpty();
    }

    @Test
    void proactiveNoticeGoesToTheStoredConversation() {
        start();

        core.core.adapters().notify(new ConversationRef(Platform.SLACK, TEAM, "D0RUNNER", RUNNER),
                Reply.text("Garmin connected"));

        LoggedRequest post = awaitCalls("chat.postMessage", 1).get(0);
        assertThat(form(post)).containsEntry("channel", "D0RUNNER");
        assertThat(sectionTexts(post)).containsExactly("Garmin connected");
    }

    @Test
    void aLinkButtonClickIsAcknowledgedAndNothingElseHappens() throws Exception {
        start();
        String payload = SlackRequests.json(Map.of("type", "block_actions", "team", Map.of("id", TEAM, "domain", "one"),
                "user", Map.of("id", RUNNER, "team_id", TEAM), "api_app_id", "A0PACE42", "token", "legacy",
                "trigger_id", "1.2.3", "container", Map.of("type", "message", "channel_id", "D0RUNNER",
                        "message_ts", "1.2"),
                "channel", Map.of("id", "D0RUNNER", "name", "directmessage"),
                "actions", List.of(Map.of("action_id", "pace42-link-0", "block_id", "b1", "type", "button",
                        "url", "https://pace42.example/link/x", "action_ts", "1.3",
                        "text", Map.of("type", "plain_text", "text", "Connect Garmin")))));
        String body = "payload=" + java.net.URLEncoder.encode(payload, java.nio.charset.StandardCharsets.UTF_8);

        Response ack = SlackRequests.run(adapter.app(), "/slack/interactive", body,
                SlackRequests.signedHeaders(body, "application/x-www-form-urlencoded"));

        assertThat(ack.getStatusCode()).isEqualTo(200);
        assertThat(coreCalls).hasValue(0);
    }

    @Test
    void aCoachFailureReachesTheRunnerAsTheCoresReplyWithCodeAndReference() throws Exception {
        core = Fixtures.core(tmp, question -> {
            throw new IllegalStateException("coach on fire");
        });
        adapter = new SlackAdapter(settings(), null, null, core.core.deliveries(), Clock.systemUTC(),
                core.core.commands(), retryClock);
        adapter.start(core.core.dispatcher());

        Response ack = dm("How was my run?");

        assertThat(ack.getStatusCode()).isEqualTo(200);
        String text = sectionTexts(awaitCalls("chat.postMessage", 1).get(0)).get(0);
        assertThat(text).contains("something went wrong on my side while answering", "INTERNAL_ERROR", "ref sl-Ev")
                .doesNotContain("on fire");
    }

    @Test
    void healthFollowsAuthTest() {
        start();
        assertThat(adapter.check().healthy()).isTrue();

        api.server().stubFor(post(urlPathEqualTo("/api/auth.test")).atPriority(0)
                .willReturn(okJson("{\"ok\":false,\"error\":\"token_revoked\"}")));

        ChannelHealth.Status status = adapter.check();
        assertThat(status.healthy()).isFalse();
        assertThat(status.message()).contains("token_revoked").doesNotContain(TOKEN);
    }

    @Test
    void anUnreachableSlackAtStartIsReportedUnhealthy() {
        api.server().stubFor(post(urlPathEqualTo("/api/auth.test")).atPriority(0)
                .willReturn(okJson("{\"ok\":false,\"error\":\"invalid_auth\"}")));
        start();

        ChannelHealth.Status status = adapter.check();

        assertThat(status.healthy()).isFalse();
        assertThat(status.message()).contains("invalid_auth").doesNotContain(TOKEN);
    }
}
