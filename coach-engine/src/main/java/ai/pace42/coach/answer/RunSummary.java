package ai.pace42.coach.answer;

import ai.pace42.coach.analysis.Decoupling;
import ai.pace42.coach.analysis.Intervals;
import ai.pace42.coach.analysis.QualityFlag;
import ai.pace42.coach.analysis.RunAnalysis;
import ai.pace42.coach.analysis.SessionType;
import ai.pace42.coach.analysis.Thresholds;
import ai.pace42.coach.analysis.Vdot;
import ai.pace42.coach.fitness.SpikeCheck;
import ai.pace42.coach.fitness.SpikeLevel;
import ai.pace42.coach.fitness.ThresholdResolver;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The first reply about a run, sized for a phone screen: at most {@link #MAX_CHARS} characters, markup included,
 * which leaves {@link #NOTE_ROOM} for a note a caller puts around it (an old history, how a file was read) within 700:
 * what the session was and why, the two numbers that matter most for its type, and the next step. The full
 * breakdown is the answer's details. Shorter pieces give way first: the second number, then the first, then the
 * reason's later clauses; the session, its totals and the next step always stay.
 */
final class RunSummary extends RunPart {

    static final int NOTE_ROOM = 140;
    static final int MAX_CHARS = 700 - NOTE_ROOM;
    static final String DETAILS_HINT = RunReport.DETAILS_HINT;

    RunSummary(RunFacts facts) {
        super(facts);
    }

    /** @param next the next-step sentence of the synthesis (the same one the details show) */
    String text(String next) {
        String preface = ctx.source() != null && ctx.source().isSample() ? ctx.samplePreface() : "";
        String reason = RunReport.capitalise(r.classification().reason());
        List<String> facts = facts();
        String text = compose(preface, reason, facts, next);
        if (text.length() > MAX_CHARS) {
            reason = firstClause(reason);
            text = compose(preface, reason, facts, next);
        }
        while (text.length() > MAX_CHARS && !facts.isEmpty()) {
            facts.remove(facts.size() - 1);
            text = compose(preface, reason, facts, next);
        }
        return text.length() <= MAX_CHARS ? text : cut(text);
    }

    private String compose(String preface, String reason, List<String> facts, String next) {
        StringBuilder sb = new StringBuilder();
        if (!preface.isEmpty()) {
            sb.append(preface).append("\n\n");
        }
        sb.append(headline()).append('\n').append(reason).append(".\n");
        for (String fact : facts) {
            sb.append("- ").append(fact).append('\n');
        }
        return sb.append("**Next:** ").append(next).append('\n').append(DETAILS_HINT).toString();
    }

    /** "**Steady run**, Tue 24 Nov (60% confidence): 10.0 km in 52:10 at 5:13 /km, average 151 bpm." */
    private String headline() {
        StringBuilder sb = new StringBuilder("**").append(RunReport.capitalise(r.type().label())).append("**");
        r.activity().start().ifPresent(t -> sb.append(", ").append(f.day(t))
                .append(t.getYear() == ctx.today().getYear() ? "" : " " + t.getYear()));
        sb.append(" (")
                .append(Format.pct(r.classification().confidence())).append(" confidence): ")
                .append(f.distance(r.distanceM())).append(" in ").append(Format.clock(r.movingS()));
        r.averageSpeed().toOptional().ifPresent(v -> sb.append(" at ").append(f.pace(v)));
        r.averageHr().toOptional().ifPresent(h -> sb.append(", average ").append(Format.bpm(h)));
        return sb.append('.').toString();
    }

    /** The numbers that matter for this session, most important first (at most two). */
    private List<String> facts() {
        List<String> out = new ArrayList<>();
        if (spike.level() == SpikeLevel.MODERATE || spike.level() == SpikeLevel.LARGE) {
            out.add(Format.whole(spike.increasePct()) + "% longer than anything in the previous 30 days ("
                    + f.distance(spike.distanceM()) + " vs " + f.distance(spike.longest30dM()) + ").");
        }
        if (r.quality().has(QualityFlag.HR_LOCKED_TO_CADENCE)) {
            out.add("Heart rate tracked your cadence (a wrist-sensor artefact), so effort is judged by pace.");
        }
        switch (r.type()) {
            case INTERVALS -> r.intervals().toOptional().ifPresent(i -> out.add(reps(i)));
            case RACE -> race(out);
            case TEMPO, PROGRESSION -> r.hrZones().toOptional().ifPresent(z -> out.add(Format.pct(z.share(2, 3))
                    + " of the time in Friel Z3–Z4, the zone a threshold session targets."));
            default -> {
                unknownEffort(out);
                steady(out);
            }
        }
        unknownEffort(out);
        return new ArrayList<>(out.subList(0, Math.min(2, out.size())));
    }

    private String reps(Intervals i) {
        return i.reps().size() + " reps averaging " + f.pace(i.meanRepSpeed()) + " (" + (i.fromLaps() ? "from the work laps"
                : "found in the pace trace") + "); rep-pace variation " + Format.one(i.repPaceCv() * 100) + "%, the last rep "
                + Format.one(Math.abs(i.lastVsFirstPct())) + "% " + (i.lastVsFirstPct() >= 0 ? "slower" : "faster") + " than the first.";
    }

    private void race(List<String> out) {
        r.pacing().toOptional().ifPresent(p -> out.add("Split ratio " + String.format(Locale.ROOT, "%.3f", p.splitRatio())
                + " (" + Format.clock(p.firstHalfS()) + " then " + Format.clock(p.secondHalfS()) + ")."));
        double vdot = Vdot.of(r.distanceM(), r.movingS());
        if (!Double.isNaN(vdot)) {
            out.add("This result gives a VDOT of " + Format.one(vdot) + ".");
        }
    }

    private void steady(List<String> out) {
        r.decoupling().toOptional().ifPresent((Decoupling d) -> out.add(d.percent() < 5
                ? "Decoupling " + one(d.percent()) + "%: under the 5% guide, so your aerobic base holds at this duration."
                : "Heart rate drifted " + one(d.percent()) + "% against pace (" + Format.bpm(d.hrFirstHalf()) + " → "
                        + Format.bpm(d.hrSecondHalf()) + " between halves), beyond the 5% guide."));
        r.hrZones().toOptional().ifPresent(z -> th.easyCeilingHr().ifPresent(c -> out.add(Format.pct(z.share(0, 1))
                + " of the time in Friel Z1–Z2, under " + Format.bpm(c) + ThresholdSources.easyCeiling(th, ctx)
                .map(s -> " (" + s + ")").orElse("") + ".")));
        r.elevation().toOptional().filter(e -> e.gainPerKm() >= RunObservations.HILLY_GAIN_PER_KM).ifPresent(e -> out.add(
                "Hilly: " + Format.whole(e.ascentM()) + " m of climbing, grade-adjusted pace " + f.pace(e.gradeAdjustedSpeed()) + "."));
    }

    /** Without a profile or enough runs the effort is unknown: say so once, and how to unlock it. */
    private void unknownEffort(List<String> out) {
        if (th.maxHr().isPresent() || th.lthr().isPresent() || th.vdot().isPresent() || out.stream().anyMatch(s -> s.startsWith(UNKNOWN))) {
            return;
        }
        String peak = r.maxHr().toOptional().map(m -> "; its highest HR, " + Format.bpm(m) + ", is only a lower bound of your maximum").orElse("");
        out.add(UNKNOWN + "no max HR or threshold from you, under " + ThresholdResolver.MIN_RUNS_FOR_ESTIMATES
                + " runs over 4 weeks" + peak + ". Set /profile max-hr to unlock zones.");
    }

    private static final String UNKNOWN = "Effort unknown: ";

    /** One decimal, without a "-0.0" for a value that rounds to zero. */
    private static String one(double v) {
        return Format.one(Math.abs(v) < 0.05 ? 0 : v);
    }

    private static String firstClause(String reason) {
        int semi = reason.indexOf("; ");
        return semi > 0 ? reason.substring(0, semi) : reason;
    }

    /** Last resort for an unusually long preface or reason: cut at a word, keep the hint. */
    private static String cut(String text) {
        int room = MAX_CHARS - DETAILS_HINT.length() - 2;
        String head = text.substring(0, room);
        int space = head.lastIndexOf(' ');
        return (space > 0 ? head.substring(0, space) : head) + "…\n" + DETAILS_HINT;
    }
}
