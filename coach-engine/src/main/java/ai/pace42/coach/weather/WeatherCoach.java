package ai.pace42.coach.weather;

import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.CoachQuestion;
import ai.pace42.coach.CoachService;
import ai.pace42.coach.UnitSystem;
import ai.pace42.coach.intent.Intent;
import ai.pace42.coach.intent.IntentRecognizer;
import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivityHeader;
import ai.pace42.coach.model.ActivitySource;
import ai.pace42.coach.model.ActivitySourceResolver;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The coach with the weather: answers weather questions itself, adds heat-adjusted targets to the next-run advice
 * and race predictions for a named temperature, and hands everything else to the coach it wraps unchanged.
 * Medical questions always go straight to the wrapped coach. Never throws; a weather failure is answered with
 * {@code WEATHER_UNAVAILABLE} and the request id. Logs never carry coordinates.
 */
public final class WeatherCoach implements CoachService, WeatherAnswers {

    public static final String UNAVAILABLE = "WEATHER_UNAVAILABLE";
    /** Enough for "Sunday" or "the weekend" from any day, in one cache entry per place and hour. */
    public static final int FORECAST_DAYS = 8;
    private static final Logger LOG = Logger.getLogger(WeatherCoach.class.getName());
    private static final Pattern PAST = Pattern.compile(
            "\\b(yesterday|was|were|did|ran|last (run|week|sunday|saturday|monday|tuesday|wednesday|thursday|friday))\\b");
    private static final Pattern DAY_HEADING = Pattern.compile("\\*\\*(Today|Tomorrow) \\(");

    private final CoachService delegate;
    private final WeatherProvider weather;
    private final HomeLocations homes;
    private final ActivitySourceResolver sources;

