package ai.pace42.coach.weather;

import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.UnitSystem;
import ai.pace42.coach.answer.Format;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds the forecast to a next-run answer: the best daylight window of the advised day and, when heat slows the
 * runner, the advised target pace adjusted by Hadley's band ("+9–14 s/km for 27 °C, dew point 21 °C").
 */
public final class HeatTargets {

    /** The advice's first target pace: "5:08–5:53 /km" or "5:30 /mi". */
    private static final Pattern PACE = Pattern.compile("(\\d{1,2}):(\\d{2})(?:–(\\d{1,2}):(\\d{2}))? /(km|mi)");

    private HeatTargets() {
    }

    /** @param dayOffset 0 for today, 1 for tomorrow (in the place's zone) */
    public static CoachAnswer append(CoachAnswer advice, Forecast f, Place place, int dayOffset, Instant now,
                                     UnitSystem units, ZoneId runnerZone) {
        WeatherQuestion day = new WeatherQuestion(WeatherQuestion.Kind.BEST_TIME, Optional.empty(), dayOffset,
                dayOffset == 0, false, false, WeatherQuestion.Part.DAY);
        WeatherQuestion.Period period = day.period(now, place.zone());
        WeatherFormat wf = new WeatherFormat(units, runnerZone);
        List<HourScore> scored = f.between(period.from(), period.to()).stream().map(h -> ConditionsScorer.score(h, wf)).toList();
        Optional<BestWindow> best = BestWindow.find(scored);
        if (best.isEmpty()) {
            return advice;
        }
        return new CoachAnswer(advice.text().stripTrailing() + "\n\n" + note(advice.text(), best.get(), place, wf, period),
                advice.charts());
    }

    static String note(String advice, BestWindow best, Place place, WeatherFormat wf, WeatherQuestion.Period period) {
        HourlyWeather h = best.worse().hour();
        StringBuilder sb = new StringBuilder("**Weather " + period.name() + " in " + place.label() + "**: best window "
                + WeatherReport.span(best, wf, place) + ", " + wf.temperature(h.temperatureC()));
        if (!Double.isNaN(h.dewPointC())) {
            sb.append(", dew point ").append(wf.temperature(h.dewPointC()));
        }
        sb.append(" (score ").append(best.score()).append("/100, ").append(best.worse().status().label()).append("). ");
        if (Double.isNaN(h.temperatureC()) || Double.isNaN(h.dewPointC())) {
            return sb.append("No heat adjustment: the forecast has no dew point for it.").toString();
        }
        HeatEffect e = HeatEffect.of(h.temperatureC(), h.dewPointC());
        String why = " for " + wf.temperature(h.temperatureC()) + ", dew point " + wf.temperature(h.dewPointC());
        if (!e.slowsDown()) {
            return sb.append("No heat adjustment needed: temperature plus dew point is ").append(e.sumF())
                    .append(" °F.").toString();
        }
        Matcher m = PACE.matcher(advice);
        if (!m.find()) {
            return sb.append("Heat: expect to be ").append(e.range()).append(" slower at the same effort").append(why)
                    .append("; run by effort.").toString();
        }
        double fast = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
        double slow = m.group(3) == null ? fast : Integer.parseInt(m.group(3)) * 60 + Integer.parseInt(m.group(4));
        double[] fastAdj = e.adjust(fast);
        double[] slowAdj = e.adjust(slow);
        long plusLow = Math.round(fastAdj[0] - fast);
        long plusHigh = Math.round(fastAdj[1] - fast);
        String unit = " /" + m.group(5);
        sb.append("Heat-adjusted target: ").append(Format.clock(fastAdj[0]));
        sb.append(m.group(3) == null && plusLow == plusHigh ? "" : "–" + Format.clock(slowAdj[1]));
        sb.append(unit).append(" (+").append(plusLow == plusHigh ? String.valueOf(plusHigh) : plusLow + "–" + plusHigh)
                .append(" s/").append(m.group(5)).append(why).append(": ").append(e.range())
                .append(" slower by Hadley's heat bands).");
        if (e.noHardRunning()) {
            sb.append(" Too hot and humid for hard running: make it easy, or run indoors.");
        }
        return sb.toString();
    }
}
