package ai.pace42.discord;

import ai.pace42.bot.testing.TestCore;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.Reply;
import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.CoachService;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.files.HostileFiles;
import ai.pace42.garmin.files.ImportedAnswer;
import ai.pace42.garmin.files.OutboundListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The adapter with the real bot core behind it and a recording sender in front. */
class DiscordAdapterTest {

    @TempDir
    Path tmp;

    private final RecordingSender sender = new RecordingSender();
    private BotCore core;
    private DiscordAdapter adapter;

    private DiscordAdapter start(CoachService coach) {
        core = Fixtures.core(tmp, coach);
        DiscordSettings settings = new DiscordSettings("", new Fixtures.Signer().publicKeyHex(), null, "");
        adapter = new DiscordAdapter(settings, core.commands(), sender, Clock.systemUTC());
        core.adapters().register(adapter);
        adapter.start(core.dispatcher());
        return adapter;
    }

    @AfterEach
    void stop() {
        if (adapter != null) {
            adapter.stop();
        }
        if (core != null) {
            core.close();
        }
    }

    private static void await(CompletableFuture<Void> f) throws Exception {
        f.get(20, TimeUnit.SECONDS);
    }

    @Test
    void aDirectMessageIsAnsweredInItsChannel() throws Exception {
        start(Fixtures.ECHO_COACH);
        await(adapter.process(Fixtures.dm("1300000000000000001", "How was my week?", List.of()), sender));
        assertThat(sender.calls).hasSize(1);
        RecordingSender.Call call = sender.calls.get(0);
        assertThat(call.kind()).isEqualTo("channel");
        assertThat(call.target()).isEqualTo("1200000000000000077");
        assertThat(call.message().content()).isEqualTo("You asked: How was my week?");
    }

    @Test
    void whatTheUserWroteIsEscapedWhenTheCoachRepeatsIt() throws Exception {
        start(Fixtures.ECHO_COACH);
        await(adapter.process(Fixtures.dm("1300000000000000005", "ping @everyone *now* `x`", List.of()), sender));
        String sent = sender.calls.get(0).message().content();
        assertThat(sent).isEqualTo("You asked: ping @\u200Beveryone \\*now\\* \\`x\\`");
    }

    @Test
    void aPrivateAnswerToAPublicDeferralGoesToAnEphemeralFollowUp() throws Exception {
        start(Fixtures.ECHO_COACH);
        // An operator types an admin command into /coach in a server: the deferral was public, the answer is not.
        SlashInvocation ask = new SlashInvocation("1310000000000000108", Fixtures.APP_ID, Fixtures.TOKEN, "coach",
                "", java.util.Map.of("question", "/admin stats"), Fixtures.ADMIN_ID, "Ops", "1000000000000000100",
                "1000000000000000200", java.time.Instant.now());
        await(adapter.process(ask, sender.ack(), sender));
        assertThat(sender.kinds()).containsExactly("ack", "edit", "followUp");
        assertThat(sender.calls.get(0).ephemeral()).isFalse();
        assertThat(sender.calls.get(1).message().content()).isEqualTo(DiscordAdapter.SENT_PRIVATELY);
        assertThat(sender.calls.get(2).ephemeral()).isTrue();
        assertThat(sender.calls.get(2).message().content()).contains("pace42 stats");
    }

