package ai.pace42.coach.answer;

import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.chart.WeeklyVolumeChart;
import ai.pace42.coach.fitness.FitnessDay;
import ai.pace42.coach.fitness.LoadStatus;
import ai.pace42.coach.fitness.NextRunAdvisor;
import ai.pace42.coach.fitness.NextSession;
import ai.pace42.coach.fitness.Recommendation;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import ai.pace42.coach.model.Readiness;

/** "What should I run tomorrow?": one concrete session from the guardrails, why, and one alternative. */
public final class NextRunReport {

    private NextRunReport() {
    }

    public static CoachAnswer answer(CoachContext ctx, boolean tomorrow) {
        Format f = ctx.format();
        LocalDate today = ctx.today();
        boolean ranToday = ctx.runs().stream().anyMatch(r -> ctx.history().dateOf(r).equals(today));
        LocalDate day = tomorrow || ranToday ? today.plusDays(1) : today;
        LoadStatus status = ctx.status();
        double form = formGoingInto(status, day);
        Optional<Readiness> readiness = Optional.empty();
        try {
            readiness = ctx.source().readiness(day).or(() -> ctx.source().readiness(today));
        } catch (RuntimeException e) {
            // Readiness is only a modifier: without it the guardrails still decide.
        }
        Recommendation rec = NextRunAdvisor.advise(ctx.history(), day, form, readiness);

        AnswerText t = new AnswerText();
        if (ctx.source().isSample()) {
            t.preface(ctx.samplePreface());
        }
        String when = day.equals(today) ? "Today" : day.equals(today.plusDays(1)) ? "Tomorrow" : f.day(day);
        t.observe("**" + when + " (" + f.day(day) + "): " + summary(rec, f) + ".**");
        for (String why : rec.reasons()) {
            t.observe("Why: " + why + ".");
        }
        if (rec.kind().quality()) {
            t.observe("Session: " + rec.workout() + ".");
        } else {
            t.observe("Next quality session no earlier than " + f.day(rec.earliestQuality()) + ".");
        }
        if (!Double.isNaN(form)) {
            FitnessDay last = status.today();
            t.observe(String.format(Locale.ROOT, "Form going into %s: %.0f (fitness %.0f and fatigue %.0f as of today)%s.", f.day(day), form,
                    last.fitness(), last.fatigue(), status.warmingUp() ? "; still warming up: less than 6 weeks of history" : ""));
        }
        t.observe("Alternative: " + rec.alternative() + ".");
        String readinessNote = readiness.map(r -> "Your watch's readiness (" + r.describe() + ") was taken into account as a modifier; how you feel still comes first. ")
                .orElse("No readiness or HRV data was synced, so this rests on your runs alone; if you feel run down, take the easier option. ");
        t.describe(readinessNote + "How this was chosen: pace42 checks, in order, a break of 14+ days, recovery after a race, form below −30, "
                + "hard days in a row, 48 hours since the last quality session and two quality sessions in the last 7 days; only then "
                + "does it add a long run (capped at 110% of your 30-day longest) or a quality session. Paces come from your VDOT "
                + ctx.thresholds().vdot().map(v -> Format.one(v.value()) + " (" + v.source().phrase() + ")").orElse("(unknown, so no pace targets)")
                + "; the HR ceiling is the top of Friel Z2 (89% of LTHR).");
        return new CoachAnswer(t.render(), List.of(WeeklyVolumeChart.render(status.weeks(), f)));
    }

    /** "rest or an easy run, 30–40 min at 5:08–5:53 /km, HR under 150 bpm". */
    public static String summary(Recommendation rec, Format f) {
        StringBuilder sb = new StringBuilder(rec.kind().label());
        if (!Double.isNaN(rec.maxDistanceM())) {
            sb.append(", up to ").append(f.distance(rec.maxDistanceM()));
        } else {
            sb.append(", ").append(rec.minMinutes()).append("–").append(rec.maxMinutes()).append(" min");
        }
        if (rec.kind().quality()) {
            sb.append(" with the work ").append(Wording.paceOrEffort(f, rec.fastSpeed(), rec.slowSpeed(),
                    rec.kind() == NextSession.TEMPO ? "a comfortably hard effort you could hold for an hour"
                            : "a hard effort you could hold for about 5 minutes"));
        } else if (rec.fastSpeed() > 0 && rec.slowSpeed() > 0) {
            sb.append(" ").append(Wording.paceOrEffort(f, rec.fastSpeed(), rec.slowSpeed(), "conversational effort"));
        }
        if (!Double.isNaN(rec.hrCeiling()) && !rec.kind().quality()) {
            sb.append(", HR under ").append(Format.bpm(rec.hrCeiling()));
        }
        return sb.toString();
    }

    static double formGoingInto(LoadStatus status, LocalDate day) {
        for (FitnessDay d : status.days()) {
            if (d.date().equals(day)) {
                return d.form();
            }
        }
        FitnessDay last = status.today();
        return last.fitness() - last.fatigue();
    }
}
