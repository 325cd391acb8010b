package ai.pace42.coach;

import ai.pace42.coach.answer.CoachContext;
import ai.pace42.coach.answer.Format;
import ai.pace42.coach.answer.NextRunReport;
import ai.pace42.coach.fitness.TrainingHistory;
import ai.pace42.coach.model.Activity;

import java.time.LocalDate;
import java.util.List;

/** Renders the next-run answer as of an evening in the past, for golden case 9. */
final class NextRunReportProbe {

    private NextRunReportProbe() {
    }

    static String textFor(TrainingHistory h, List<Activity> runs, LocalDate evening) {
        CoachContext ctx = new CoachContext(h, new Format(UnitSystem.METRIC, Fixtures.ZONE),
                evening.atTime(21, 0).atZone(Fixtures.ZONE).toInstant(), Fixtures.source(Fixtures.goldenProfile(), runs));
        return NextRunReport.answer(ctx, true).text();
    }
}
