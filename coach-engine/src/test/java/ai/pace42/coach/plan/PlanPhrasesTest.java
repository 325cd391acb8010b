package ai.pace42.coach.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanPhrasesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    static Optional<PlanAsk> ask(String s) {
        return PlanPhrases.recognize(s, TODAY);
    }

    @Test
    void theIssuesExampleCarriesEverySlot() {
        PlanAsk.Create c = (PlanAsk.Create) ask("Make me a plan for a half marathon on 12 April, 4 days a week, long run on Sunday").orElseThrow();
        assertThat(c.distanceM()).hasValue(21_097.5);
        assertThat(c.raceDate()).contains(LocalDate.of(2027, 4, 12)); // the next 12 April
        assertThat(c.daysPerWeek()).hasValue(4);
        assertThat(c.longRunDay()).contains(DayOfWeek.SUNDAY);
    }

    @Test
    void otherWaysOfAskingForAPlan() {
        PlanAsk.Create c = (PlanAsk.Create) ask("I want a training plan for the marathon on 2027-05-09 with 5 runs per week, Saturday long runs").orElseThrow();
        assertThat(c.distanceM()).hasValue(42_195);
        assertThat(c.raceDate()).contains(LocalDate.of(2027, 5, 9));
        assertThat(c.daysPerWeek()).hasValue(5);
        assertThat(c.longRunDay()).contains(DayOfWeek.SATURDAY);
        PlanAsk.Create tenK = (PlanAsk.Create) ask("create a 10k plan for March 7th").orElseThrow();
        assertThat(tenK.distanceM()).hasValue(10_000);
        assertThat(tenK.raceDate()).contains(LocalDate.of(2027, 3, 7));
        assertThat(tenK.daysPerWeek()).isEmpty();
    }

    @Test
    void viewingAndAdaptingPhrases() {
        assertThat(ask("What's today?")).containsInstanceOf(PlanAsk.Today.class);
        assertThat(ask("this week")).containsInstanceOf(PlanAsk.ThisWeek.class);
        assertThat(ask("what's on this week?")).containsInstanceOf(PlanAsk.ThisWeek.class);
        assertThat(ask("show my plan")).containsInstanceOf(PlanAsk.Overview.class);
        assertThat(ask("plan chart")).containsInstanceOf(PlanAsk.Overview.class);
        assertThat(ask("send me the calendar")).containsInstanceOf(PlanAsk.Calendar.class);
        assertThat(ask("pause my plan")).containsInstanceOf(PlanAsk.Pause.class);
        assertThat(ask("resume my plan")).containsInstanceOf(PlanAsk.Resume.class);
        assertThat(ask("I'm travelling next week")).containsInstanceOf(PlanAsk.Travelling.class);
        assertThat(ask("my legs are sore")).containsInstanceOf(PlanAsk.SoreLegs.class);
        assertThat(ask("I'm ill")).containsInstanceOf(PlanAsk.Ill.class);
        assertThat(ask("I missed the last 3 days")).contains(new PlanAsk.Missed(java.util.OptionalInt.of(3)));
        assertThat(ask("move Thursday's workout to Friday")).contains(new PlanAsk.Move(DayOfWeek.THURSDAY, DayOfWeek.FRIDAY));
        assertThat(ask("yes")).containsInstanceOf(PlanAsk.Yes.class);
        assertThat(ask("undo")).containsInstanceOf(PlanAsk.Undo.class);
    }

    @Test
    void illnessAndBlackoutDays() {
        assertThat(ask("I have a cold")).containsInstanceOf(PlanAsk.Ill.class);
        assertThat(ask("I've been sick since Monday")).containsInstanceOf(PlanAsk.Ill.class);
        // Wednesday 2 December 2026
        assertThat(ask("I can't run from 14 to 18 December")).contains(new PlanAsk.Blackout(LocalDate.of(2026, 12, 14), LocalDate.of(2026, 12, 18)));
        assertThat(ask("no running friday to sunday, I'm at a conference"))
                .contains(new PlanAsk.Blackout(LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 6)));
        assertThat(ask("I'm away from 30 December until 2 January"))
                .contains(new PlanAsk.Blackout(LocalDate.of(2026, 12, 30), LocalDate.of(2027, 1, 2)));
        assertThat(ask("I won't be able to run on Thursday")).contains(new PlanAsk.Blackout(LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 3)));
        assertThat(ask("I'm travelling next week")).as("no days named: travel, not a blackout").containsInstanceOf(PlanAsk.Travelling.class);
    }

    @Test
    void coachQuestionsAreLeftToTheCoach() {
        assertThat(ask("how much did I run this week")).isEmpty();
        assertThat(ask("analyze my last run")).isEmpty();
        assertThat(ask("what should I run tomorrow?")).isEmpty();
        assertThat(ask("give me a plan for tomorrow")).as("the coach's next-run question").isEmpty();
        assertThat(ask("predict my marathon time")).isEmpty();
        assertThat(ask("")).isEmpty();
    }
}
