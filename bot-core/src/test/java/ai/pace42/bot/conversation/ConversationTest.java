package ai.pace42.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.admin.AdminAllowList;
import ai.pace42.bot.admin.AuditLog;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.testing.RecordingAdapter;
import ai.pace42.bot.testing.TestDatabases;
import ai.pace42.bot.testing.TestSecretStores;
import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.ChartImage;
import ai.pace42.coach.CoachQuestion;
import ai.pace42.coach.CoachService;
import ai.pace42.coach.UnitSystem;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConversationTest {

    private static final PlatformIdentity RUNNER = PlatformIdentity.of(Platform.TELEGRAM, "777");
    private static final PlatformIdentity OPERATOR = PlatformIdentity.of(Platform.TELEGRAM, "1");

    @TempDir
    Path dir;

    private final List<CoachQuestion> questions = new CopyOnWriteArrayList<>();
    private final CoachService coach = question -> {
        questions.add(question);
        if (question.text().contains("explode")) {
            throw new IllegalStateException("coach bug");
        }
        return new CoachAnswer("You asked: " + question.text(), List.of(new ChartImage(new byte[] {1, 2}, "a chart")));
    };

    private Jdbi jdbi;
    private BotCore core;
    private RecordingAdapter telegram;

    @BeforeEach
    void setUp() throws Exception {
        jdbi = TestDatabases.sqlite(dir);
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T08:00:00Z"), ZoneOffset.UTC);
        core = BotCore.create(jdbi, sources -> coach, TestSecretStores.local(jdbi, dir),
                BotCore.Settings.defaults().withAdmins(AdminAllowList.parse("telegram:1")), clock);
        telegram = new RecordingAdapter(Platform.TELEGRAM);
        telegram.start(core.dispatcher());
    }

    @AfterEach
    void tearDown() {
        core.close();
    }

    private Reply say(PlatformIdentity who, String text) throws Exception {
        return telegram.receive(Inbound.directText(who, text, "req-" + text.hashCode())).get(5, TimeUnit.SECONDS);
    }

    @Test
    void helpListsCommandsAndExampleQuestions() throws Exception {
        String help = say(RUNNER, "/help").plainText();

        assertThat(help).contains("/units km|mi", "/timezone Area/City", "/status", "Analyze my last run");
        assertThat(help).doesNotContain("/admin");
    }

    @Test
    void startGreetsByName() throws Exception {
        Inbound hello = new Inbound(RUNNER, ai.pace42.bot.channel.ConversationRef.direct(RUNNER), "/start",
                List.of(), true, Instant.now(), "m1", "Ana", "req-1", "");

        String text = telegram.receive(hello).get(5, TimeUnit.SECONDS).plainText();

        assertThat(text).startsWith("**Hi Ana! I'm pace42");
    }

    @Test
    void unitsCommandChangesWhatTheCoachIsAskedIn() throws Exception {
        assertThat(say(RUNNER, "/units mi").plainText()).contains("miles");
        say(RUNNER, "How far did I run?");

        assertThat(questions).last().extracting(CoachQuestion::units).isEqualTo(UnitSystem.IMPERIAL);
        assertThat(say(RUNNER, "/status").plainText()).contains("**Units:** mi");
        assertThat(say(RUNNER, "/units furlongs").plainText()).contains("km", "mi");
    }

    @Test
    void timezoneCommandValidatesAndPersists() throws Exception {
        assertThat(say(RUNNER, "/timezone Mars/Olympus").plainText()).contains("don't know the time zone");
        assertThat(say(RUNNER, "/timezone europe/berlin").plainText()).contains("Europe/Berlin", "09:00");
        say(RUNNER, "what about yesterday?");

        assertThat(questions).last().extracting(CoachQuestion::zone).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void aBrowserTimeZoneHintIsAdoptedOnlyUntilTheRunnerChooses() throws Exception {
        PlatformIdentity browser = PlatformIdentity.of(Platform.WEB, "b1");
        Inbound hinted = new Inbound(browser, ai.pace42.bot.channel.ConversationRef.direct(browser), "hi",
                List.of(), true, Instant.now(), "", "", "r1", "Asia/Tokyo");
        telegram.receive(hinted).get(5, TimeUnit.SECONDS);
        assertThat(questions).last().extracting(CoachQuestion::zone).isEqualTo(ZoneId.of("Asia/Tokyo"));

        telegram.receive(Inbound.directText(browser, "/timezone UTC", "r2")).get(5, TimeUnit.SECONDS);
        telegram.receive(hinted).get(5, TimeUnit.SECONDS);
        assertThat(questions).last().extracting(CoachQuestion::zone).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void questionsGoToTheCoachWithTextAndChart() throws Exception {
        Reply reply = say(RUNNER, "  Analyze my last run  ");

        assertThat(reply.parts()).hasSize(2);
        assertThat(reply.plainText()).isEqualTo("You asked: Analyze my last run");
        assertThat(reply.parts().get(1)).isInstanceOf(Reply.Part.Image.class);
    }

    @Test
    void unknownCommandsAndEmptyMessagesGetHelpNotErrors() throws Exception {
        assertThat(say(RUNNER, "/dance").plainText()).contains("/dance", "/help");
        assertThat(say(RUNNER, "   ").plainText()).contains("/help");
        assertThat(say(RUNNER, "/HELP@pace42bot").plainText()).contains("**Commands**");
        assertThat(questions).isEmpty();
    }

    @Test
    void aCoachFailureBecomesAFriendlyReplyWithCodeAndRequestId() throws Exception {
        Reply reply = telegram.receive(Inbound.directText(RUNNER, "explode please", "req-boom")).get(5, TimeUnit.SECONDS);

        assertThat(reply.plainText()).contains("INTERNAL_ERROR", "req-boom").doesNotContain("IllegalStateException");
        assertThat(say(RUNNER, "still there?").plainText()).isEqualTo("You asked: still there?");
    }

    @Test
    void adminCommandsAreRefusedForOthersAndEveryUseIsAudited() throws Exception {
        Reply refused = say(RUNNER, "/admin stats");
        Reply allowed = say(OPERATOR, "/admin stats");

        assertThat(refused.plainText()).contains("operators only").doesNotContain("Accounts");
        assertThat(allowed.plainText()).contains("**Accounts:** 2", "telegram identities:** 2");
        assertThat(new AuditLog(jdbi, Clock.systemUTC()).recent(10))
                .containsExactlyInAnyOrder("telegram:777 admin stats - DENIED", "telegram:1 admin stats - ALLOWED");
    }

    @Test
    void adminUserShowsAnAccountButNeverToOthers() throws Exception {
        say(RUNNER, "/units mi");

        assertThat(say(OPERATOR, "/admin user telegram:777").plainText())
                .contains("telegram:777", "**Units:** mi", "Messages, last 7 days:** 1");
        assertThat(say(OPERATOR, "/admin user telegram:nobody").plainText()).contains("No account");
        assertThat(say(RUNNER, "/admin user telegram:1").plainText()).doesNotContain("acc_");
    }

    @Test
    void anEmptyAllowListAllowsNobody() {
        AdminAllowList none = AdminAllowList.parse("");
        assertThat(none.isAdmin(OPERATOR)).isFalse();
        assertThat(none.size()).isZero();
    }

    @Test
    void aConfiguredAdminOnAnotherPlatformIsNotAnAdminHere() {
        AdminAllowList list = AdminAllowList.parse("telegram:1, slack:T1:U1");
        assertThat(list.isAdmin(PlatformIdentity.of(Platform.DISCORD, "1"))).isFalse();
        assertThat(list.isAdmin(new PlatformIdentity(Platform.SLACK, "T2", "U1"))).isFalse();
        assertThat(list.isAdmin(new PlatformIdentity(Platform.SLACK, "T1", "U1"))).isTrue();
    }

    @Test
    void aBusyCoreSaysSoWithItsCode() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        CoachService slow = question -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return CoachAnswer.text("done");
        };
        try (BotCore tiny = BotCore.create(jdbi, sources -> slow, TestSecretStores.local(jdbi, dir),
                BotCore.Settings.defaults().withWorkers(1, 1), Clock.systemUTC())) {
            var first = tiny.dispatcher().onInbound(Inbound.directText(RUNNER, "slow question", "r1"));
            Reply busy = tiny.dispatcher().onInbound(Inbound.directText(RUNNER, "another", "r2")).get(5, TimeUnit.SECONDS);
            release.countDown();

            assertThat(busy.plainText()).contains("busy", "BUSY", "r2");
            assertThat(first.get(5, TimeUnit.SECONDS).plainText()).isEqualTo("done");
        }
    }

    @Test
    void choosingTheSampleAthletePreparesTheCoachForTheFirstQuestion() throws Exception {
        List<String> warmed = new CopyOnWriteArrayList<>();
        CoachService preparing = new CoachService() {
            @Override
            public CoachAnswer answer(CoachQuestion question) {
                return CoachAnswer.text("ok");
            }

            @Override
            public boolean warmUp(String accountId, UnitSystem units, ZoneId zone, Instant now) {
                warmed.add(accountId + " " + units + " " + zone);
                return true;
            }
        };
        try (BotCore withWarmUp = BotCore.create(jdbi, sources -> preparing, TestSecretStores.local(jdbi, dir),
                BotCore.Settings.defaults(), Clock.systemUTC())) {
            withWarmUp.dispatcher().onInbound(Inbound.directText(RUNNER, "/units mi", "w1")).get(5, TimeUnit.SECONDS);
            withWarmUp.dispatcher().onInbound(Inbound.directText(RUNNER, "/sample", "w2")).get(5, TimeUnit.SECONDS);

            String accountId = withWarmUp.accounts().find(RUNNER).orElseThrow().id();
            assertThat(warmed).containsExactly(accountId + " IMPERIAL UTC");
        }
    }
}
