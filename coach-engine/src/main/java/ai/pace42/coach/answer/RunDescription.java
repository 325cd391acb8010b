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

/** The full description of one run: date, totals, heart rate, cadence, climb, weather, load, splits and laps. */
final class RunDescription extends RunPart {

    RunDescription(RunFacts facts) {
        super(facts);
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(r.activity().start().map(f::dayTime).orElse("Unknown date")).append(": ");
        String name = r.activity().name().isBlank() ? "" : "\"" + r.activity().name() + "\", ";
        sb.append(name).append(r.type().label()).append(", ").append(f.distance(r.distanceM())).append(" in ")
                .append(Format.clock(r.movingS())).append(" moving");
        r.averageSpeed().toOptional().ifPresent(v -> sb.append(" (").append(f.pace(v)).append(")"));
        sb.append(". ");
        if (r.averageHr().isKnown()) {
            sb.append("Heart rate averaged ").append(Format.bpm(r.averageHr().get()));
            r.maxHr().toOptional().ifPresent(m -> sb.append(", max ").append(Format.bpm(m)));
            sb.append(". ");
        } else {
            sb.append("Heart rate: unknown (").append(r.averageHr().reason()).append("). ");
        }
        DeviceZonesText.sentence(r.activity().summary().hrZones()).ifPresent(z -> sb.append(z).append(' '));
        r.cadence().toOptional().ifPresent(c -> sb.append("Cadence ").append(Math.round(c)).append(" spm")
                .append(cadenceBaseline().map(b -> " (your usual at a similar pace: " + Math.round(b) + " spm)").orElse("")).append(". "));
        r.elevation().toOptional().ifPresent(e -> sb.append("Climb ").append(Format.whole(e.ascentM())).append(" m, grade-adjusted pace ")
                .append(f.pace(e.gradeAdjustedSpeed())).append(". "));
        r.temperatureC().ifPresent(c -> sb.append("It was ").append(Format.whole(c)).append(" °C")
                .append(r.activity().summary().conditions().map(w -> ", " + w).orElse("")).append(". "));
        sb.append(r.load().method() == LoadMethod.NONE ? r.load().note() + ". "
                : "Load " + Format.whole(r.load().value()) + ": " + r.load().method().description()
                + (r.load().note().isBlank() ? "" : "; " + r.load().note()) + ". ");
        if (!r.decoupling().isKnown()) {
            sb.append("Decoupling not computed: ").append(r.decoupling().reason()).append(". ");
        }
        r.pacing().toOptional().ifPresent(p -> sb.append(splits(p)));
        sb.append(laps());
        List<String> notes = r.quality().flags().stream().filter(fl -> fl != QualityFlag.HOT)
                .map(QualityFlag::explanation).sorted().collect(Collectors.toList());
        if (!notes.isEmpty()) {
            sb.append(" Data notes: ").append(String.join("; ", notes)).append('.');
        }
        return sb.toString().strip();
    }

    /**
     * Median cadence of the runner's other runs of the last 60 days at a pace within 5% of this one: cadence rises
     * with speed, so only a like-for-like baseline means anything.
     */
    private Optional<Double> cadenceBaseline() {
        if (!r.averageSpeed().isKnown()) {
            return Optional.empty();
        }
        double v = r.averageSpeed().get();
        var start = ctx.history().startOf(r);
        double[] c = ctx.history().between(start.minus(Duration.ofDays(60)), start).stream()
                .filter(x -> x.cadence().isKnown() && x.averageSpeed().isKnown() && Math.abs(x.averageSpeed().get() / v - 1) <= 0.05)
                .mapToDouble(x -> x.cadence().get()).sorted().toArray();
        return c.length >= 3 ? Optional.of(c[c.length / 2]) : Optional.empty();
    }

    private String splits(Pacing p) {
        List<Split> full = p.splits();
        if (full.isEmpty() || full.size() > 50) {
            return "";
        }
        String list = full.stream().map(s -> (s.partial() ? "last " + f.distance(s.distanceM()) + " " : "")
                + f.paceValue(s.speed())).collect(Collectors.joining(", "));
        return "Splits per " + f.units().distanceUnit() + ": " + list + ".";
    }

    /** The watch's laps, when it recorded more than one: their count, and whether the splits above are them. */
    private String laps() {
        int n = r.activity().laps().size();
        if (n < 2) {
            return "";
        }
        boolean fromLaps = r.pacing().toOptional().filter(Pacing::fromDeviceLaps).isPresent();
        return " " + n + " laps recorded by the watch" + (fromLaps ? " (the splits above are its laps)." : ".");
    }
}
