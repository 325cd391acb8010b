package ai.pace42.coach.weather;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivitySource;
import ai.pace42.coach.model.ActivitySourceResolver;
import ai.pace42.coach.model.ActivitySummary;
import ai.pace42.coach.model.ForwardingActivitySource;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.logging.Logger;

/**
 * Gives a run the weather it was run in when its source had none: the device's or Garmin's activity weather wins;
 * otherwise the historical weather at the run's GPS start and hour (Open-Meteo's archive), so the run analysis can
 * explain heart-rate drift and slow splits by heat. Only full loads have a GPS start; a failed look-up leaves the
 * run as it was.
 */
public final class RunWeatherSources implements ActivitySourceResolver {

    private static final Logger LOG = Logger.getLogger(RunWeatherSources.class.getName());

    private final ActivitySourceResolver inner;
    private final WeatherProvider weather;

    public RunWeatherSources(ActivitySourceResolver inner, WeatherProvider weather) {
        this.inner = inner;
        this.weather = weather;
    }

    @Override
    public Optional<ActivitySource> resolve(String accountId) {
        return inner.resolve(accountId).map(s -> s.isSample() ? s : new WithWeather(s));
    }

    /** The run with its start hour's temperature and dew point, when it had no temperature of its own. */
    Activity withWeather(Activity a) {
        Optional<Instant> start = a.startInstant();
        if (a.summary().temperatureC().isPresent() || start.isEmpty()) {
            return a;
        }
        Optional<Place> at = RunStart.of(a, java.time.ZoneOffset.UTC);
        if (at.isEmpty()) {
            return a;
        }
        Optional<HourlyWeather> h;
        try {
            h = weather.historical(at.get().latitude(), at.get().longitude(), start.get());
        } catch (WeatherUnavailableException e) {
            LOG.warning("historical weather unavailable for a run: " + e.getMessage());
            return a;
        }
        if (h.isEmpty()) {
            return a;
        }
        ActivitySummary s = a.summary();
        String conditions = s.conditions().orElse(Double.isNaN(h.get().dewPointC()) ? "" : "dew point "
                + Math.round(h.get().dewPointC()) + " °C") + " (historical weather by Open-Meteo.com)";
        ActivitySummary filled = new ActivitySummary(s.averageHeartRate(), s.maxHeartRate(), s.averageCadenceSpm(),
                s.totalAscentM(), s.totalDescentM(), OptionalDouble.of(h.get().temperatureC()),
                Optional.of(conditions.strip()));
        return new Activity(a.id(), a.source(), a.name(), a.sport(), a.start(), a.elapsedS(), a.movingS(),
                a.distanceM(), filled, a.samples(), a.laps(), a.tags());
    }

    private final class WithWeather extends ForwardingActivitySource {

        WithWeather(ActivitySource s) {
            super(s);
        }

        @Override
        public Optional<Activity> load(String activityId) {
            return super.load(activityId).map(RunWeatherSources.this::withWeather);
        }
    }
}
