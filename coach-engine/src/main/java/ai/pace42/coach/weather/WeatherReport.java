package ai.pace42.coach.weather;

import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.UnitSystem;
import ai.pace42.coach.answer.AnswerText;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The answer to a weather question: the hours that matter, the conditions score and its factors, the chart. */
public final class WeatherReport {

    static final String CREDIT = "Weather data by Open-Meteo.com (CC BY 4.0).";

    private WeatherReport() {
    }

    /**
     * @param runnerZone the zone the runner reads times in; the period itself is meant in the place's zone
     */
    public static CoachAnswer answer(WeatherQuestion wq, Place place, Forecast forecast, Instant now,
                                     UnitSystem units, ZoneId runnerZone) {
        return answer(wq, place, forecast, Optional.of(List.of()), now, units, runnerZone);
    }

    /**
     * @param air the air-quality hours, or empty when that service failed (the answer says so and goes on)
     */
    public static CoachAnswer answer(WeatherQuestion wq, Place place, Forecast forecast,
                                     Optional<List<AirQuality>> air, Instant now, UnitSystem units, ZoneId runnerZone) {
        WeatherQuestion.Period period = wq.period(now, place.zone());
        WeatherFormat wf = new WeatherFormat(units, runnerZone);
        Map<Instant, AirQuality> airByHour = new HashMap<>();
        air.orElse(List.of()).forEach(a -> airByHour.put(a.time(), a));
        List<HourScore> scored = forecast.between(period.from(), period.to()).stream()
                .map(h -> ConditionsScorer.score(h, airByHour.get(h.time()), wf)).toList();
        if (scored.isEmpty()) {
            return CoachAnswer.text("The forecast for " + place.label() + " does not reach " + period.name()
                    + " yet: I can see about a week ahead. Ask again closer to the day.");
        }
        Optional<BestWindow> best = BestWindow.find(scored);
        HourScore worst = scored.stream().min(Comparator.comparingInt(HourScore::score)).orElseThrow();
        HourScore first = scored.get(0);
        AnswerText t = new AnswerText();
        String where = " in " + place.label();
        switch (wq.kind()) {
            case RAIN -> t.observe(rainHeadline(scored, period, where, wf));
            case BEST_TIME -> t.observe(best.map(b -> "**Best time to run " + period.name() + where + ": "
                    + span(b, wf, place) + "** (score " + b.score() + "/100, " + b.worse().status().label() + ").")
                    .orElse("**" + capitalise(period.name()) + where + "**: no two consecutive hours in the forecast."));
            case HEAT_OR_COLD -> t.observe(heatHeadline(first, period, where, wf));
            case WEAR -> {
                HourScore basis = best.map(BestWindow::worse).orElse(first);
                t.observe("**What to wear " + (wq.now() || period.name().startsWith("the next") ? "now" : period.name())
                        + where + "** (" + wf.temperature(basis.hour().temperatureC()) + feelsLike(basis.hour(), wf)
                        + " at " + wf.time(basis.hour().time()) + "): " + String.join("; ", WearAdvice.items(basis.hour())) + ".");
            }
            case FORECAST -> t.observe("**" + capitalise(period.name()) + where + ": " + range(scored, wf) + ".**");
        }
        t.observe("Conditions score " + worst.score() + "/100 at worst (" + worst.status().label() + ", "
                + wf.time(worst.hour().time()) + ")" + worst.limiting().filter(f -> f.status() != Status.OK)
                .map(f -> ": " + f.detail()).orElse(": nothing limiting") + ".");
        if (wq.kind() != WeatherQuestion.Kind.BEST_TIME) {
            best.ifPresent(b -> t.observe("Best window: " + span(b, wf, place) + " (score " + b.score() + "/100"
                    + b.worse().limiting().filter(f -> f.status() != Status.OK).map(f -> "; " + f.detail()).orElse("")
                    + ")" + (b.daylight() ? "" : ", in the dark") + "."));
        } else {
            best.ifPresent(b -> t.observe("Why: " + b.worse().limiting().map(Factor::detail).orElse("nothing limiting")
                    + (b.daylight() ? "" : "; there is no daylight window, so wear a light") + "."));
        }
        heatNote(best.map(BestWindow::worse).orElse(first)).ifPresent(t::observe);
        concerns(scored, worst).ifPresent(t::observe);
        airLine(scored, air.isPresent(), wf).ifPresent(t::observe);
        t.describe("How this is scored: every hour takes the score of its worst factor (heat from temperature plus dew point "
                + "after Hadley's bands, thunder, freezing rain, wind chill, gusts, rain, UV, air quality by the European "
                + "and US AQI bands); the best window is the two "
                + "daylight hours with the highest such score. Times are " + zoneNote(place, runnerZone) + ". " + CREDIT);
        return new CoachAnswer(t.render(), List.of(ForecastChart.render(scored, best, units, runnerZone)));
    }

    /**
     * The air quality at its worst hour, with value and band; "unavailable" when the service failed; nothing when
     * the service answered without this period (an empty answer: no air-quality forecast was asked for).
     */
    static Optional<String> airLine(List<HourScore> scored, boolean answered, WeatherFormat wf) {
        if (!answered) {
            return Optional.of("Air quality unavailable right now.");
        }
        return scored.stream().flatMap(s -> s.factors().stream().filter(f -> f.name().equals(AirQualityFactor.NAME))
                        .map(f -> Map.entry(s, f)))
                .min(Comparator.comparingInt((Map.Entry<HourScore, Factor> e) -> e.getValue().score()))
                .map(e -> "Air quality at worst (" + wf.time(e.getKey().hour().time()) + "): " + e.getValue().detail() + ".");
    }

