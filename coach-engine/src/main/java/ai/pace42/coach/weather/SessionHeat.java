package ai.pace42.coach.weather;

import ai.pace42.coach.UnitSystem;
import ai.pace42.coach.answer.Format;
import ai.pace42.coach.plan.PlannedSession;
import ai.pace42.coach.plan.SessionKind;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Heat-adjusted targets for plan sessions: when the runner has a home location and the forecast covers a session's
 * day, its target pace is slowed by Hadley's band ({@link HeatEffect#adjust}) for the day's best daylight window, as
 * the next-run advice does. Without a home, a forecast for the day or a dew point the sessions stay as planned and
 * nothing is said. Repetitions take half of the slow-down (short, with full recoveries).
 */
public final class SessionHeat {

    private static final Logger LOG = Logger.getLogger(SessionHeat.class.getName());
    static final int FORECAST_DAYS = 7;

    private final WeatherProvider weather;
    private final HomeLocations homes;

    public SessionHeat(WeatherProvider weather, HomeLocations homes) {
        this.weather = weather;
        this.homes = homes;
    }

    /** One line per session whose target heat slows, in date order; empty when nothing is adjusted. */
    public List<String> notes(String accountId, List<PlannedSession> sessions, Instant now, UnitSystem units, Format f) {
        Optional<Place> home = homes.home(accountId);
        List<PlannedSession> paced = sessions.stream().filter(s -> s.fastMps() > 0 && s.kind() != SessionKind.RACE).toList();
        if (home.isEmpty() || paced.isEmpty()) {
            return List.of();
        }
        Forecast forecast;
        try {
            forecast = weather.forecast(home.get().latitude(), home.get().longitude(), FORECAST_DAYS);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "no forecast for plan sessions: {0}", e.getClass().getSimpleName());
            return List.of();
        }
        Map<LocalDate, Optional<HeatEffect>> byDay = new TreeMap<>();
        List<String> out = new ArrayList<>();
        for (PlannedSession s : paced) {
            Optional<HeatEffect> e = byDay.computeIfAbsent(s.date(), d -> effect(forecast, home.get(), d, now, units));
            e.filter(HeatEffect::slowsDown).ifPresent(x -> out.add(note(s, x, f)));
        }
        return out;
    }

    /** The heat of the day's best daylight window, when the forecast covers that day and has a dew point. */
    static Optional<HeatEffect> effect(Forecast f, Place place, LocalDate day, Instant now, UnitSystem units) {
        long offset = ChronoUnit.DAYS.between(now.atZone(place.zone()).toLocalDate(), day);
        if (offset < 0 || offset >= FORECAST_DAYS) {
            return Optional.empty();
        }
        WeatherQuestion q = new WeatherQuestion(WeatherQuestion.Kind.BEST_TIME, Optional.empty(), (int) offset, offset == 0,
                false, false, WeatherQuestion.Part.DAY);
        WeatherQuestion.Period period = q.period(now, place.zone());
        if (!period.from().atZone(place.zone()).toLocalDate().equals(day)) {
            return Optional.empty(); // today's daylight is over: the session's day has no window left
        }
        WeatherFormat wf = new WeatherFormat(units, place.zone());
        List<HourScore> scored = f.between(period.from(), period.to()).stream().map(h -> ConditionsScorer.score(h, wf)).toList();
        return BestWindow.find(scored).map(b -> b.worse().hour())
                .filter(h -> !Double.isNaN(h.temperatureC()) && !Double.isNaN(h.dewPointC()))
                .map(h -> HeatEffect.of(h.temperatureC(), h.dewPointC()));
    }

    /** "Tue 8 Dec threshold run: heat-adjusted 4:21–4:31 /km (+8–11 s/km for 27 °C, dew point 21 °C: 3–4.5% slower …)". */
    static String note(PlannedSession s, HeatEffect heat, Format f) {
        HeatEffect e = s.kind() == SessionKind.REPETITIONS
                ? new HeatEffect(heat.temperatureC(), heat.dewPointC(), heat.sumF(), heat.minPct() / 2, heat.maxPct() / 2) : heat;
        double fast = f.unitMetres() / s.fastMps(), slow = f.unitMetres() / s.slowMps();
        double[] fastAdj = e.adjust(fast), slowAdj = e.adjust(slow);
        long plusLow = Math.round(fastAdj[0] - fast), plusHigh = Math.round(fastAdj[1] - fast);
        String unit = f.units().distanceUnit();
        WeatherFormat wf = new WeatherFormat(f.units(), f.zone());
        StringBuilder sb = new StringBuilder(f.day(s.date())).append(' ').append(s.kind().label()).append(": heat-adjusted ")
                .append(Format.clock(fastAdj[0])).append('–').append(Format.clock(slowAdj[1])).append(" /").append(unit)
                .append(" (+").append(plusLow == plusHigh ? String.valueOf(plusHigh) : plusLow + "–" + plusHigh).append(" s/").append(unit)
                .append(" for ").append(wf.temperature(heat.temperatureC())).append(", dew point ").append(wf.temperature(heat.dewPointC()))
                .append(": ").append(e.range()).append(" slower by Hadley's heat bands")
                .append(s.kind() == SessionKind.REPETITIONS ? ", half for repetitions" : "").append(')');
        if (heat.noHardRunning() && s.kind().quality()) {
            sb.append(". Too hot and humid for hard running: make it an easy run, or run indoors");
        }
        return sb.append('.').toString();
    }
}
