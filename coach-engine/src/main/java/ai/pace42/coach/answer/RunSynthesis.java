package ai.pace42.coach.answer;

import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.analysis.Decoupling;
import ai.pace42.coach.analysis.Elevation;
import ai.pace42.coach.analysis.Intervals;
import ai.pace42.coach.analysis.LoadMethod;
import ai.pace42.coach.analysis.Pacing;
import ai.pace42.coach.analysis.QualityFlag;
import ai.pace42.coach.analysis.Rep;
import ai.pace42.coach.analysis.RunAnalysis;
import ai.pace42.coach.analysis.SessionFinding;
import ai.pace42.coach.analysis.SessionType;
import ai.pace42.coach.analysis.Split;
import ai.pace42.coach.analysis.Thresholds;
import ai.pace42.coach.analysis.TrainingPaces;
import ai.pace42.coach.analysis.Vdot;
import ai.pace42.coach.chart.RunChart;
import ai.pace42.coach.fitness.NextRunAdvisor;
import ai.pace42.coach.fitness.Recommendation;
import ai.pace42.coach.fitness.SpikeCheck;
import ai.pace42.coach.fitness.SpikeLevel;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The four-line synthesis of one run: what it was, what limited it, the lever that would help and the next
 * execution cue, all from the same analysis as the observations.
 */
final class RunSynthesis extends RunPart {

    private final RunObservations observations;

    RunSynthesis(RunFacts facts) {
        super(facts);
        this.observations = new RunObservations(facts);
    }

    void addTo(AnswerText t) {
        t.synthesis("Session diagnosis", diagnosis());
        Limiter limiter = limiter();
        t.synthesis("Primary limiter", limiter.text);
        t.synthesis("Performance lever", lever(limiter));
        t.synthesis("Next execution cue", cue());
    }

    private enum Kind { DATA, MISMATCH, PACING, HEAT, DRIFT, SPIKE, REP_FADE, NONE }

    private record Limiter(Kind kind, String text) {
    }

    private String diagnosis() {
        return RunReport.capitalise(r.type().label()) + " (" + Format.pct(r.classification().confidence()) + " confidence): "
                + r.classification().reason() + ".";
    }

    private Limiter limiter() {
        if (r.quality().has(QualityFlag.HR_LOCKED_TO_CADENCE) || (!r.quality().hrReliable() && r.type() != SessionType.UNKNOWN)) {
            return new Limiter(Kind.DATA, "Data quality: heart rate was not usable, so effort can only be judged from pace.");
        }
        if (r.has(SessionFinding.INTENSITY_MISMATCH)) {
            return new Limiter(Kind.MISMATCH, "Intensity control: " + r.averageHr().toOptional().map(h -> Format.bpm(h) + " average").orElse("a hard effort")
                    + " on a day meant to be easy.");
        }
        if ((r.type() == SessionType.RACE || r.type() == SessionType.TEMPO) && r.pacing().isKnown() && r.pacing().get().splitRatio() > 1.05) {
            return new Limiter(Kind.PACING, "Pacing: the first half was too fast (second half "
                    + Format.whole((r.pacing().get().splitRatio() - 1) * 100) + "% slower).");
        }
        Optional<Decoupling> dec = r.decoupling().toOptional().filter(d -> d.percent() >= 5);
        if (dec.isPresent() && r.quality().has(QualityFlag.HOT)) {
            return new Limiter(Kind.HEAT, "Thermal load: at " + Format.whole(r.temperatureC().getAsDouble()) + " °C heart rate rose "
                    + Format.whole(dec.get().hrSecondHalf() - dec.get().hrFirstHalf()) + " bpm at the same pace.");
        }
        if (dec.isPresent()) {
            return new Limiter(Kind.DRIFT, "Aerobic durability at this duration: heart rate drifted " + Format.one(dec.get().percent()) + "% against pace.");
        }
        if (spike.level() == SpikeLevel.MODERATE || spike.level() == SpikeLevel.LARGE) {
            return new Limiter(Kind.SPIKE, "Load jump: " + Format.whole(spike.increasePct()) + "% longer than your 30-day longest run.");
        }
        if (r.type() == SessionType.INTERVALS && r.intervals().isKnown() && r.intervals().get().lastVsFirstPct() > 3) {
            return new Limiter(Kind.REP_FADE, "Fatigue across reps: the last rep was " + Format.one(r.intervals().get().lastVsFirstPct()) + "% slower than the first.");
        }
        return new Limiter(Kind.NONE, "None evident: the numbers match what this " + r.type().label() + " was for.");
    }

