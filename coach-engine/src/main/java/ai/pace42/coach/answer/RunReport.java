package ai.pace42.coach.answer;

import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.analysis.RunAnalysis;
import ai.pace42.coach.analysis.SessionType;
import ai.pace42.coach.chart.RunChart;

import java.util.List;

/**
 * One run in the answer contract. The reply is concise ({@link RunSummary}: the session, two numbers, the next
 * step, at most 700 characters) with the run chart; its details hold the full report: 3–5 observations with
 * numbers ({@link RunObservations}), the four-line synthesis ({@link RunSynthesis}) and the full description
 * ({@link RunDescription}). Every part reads the same {@link RunAnalysis}, so they cannot disagree on a number.
 */
public final class RunReport {

    /** The last line of a concise reply; a client with another way to the details (a flag, a button) replaces it. */
    public static final String DETAILS_HINT = "Reply \"details\" for splits, zones and the full breakdown.";

    private final RunFacts facts;

    private RunReport(RunAnalysis r, CoachContext ctx) {
        this.facts = RunFacts.of(r, ctx);
    }

    /** The concise answer with the chart; the full report is its {@link CoachAnswer#details()}. */
    public static CoachAnswer answer(RunAnalysis r, CoachContext ctx, boolean withChart) {
        RunReport report = new RunReport(r, ctx);
        String full = report.text().render();
        List<ai.pace42.coach.ChartImage> charts = withChart ? List.of(RunChart.render(r, ctx.format())) : List.of();
        if (report.notAnalysable()) {
            return new CoachAnswer(full, charts);
        }
        String concise = new RunSummary(report.facts).text(new RunSynthesis(report.facts).cue());
        return new CoachAnswer(concise, charts).withDetails(full);
    }

    /** The full report as the answer's text (a "details" request), with the chart. */
    public static CoachAnswer detailed(RunAnalysis r, CoachContext ctx, boolean withChart) {
        return new CoachAnswer(textOnly(r, ctx), withChart ? List.of(RunChart.render(r, ctx.format())) : List.of());
    }

    /** The full report's text. */
    public static String textOnly(RunAnalysis r, CoachContext ctx) {
        return new RunReport(r, ctx).text().render();
    }

    AnswerText text() {
        RunAnalysis r = facts.run();
        CoachContext ctx = facts.ctx();
        AnswerText t = new AnswerText();
        if (ctx.source() != null && ctx.source().isSample()) {
            t.preface(ctx.samplePreface());
        }
        if (notAnalysable()) {
            // Nothing below (zones, splits, a next-session cue) means anything for it: say what it is and why.
            t.observe("**" + capitalise(r.classification().reason()) + ".**");
            t.describe(switch (r.type()) {
                case TOO_SHORT -> "Upload or sync a run of at least 5 minutes and 500 m for a full analysis.";
                case OTHER_SPORT -> "pace42 analyses runs; send a run's FIT, TCX or GPX file for a full analysis.";
                default -> "A recording with distance or pace (GPS, a foot pod or a treadmill) would let me analyse it.";
            });
            return t;
        }
        new RunObservations(facts).addTo(t, headline());
        new RunSynthesis(facts).addTo(t);
        t.describe(ThresholdSources.sentence(ctx.thresholds(), ctx) + new RunDescription(facts).text());
        return t;
    }

    /** Too short, not a run, or without distance: a type and its reason are all there is to say. */
    private boolean notAnalysable() {
        RunAnalysis r = facts.run();
        return r.type() == SessionType.TOO_SHORT || r.type() == SessionType.OTHER_SPORT
                || (r.type() == SessionType.UNKNOWN && !(r.distanceM() > 0));
    }

    private String headline() {
        RunAnalysis r = facts.run();
        Format f = facts.ctx().format();
        StringBuilder sb = new StringBuilder("**").append(capitalise(r.type().label())).append("** (")
                .append(Format.pct(r.classification().confidence())).append(" confidence): ")
                .append(r.classification().reason()).append("; ");
        sb.append(f.distance(r.distanceM())).append(" in ").append(Format.clock(r.movingS()));
        r.averageSpeed().toOptional().ifPresent(v -> sb.append(" at ").append(f.pace(v)));
        r.averageHr().toOptional().ifPresent(h -> sb.append(", average ").append(Format.bpm(h)));
        return sb.append('.').toString();
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