    @Test
    void aMessageDeliveredTwiceIsAnsweredOnce() throws Exception {
        start(Fixtures.ECHO_COACH);
        await(adapter.process(Fixtures.dm("1300000000000000002", "hi", List.of()), sender));
        await(adapter.process(Fixtures.dm("1300000000000000002", "hi", List.of()), sender));
        assertThat(sender.calls).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({
            "coach_guild.json,  false, You asked: How was my last run?",
            "link_guild.json,   true,  private link",
            "link_dm.json,      true,  private link",
            "unlink_guild.json, true,  Garmin",
            "unlink_confirm.json, true, nothing to delete",
            "status_guild.json, true,  Your pace42 account",
            "units_guild.json,  false, miles",
            "sample_guild.json, false, sample",
            "help_guild.json,   false, /units"})
    void eachSlashCommandIsAcknowledgedThenCompleted(String fixture, boolean ephemeral, String expected)
            throws Exception {
        start(Fixtures.ECHO_COACH);
        await(adapter.process(Fixtures.invocation(fixture, "1310000000000000100"), sender.ack(), sender));
        assertThat(sender.kinds().get(0)).isEqualTo("ack");
        assertThat(sender.calls.get(0).ephemeral()).isEqualTo(ephemeral);
        assertThat(sender.kinds().get(1)).isEqualTo("edit");
        assertThat(sender.calls.get(1).target()).isEqualTo(Fixtures.APP_ID);
        assertThat(sender.allText()).containsIgnoringCase(expected);
    }

    @Test
    void linkInAServerSendsTheButtonOnlyInTheEphemeralResponse() throws Exception {
        start(Fixtures.ECHO_COACH);
        await(adapter.process(Fixtures.invocation("link_guild.json", "1310000000000000101"), sender.ack(), sender));
        assertThat(sender.calls.get(0).ephemeral()).isTrue();
        assertThat(sender.calls.get(1).message().buttons()).singleElement()
                .satisfies(b -> assertThat(b.url()).contains("/link/"));
    }

    @Test
    void theAcknowledgementGoesOutBeforeASlowCoachAnswers() throws Exception {
        CountDownLatch coachStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        start(question -> {
            coachStarted.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return CoachAnswer.text("Steady progress.");
        });
        CompletableFuture<Void> done = adapter.process(Fixtures.invocation("coach_guild.json", "1310000000000000102"),
                sender.ack(), sender);
        assertThat(coachStarted.await(20, TimeUnit.SECONDS)).isTrue();
        // The coach is still thinking: Discord has its acknowledgement and nothing else.
        assertThat(sender.kinds()).containsExactly("ack");
        assertThat(done).isNotDone();
        release.countDown();
        await(done);
        assertThat(sender.kinds()).containsExactly("ack", "edit");
        assertThat(sender.calls.get(1).message().content()).isEqualTo("Steady progress.");
    }

    @Test
    void aSixThousandCharacterAnswerEditsTheOriginalThenFollowsUp() throws Exception {
        start(Fixtures.ECHO_COACH);
        SlashInvocation ask = new SlashInvocation("1310000000000000103", Fixtures.APP_ID, Fixtures.TOKEN, "coach",
                "", java.util.Map.of("question", TestCore.LONG_QUESTION), Fixtures.USER_ID, "Dana", "", "",
                java.time.Instant.now());
        await(adapter.process(ask, sender.ack(), sender));
        List<String> kinds = sender.kinds();
        assertThat(kinds.subList(0, 2)).containsExactly("ack", "edit");
        assertThat(kinds.subList(2, kinds.size())).hasSizeGreaterThanOrEqualTo(2).containsOnly("followUp");
        assertThat(sender.calls.subList(1, kinds.size())).allSatisfy(c -> {
            assertThat(c.message().content().length()).isLessThanOrEqualTo(2000);
            assertThat(c.ephemeral()).isFalse();
        });
        assertThat(sender.allText()).contains("Paragraph 1:").contains("Paragraph 30:");
    }

    @Test
    void anActivityFileIsDownloadedAndAnalysedWithItsChartUploaded() throws Exception {
        byte[] fit = {0x0e, 0x10, 0x43, 0x08, 0x00, 0x00, 0x00, 0x00, '.', 'F', 'I', 'T'};
        try (DiscordApiStub cdn = new DiscordApiStub()) {
            cdn.server.stubFor(get(urlPathEqualTo("/attachments/1200000000000000077/1/Morning_Run.fit"))
                    .willReturn(aResponse().withStatus(200).withBody(fit)));
            start(Fixtures.ECHO_COACH);
            String url = "http://localhost:" + cdn.server.port()
                    + "/attachments/1200000000000000077/1/Morning_Run.fit?ex=6745&is=6744&hm=abc";
            IncomingMessage.FileRef file = new IncomingMessage.FileRef("Morning_Run.fit", null, fit.length, url);
            await(adapter.process(Fixtures.dm("1300000000000000003", "", List.of(file)), sender));
        }
        assertThat(Fixtures.ANALYSED).anySatisfy(bytes -> assertThat(bytes).isEqualTo(fit));
        OutboundMessage answer = sender.calls.get(0).message();
        assertThat(answer.content()).contains("Morning\\_Run.fit").contains("8.0 km");
        assertThat(answer.png()).isEqualTo(TestCore.PNG);
        assertThat(answer.fileName()).isEqualTo("chart.png");
    }

    @Test
    void aHostileGpxGetsTheUnreadableAnswerAndNothingIsFetchedOrRead() throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret.key"), "pace42-secret-" + UUID.randomUUID());
        try (DiscordApiStub cdn = new DiscordApiStub(); OutboundListener attacker = new OutboundListener(
                secret.toString())) {
            byte[] gpx = HostileFiles.gpx(attacker.url(), secret.toString()).get("xxe-parameter-entities");
            cdn.server.stubFor(get(urlPathEqualTo("/attachments/1200000000000000077/2/Evening_Run.gpx"))
                    .willReturn(aResponse().withStatus(200).withBody(gpx)));
            core = Fixtures.core(tmp, Fixtures.ECHO_COACH,
                    (account, name, content, askedAt) -> Optional.of(ImportedAnswer.of(name, content)));
            DiscordSettings settings = new DiscordSettings("", new Fixtures.Signer().publicKeyHex(), null, "");
            adapter = new DiscordAdapter(settings, core.commands(), sender, Clock.systemUTC());
            core.adapters().register(adapter);
            adapter.start(core.dispatcher());
            String url = "http://localhost:" + cdn.server.port()
                    + "/attachments/1200000000000000077/2/Evening_Run.gpx?ex=6745&is=6744&hm=abc";
            IncomingMessage.FileRef file = new IncomingMessage.FileRef("Evening_Run.gpx", null, gpx.length, url);

            await(adapter.process(Fixtures.dm("1300000000000000009", "", List.of(file)), sender));

            assertThat(sender.calls.get(0).message().content())
                    .isEqualTo(GarminProblemCode.FILE_UNREADABLE.friendly());
            assertThat(attacker.requests()).isEmpty();
        }
    }