    private String lever(Limiter l) {
        return switch (l.kind()) {
            case DATA -> "Wear a chest strap for key sessions, so heart-rate load, zones and drift can be trusted again.";
            case MISMATCH -> "Keep easy days easy (" + easyLimit() + "), so the quality days can be quality.";
            case PACING -> "Start at the even pace this fitness supports (" + f.pace(r.distanceM() / r.movingS()) + ") and hold it to halfway before pushing.";
            case HEAT -> "Run long runs in cooler hours and practise drinking and fuelling every 30–40 minutes.";
            case DRIFT -> "Build long-run duration gradually at easy effort and fuel from the first hour.";
            case SPIKE -> "Grow the long run by at most 10% over your previous longest.";
            case REP_FADE -> "Start the first reps slightly slower so the last one matches them.";
            case NONE -> switch (r.type()) {
                case INTERVALS -> "Keep the reps at this pace; add a rep only once all reps stay within 2% of each other.";
                case LONG -> "Keep the long run at easy effort and extend it by at most 10% at a time.";
                case EASY, RECOVERY -> "Keep easy days at this effort: that is what lets the key sessions work.";
                default -> "Repeat this kind of session with the same control.";
            };
        };
    }

    String cue() {
        if (spike.level() == SpikeLevel.MODERATE || spike.level() == SpikeLevel.LARGE) {
            return "Keep the next 2 runs easy and watch for any pain over the next 24–48 hours.";
        }
        if (r.type() == SessionType.RACE) {
            return "Easy running only for the next " + (int) Math.max(3, Math.round(r.distanceM() / 1000 / 3)) + " days; no hard workout before then.";
        }
        boolean latest = ctx.history().latest().map(l -> l == r).orElse(false);
        if (!latest) {
            return "Next " + r.type().label() + ": " + nextTimeCue() + ".";
        }
        LocalDate afterRun = ctx.history().dateOf(r).plusDays(1);
        LocalDate next = afterRun.isBefore(ctx.today()) ? ctx.today() : afterRun;
        Recommendation rec = NextRunAdvisor.advise(ctx.history(), next, formGoingInto(next));
        return RunReport.capitalise(f.day(next)) + ": " + NextRunReport.summary(rec, f) + ".";
    }

    /** A cue for the next session of the same kind, for runs that are not the latest. */
    private String nextTimeCue() {
        var paces = th.paces();
        return switch (r.type()) {
            case INTERVALS -> paces.map(p -> "reps at " + f.pace(p.intervalSpeed()) + ", all within 2% of each other").orElse("reps at an even effort");
            case TEMPO, PROGRESSION -> paces.map(p -> "hold threshold pace, about " + f.pace(p.thresholdSpeed())).orElse("hold a comfortably hard, even effort");
            case RACE -> "start at an even " + f.pace(r.distanceM() / r.movingS()) + " and hold it to halfway";
            case LONG -> "stay at easy effort (" + easyLimit() + ") and fuel from the first hour";
            default -> easyLimit();
        };
    }

    private double formGoingInto(LocalDate day) {
        var days = ctx.status().days();
        for (var d : days) {
            if (d.date().equals(day)) {
                return d.form();
            }
        }
        return days.isEmpty() ? Double.NaN : days.get(days.size() - 1).fitness() - days.get(days.size() - 1).fatigue();
    }

    private String easyLimit() {
        return observations.easyLimit();
    }
}