    /** @param sources the runner's runs, read only to propose the last run's start as a home location */
    public WeatherCoach(CoachService delegate, WeatherProvider weather, HomeLocations homes,
                        ActivitySourceResolver sources) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.weather = Objects.requireNonNull(weather, "weather");
        this.homes = Objects.requireNonNull(homes, "homes");
        this.sources = Objects.requireNonNull(sources, "sources");
    }

    @Override
    public CoachAnswer answer(CoachQuestion q) {
        LocalDate today = q.askedAt().atZone(q.zone()).toLocalDate();
        Intent intent = IntentRecognizer.recognize(q.text(), today);
        if (intent instanceof Intent.Medical) {
            return delegate.answer(q);
        }
        if (intent instanceof Intent.RacePrediction) {
            Optional<RaceWeather> race = RaceWeather.parse(q.text(), q.units());
            if (race.isPresent()) {
                CoachQuestion plain = new CoachQuestion(q.accountId(), race.get().questionWithout(q.text()), q.units(),
                        q.zone(), q.askedAt(), q.requestId());
                return race.get().adjust(delegate.answer(plain), q.units());
            }
            return delegate.answer(q);
        }
        Optional<WeatherQuestion> wq = forecastQuestion(q);
        if (wq.isPresent()) {
            return weatherAnswer(q, wq.get());
        }
        CoachAnswer answer = delegate.answer(q);
        return intent instanceof Intent.NextRun n ? withHeatTargets(q, answer, n.tomorrow()) : answer;
    }

    /** Weather questions are this coach's own; everything else is the wrapped coach's to claim. */
    @Override
    public boolean understands(CoachQuestion q) {
        return forecastQuestion(q).isPresent() || delegate.understands(q);
    }

    /** A weather question about now or later; one in the past tense is about a run, the wrapped coach's. */
    private static Optional<WeatherQuestion> forecastQuestion(CoachQuestion q) {
        return PAST.matcher(q.text().toLowerCase(Locale.ROOT)).find() ? Optional.empty()
                : WeatherQuestion.parse(q.text());
    }

    @Override
    public void forget(String accountId) {
        delegate.forget(accountId);
    }

    @Override
    public boolean warmUp(String accountId, UnitSystem units, ZoneId zone, Instant now) {
        return delegate.warmUp(accountId, units, zone, now);
    }

    @Override
    public List<String> exampleQuestions() {
        List<String> out = new ArrayList<>(delegate.exampleQuestions());
        out.add("Will it rain for my long run on Sunday morning?");
        return out;
    }

    @Override
    public CoachAnswer weather(CoachQuestion q, WeatherQuestion wq) {
        return weatherAnswer(q, wq);
    }

    private CoachAnswer weatherAnswer(CoachQuestion q, WeatherQuestion wq) {
        Optional<Place> home;
        try {
            home = homes.home(q.accountId());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not read the home location: " + e.getClass().getSimpleName());
            return unavailable(q);
        }
        if (home.isEmpty()) {
            return askForLocation(q);
        }
        try {
            Forecast f = weather.forecast(home.get().latitude(), home.get().longitude(), FORECAST_DAYS);
            return WeatherReport.answer(wq, home.get(), f, airQuality(home.get()), q.askedAt(), q.units(), q.zone());
        } catch (WeatherUnavailableException e) {
            LOG.warning("forecast unavailable: " + e.getMessage());
            return unavailable(q);
        }
    }

    /** Air quality is one factor more: its failure alone never fails the weather answer. */
    private Optional<List<AirQuality>> airQuality(Place home) {
        try {
            return Optional.of(weather.airQuality(home.latitude(), home.longitude(), FORECAST_DAYS));
        } catch (WeatherUnavailableException e) {
            LOG.warning("air quality unavailable: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static CoachAnswer unavailable(CoachQuestion q) {
        return CoachAnswer.text("I could not get the forecast right now; please try again in a few minutes ("
                + UNAVAILABLE + (q.requestId().isBlank() ? "" : ", ref " + q.requestId()) + ").");
    }

    /** Asks where the runner runs; proposes their last run's start when it has GPS, never sets it silently. */
    private CoachAnswer askForLocation(CoachQuestion q) {
        Optional<Place> start = lastRunStart(q);
        if (start.isPresent()) {
            homes.propose(q.accountId(), start.get());
            return CoachAnswer.text("I don't know where you run yet. Your last run started near "
                    + coordinates(start.get()) + ": reply **/location yes** to use that for forecasts, or name a town, "
                    + "e.g. **/location Berlin**.");
        }
        return CoachAnswer.text("I don't know where you run yet. Tell me a town and I'll check the forecast there: "
                + "**/location Berlin** (any town or city works).");
    }

    static String coordinates(Place p) {
        return String.format(Locale.ROOT, "%.2f° %s, %.2f° %s", Math.abs(p.latitude()), p.latitude() >= 0 ? "N" : "S",
                Math.abs(p.longitude()), p.longitude() >= 0 ? "E" : "W");
    }

    private Optional<Place> lastRunStart(CoachQuestion q) {
        try {
            Optional<ActivitySource> src = sources.resolve(q.accountId()).filter(s -> !s.isSample());
            Optional<ActivityHeader> newest = src.flatMap(ActivitySource::newest);
            if (newest.isEmpty()) {
                return Optional.empty();
            }
            Optional<Activity> run = src.get().load(newest.get().id());
            ZoneId zone = newest.get().start().map(z -> z.getZone()).orElse(q.zone());
            return run.flatMap(a -> RunStart.of(a, zone));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not read the last run for a location proposal: " + e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** The next-run advice with its target pace adjusted for the forecast at the best window of that day. */
    private CoachAnswer withHeatTargets(CoachQuestion q, CoachAnswer advice, boolean tomorrow) {
        Optional<Place> home;
        try {
            home = homes.home(q.accountId());
        } catch (RuntimeException e) {
            return advice;
        }
        if (home.isEmpty()) {
            return advice;
        }
        var heading = DAY_HEADING.matcher(advice.text());
        boolean forTomorrow = heading.find() ? heading.group(1).equals("Tomorrow") : tomorrow;
        try {
            Forecast f = weather.forecast(home.get().latitude(), home.get().longitude(), FORECAST_DAYS);
            return HeatTargets.append(advice, f, home.get(), forTomorrow ? 1 : 0, q.askedAt(), q.units(), q.zone());
        } catch (WeatherUnavailableException e) {
            LOG.warning("forecast unavailable for next-run targets: " + e.getMessage());
            return new CoachAnswer(advice.text().stripTrailing() + "\n\nNo heat adjustment: the forecast is unavailable ("
                    + UNAVAILABLE + (q.requestId().isBlank() ? "" : ", ref " + q.requestId()) + ").", advice.charts());
        }
    }
}