    @Test
    void adminIsRefusedForSomeoneNotOnTheAllowList() throws Exception {
        start(Fixtures.ECHO_COACH);
        await(adapter.process(Fixtures.invocation("admin_stats.json", "1310000000000000104"), sender.ack(), sender));
        assertThat(sender.calls.get(0).ephemeral()).isTrue();
        assertThat(sender.calls.get(1).message().content()).contains("operators only");
        assertThat(sender.allText()).doesNotContain("Accounts");
    }

    @Test
    void adminAnswersAnAllowListedOperatorPrivately() throws Exception {
        start(Fixtures.ECHO_COACH);
        await(adapter.process(Fixtures.invocation("admin_user.json", "1310000000000000105"), sender.ack(), sender));
        assertThat(sender.calls.get(0).ephemeral()).isTrue();
        assertThat(sender.allText()).contains("discord:80351110224678912").doesNotContain("operators only");
    }

    @Test
    void aRepeatedInteractionIsNeitherAcknowledgedNorAnsweredTwice() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        start(question -> {
            asked.incrementAndGet();
            return CoachAnswer.text("ok");
        });
        SlashInvocation once = Fixtures.invocation("coach_guild.json", "1310000000000000106");
        await(adapter.process(once, sender.ack(), sender));
        assertThat(adapter.onInteraction(once, sender.ack(), sender)).isFalse();
        assertThat(sender.kinds()).containsExactly("ack", "edit");
        assertThat(asked).hasValue(1);
    }

    @Test
    void aFailedSendIsLoggedWithItsRequestIdAndNeverTheToken() throws Exception {
        start(Fixtures.ECHO_COACH);
        sender.failWith = new DiscordApiException("edit original response", 404, 10062);
        try (LogCapture logs = new LogCapture()) {
            CompletableFuture<Void> dm = adapter.process(Fixtures.dm("1300000000000000004", "hi", List.of()), sender);
            CompletableFuture<Void> slash = adapter.process(Fixtures.invocation("coach_guild.json",
                    "1310000000000000107"), sender.ack(), sender);
            assertThat(dm).failsWithin(20, TimeUnit.SECONDS);
            assertThat(slash).failsWithin(20, TimeUnit.SECONDS);
            assertThat(logs.lines()).anySatisfy(l -> assertThat(l).startsWith("WARN")
                    .contains("dc-1300000000000000004"));
            assertThat(logs.lines()).anySatisfy(l -> assertThat(l).startsWith("WARN")
                    .contains("dc-1310000000000000107").contains("10062"));
            assertThat(logs.lines()).noneSatisfy(l -> assertThat(l).contains(Fixtures.TOKEN));
        }
    }

    @Test
    void aNoticeGoesToTheUsersDmEvenWhenTheLinkCameFromAServer() throws Exception {
        start(Fixtures.ECHO_COACH);
        adapter.send(new ConversationRef(Platform.DISCORD, "1000000000000000100", "1000000000000000200",
                Fixtures.USER_ID), Reply.text("Garmin connected"));
        adapter.stop(); // waits for sends in flight
        adapter = null;
        assertThat(sender.calls).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo("user");
            assertThat(c.target()).isEqualTo(Fixtures.USER_ID);
        });
    }
}