    private static String rainHeadline(List<HourScore> scored, WeatherQuestion.Period period, String where,
                                       WeatherFormat wf) {
        double maxProb = scored.stream().mapToDouble(s -> s.hour().precipitationProbPct()).filter(v -> !Double.isNaN(v))
                .max().orElse(Double.NaN);
        double total = scored.stream().mapToDouble(s -> s.hour().precipitationMm()).filter(v -> !Double.isNaN(v)).sum();
        List<HourScore> wet = scored.stream().filter(s -> s.hour().precipitationProbPct() >= 50).toList();
        String head = "**" + capitalise(period.name()) + where + ": ";
        if (Double.isNaN(maxProb)) {
            return head + "the forecast has no rain probability for these hours.** Expected rain: " + wf.rain(total) + ".";
        }
        if (wet.isEmpty()) {
            return head + (maxProb < 20 ? "dry" : "probably dry") + "** (rain chance at most " + Math.round(maxProb)
                    + "%, " + wf.rain(total) + " expected).";
        }
        return head + "rain likely** from " + wf.time(wet.get(0).hour().time()) + " to "
                + wf.time(wet.get(wet.size() - 1).hour().time().plusSeconds(3600)) + " (up to " + Math.round(maxProb)
                + "%, " + wf.rain(total) + " in total).";
    }

    private static String heatHeadline(HourScore h, WeatherQuestion.Period period, String where, WeatherFormat wf) {
        HourlyWeather w = h.hour();
        String verdict = switch (h.status()) {
            case OK, NOTE -> "fine for running";
            case WET -> "fine for running, but wet";
            case ADJUST -> "warm: run, but slow down";
            case CAUTION -> "run with caution";
            case INDOORS_OR_EASY -> "poor air: run indoors or easy";
            case NO_HARD_RUNNING -> "too hot for hard running: easy only, or indoors";
            case DONT_RUN -> "don't run outdoors";
        };
        return "**" + (period.name().startsWith("the next") ? "Now" : capitalise(period.name())) + where + ": "
                + verdict + "** (" + wf.temperature(w.temperatureC()) + feelsLike(w, wf)
                + (Double.isNaN(w.dewPointC()) ? "" : ", dew point " + wf.temperature(w.dewPointC())) + ", score "
                + h.score() + "/100).";
    }

    static Optional<String> heatNote(HourScore h) {
        if (Double.isNaN(h.hour().temperatureC()) || Double.isNaN(h.hour().dewPointC())) {
            return Optional.empty();
        }
        HeatEffect e = HeatEffect.of(h.hour().temperatureC(), h.hour().dewPointC());
        if (!e.slowsDown()) {
            return Optional.empty();
        }
        return Optional.of("Heat: temperature plus dew point is " + e.sumF() + " °F, so expect to be " + e.range()
                + " slower at the same effort (half that for short repeats); run by effort, not pace.");
    }

    private static Optional<String> concerns(List<HourScore> scored, HourScore worst) {
        List<String> names = scored.stream().flatMap(s -> s.concerns().stream()).map(Factor::name).distinct()
                .filter(n -> worst.limiting().map(f -> !f.name().equals(n) || f.status() == Status.OK).orElse(true))
                .toList();
        return names.isEmpty() ? Optional.empty() : Optional.of("Also watch: " + String.join(", ", names) + ".");
    }

    private static String range(List<HourScore> scored, WeatherFormat wf) {
        double lo = scored.stream().mapToDouble(s -> s.hour().temperatureC()).filter(v -> !Double.isNaN(v)).min().orElse(Double.NaN);
        double hi = scored.stream().mapToDouble(s -> s.hour().temperatureC()).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
        double rain = scored.stream().mapToDouble(s -> s.hour().precipitationProbPct()).filter(v -> !Double.isNaN(v)).max().orElse(0);
        double wind = scored.stream().mapToDouble(s -> s.hour().windKmh()).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
        return wf.temperature(lo) + " to " + wf.temperature(hi) + ", rain chance up to " + Math.round(rain)
                + "%, wind up to " + wf.speed(wind);
    }

    private static String feelsLike(HourlyWeather w, WeatherFormat wf) {
        return Double.isNaN(w.apparentC()) ? "" : ", feels like " + wf.temperature(w.apparentC());
    }

    /** "07:00–09:00", with the place's own clock too when it differs from the runner's. */
    static String span(BestWindow b, WeatherFormat wf, Place place) {
        String s = wf.time(b.start()) + "–" + wf.time(b.end());
        ZoneId here = place.zone();
        if (!here.getRules().getOffset(b.start()).equals(wf.zone().getRules().getOffset(b.start()))) {
            WeatherFormat local = new WeatherFormat(wf.units(), here);
            s += " your time (" + local.time(b.start()) + "–" + local.time(b.end()) + " local time there)";
        }
        return s;
    }

    private static String zoneNote(Place place, ZoneId runnerZone) {
        return place.zone().getId().equals(runnerZone.getId()) ? "in " + runnerZone.getId()
                : "in your zone (" + runnerZone.getId() + "); \"morning\" and days mean " + place.zone().getId()
                + ", where " + place.label() + " is";
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
