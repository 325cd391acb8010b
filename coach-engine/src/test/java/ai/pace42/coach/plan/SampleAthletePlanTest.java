package ai.pace42.coach.plan;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.coach.Fixtures;
import ai.pace42.coach.UnitSystem;
import ai.pace42.coach.answer.Format;
import ai.pace42.coach.fitness.TrainingHistory;
import ai.pace42.coach.sample.SampleAthlete;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * A half-marathon plan for the sample athlete, from its own analysed history, checked against the reference rules.
 * The plan text is written to target/sample-athlete-plan.txt for the notes.
 */
class SampleAthletePlanTest {

    @Test
    void theSampleAthletesHalfMarathonPlanKeepsEveryRule() throws IOException {
        SampleAthlete sample = new SampleAthlete(Clock.fixed(Fixtures.NOW, ZoneOffset.UTC), Fixtures.ZONE);
        TrainingHistory h = PlanHistory.load(sample, Fixtures.NOW, Fixtures.ZONE, UnitSystem.METRIC);
        CurrentFitness fit = CurrentFitness.of(h, Fixtures.NOW);
        assertThat(fit.vdot()).as("the sample's 10 km race gives a VDOT").isPresent();
        LocalDate race = LocalDate.of(2027, 2, 21); // a Sunday, 12 weeks after Thursday 26 Nov 2026
        PlanOutcome o = PlanGenerator.generate(new PlanRequest(race, 21_097.5, 4, DayOfWeek.SUNDAY, Fixtures.TODAY, UnitSystem.METRIC), fit);
        TrainingPlan p = PlanGeneratorTest.ready(o);
        assertThat(PlanGuardrails.check(p)).isEmpty();
        assertThat(p.weeks().get(0).volumeM()).isLessThanOrEqualTo(Math.max(fit.weeklyM(), 10_000) * 1.10);
        assertThat(p.weeks().get(0).longestM()).isLessThanOrEqualTo(fit.longestRecentM() * 1.10);
        assertThat(p.weeks()).allMatch(w -> w.qualityCount() <= 2);
        double peak = p.weeks().subList(0, 10).stream().mapToDouble(PlanWeek::volumeM).max().orElseThrow();
        assertThat(p.weeks().get(11).volumeM() / peak).isBetween(0.40, 0.60);
        Format f = new Format(UnitSystem.METRIC, Fixtures.ZONE);
        Path out = Path.of("target", "sample-athlete-plan.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, PlanReplies.created(p, f, Fixtures.TODAY) + "\n\n" + PlanText.full(p, f));
    }
}
