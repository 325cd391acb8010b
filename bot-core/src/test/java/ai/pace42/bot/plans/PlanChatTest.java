package ai.pace42.bot.plans;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.testing.MutableClock;
import ai.pace42.coach.plan.PlanGuardrails;
import ai.pace42.coach.plan.SessionKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan flow in chat, on the sample athlete with the real coach behind the core (UTC account). */
class PlanChatTest {

    private static final PlatformIdentity ANA = PlatformIdentity.of(Platform.TELEGRAM, "ana");
    /** Wednesday 2 December 2026. */
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @TempDir
    Path dir;

    private PlanChat chat;
    private BotCore core;
    private Jdbi jdbi;
    private MutableClock clock;

    @BeforeEach
    void setUp() {
        chat = new PlanChat(dir, NOW, ANA);
        core = chat.core;
        jdbi = chat.jdbi;
        clock = chat.clock;
    }

    @AfterEach
    void tearDown() {
        chat.close();
    }

    private Reply say(String text) throws Exception {
        return chat.say(text);
    }

    private PlanStore store() {
        return new PlanStore(jdbi, clock);
    }

    private String account() {
        return chat.account();
    }

    private StoredPlan plan() {
        return chat.plan();
    }

    @Test
    void theIssuesExampleMakesAStoredPlanFromTheRunnersFitness() throws Exception {
        say("/sample");
        String made = say("Make me a plan for a half marathon on 12 April, 4 days a week, long run on Sunday").plainText();

        assertThat(made).contains("half marathon plan", "Mon 12 Apr", "18 weeks from Tue 8 Dec", "4 days a week",
                "long run on Sunday", "VDOT").doesNotContain("assumed");
        StoredPlan p = plan();
        assertThat(p.status()).isEqualTo(StoredPlan.Status.ACTIVE);
        assertThat(p.plan().request().raceDate()).isEqualTo(LocalDate.of(2027, 4, 12));
        assertThat(PlanGuardrails.check(p.plan())).isEmpty();
        assertThat(p.plan().sessions()).filteredOn(s -> s.kind() == SessionKind.LONG)
                .allMatch(s -> s.date().getDayOfWeek() == java.time.DayOfWeek.SUNDAY);
        assertThat(say("this week").plainText()).contains("starts on Tue 8 Dec");
        assertThat(say("/plan week").plainText()).contains("starts on Tue 8 Dec");
        Reply calendar = say("/plan calendar");
        assertThat(calendar.parts()).filteredOn(part -> part instanceof Reply.Part.File).singleElement().satisfies(part -> {
            Reply.Part.File file = (Reply.Part.File) part;
            assertThat(file.name()).isEqualTo("pace42-plan.ics");
            assertThat(file.mediaType()).isEqualTo("text/calendar");
            assertThat(file.downloadPath()).isEqualTo("/api/v1/plans/current.ics");
            assertThat(new String(file.bytes(), java.nio.charset.StandardCharsets.UTF_8)).startsWith("BEGIN:VCALENDAR")
                    .contains("DTSTART;VALUE=DATE:20261208", "END:VCALENDAR");
        });

        clock.advance(Duration.ofDays(8)); // Thursday 10 December, week 1
        assertThat(say("What's today?").plainText()).contains("Today", "Thu 10 Dec", "easy run");
        assertThat(say("this week").plainText()).contains("Week 1 of 18", "Tue 8 Dec", "Sun 13 Dec");
        Reply overview = say("show my plan");
        assertThat(overview.plainText()).contains("18 weeks", "Week 18 of 18", "taper");
        assertThat(overview.parts()).anySatisfy(part -> assertThat(part).isInstanceOf(Reply.Part.Image.class));
    }

    @Test
    void nothingChangesUntilYesAndEveryChangeCanBeUndone() throws Exception {
        say("/sample");
        say("Make me a plan for a half marathon on 12 April, 4 days a week, long run on Sunday");
        clock.advance(Duration.ofDays(8)); // Thursday 10 December
        LocalDate thursday = LocalDate.of(2026, 12, 10), saturday = LocalDate.of(2026, 12, 12);
        String before = ai.pace42.coach.plan.PlanCodec.encode(plan().plan());

        String proposed = say("move Thursday's workout to Saturday").plainText();
        assertThat(proposed).contains("Proposed change", "2026-12-10 to 2026-12-12", "Nothing changes until you say **yes**");
        assertThat(ai.pace42.coach.plan.PlanCodec.encode(plan().plan())).as("a proposal changes nothing").isEqualTo(before);

        assertThat(say("no").plainText()).contains("nothing changed");
        assertThat(ai.pace42.coach.plan.PlanCodec.encode(plan().plan())).isEqualTo(before);

        say("move Thursday's workout to Saturday");
        assertThat(say("yes").plainText()).contains("Done", "undo");
        assertThat(plan().plan().on(thursday)).isEmpty();
        assertThat(plan().plan().on(saturday)).isPresent();

        assertThat(say("undo").plainText()).contains("Undone");
        assertThat(ai.pace42.coach.plan.PlanCodec.encode(plan().plan())).as("undo restores the plan exactly").isEqualTo(before);

        say("pause my plan");
        say("yes");
        assertThat(plan().status()).isEqualTo(StoredPlan.Status.PAUSED);
        say("resume my plan");
        say("yes");
        assertThat(plan().status()).isEqualTo(StoredPlan.Status.ACTIVE);

        assertThat(say("plan history").plainText()).contains("create, applied", "adapt, declined", "adapt, undone",
                "pause, applied", "resume, applied");
    }

    @Test
    void aRaceTooCloseIsRefusedWithACodeAndTheOfferNeedsAYes() throws Exception {
        say("/sample");
        say("Make me a plan for a half marathon on 12 April, 4 days a week, long run on Sunday");
        String id = plan().id();

        String refused = say("make me a plan for a marathon on 20 December").plainText();
        assertThat(refused).contains("I won't make that plan", "too close", "code PLAN_TOO_CLOSE", "closest safe plan");
        assertThat(plan().id()).as("the active plan stays until yes").isEqualTo(id);
        say("no");
        assertThat(plan().id()).isEqualTo(id);
        assertThat(store().pending(account())).isEmpty();
    }

    @Test
    void theLastRunsAnalysisIsComparedWithThePlannedSessionOfItsDay() throws Exception {
        say("/sample");
        say("Make me a plan for a half marathon on 12 April, 4 days a week, long run on Sunday");
        clock.advance(Duration.ofDays(10)); // Saturday 12 December: the sample athlete's newest run is yesterday, Friday
        String analysis = say("Analyze my last run").plainText();
        LocalDate friday = LocalDate.of(2026, 12, 11);
        assertThat(plan().plan().on(friday)).as("the plan has a Friday session").isPresent();
        assertThat(analysis).contains("**Against your plan:** planned easy run", "you ran");
    }

    @Test
    void withoutAPlanTodayQuestionsStillReachTheCoach() throws Exception {
        say("/sample");
        String answer = say("What's today?").plainText();
        assertThat(answer).doesNotContain("no training plan");
        assertThat(say("show my plan").plainText()).contains("no training plan yet");
        assertThat(say("/plan").plainText()).contains("no training plan yet");
    }
}
