package ai.pace42.server.weather;

import ai.pace42.bot.BotCore;
import ai.pace42.coach.CoachService;
import ai.pace42.coach.DeterministicCoach;
import ai.pace42.coach.model.ActivitySourceResolver;
import ai.pace42.coach.weather.HomeLocations;
import ai.pace42.coach.weather.RunWeatherSources;
import ai.pace42.coach.weather.WeatherCoach;
import ai.pace42.coach.weather.WeatherProvider;
import ai.pace42.weather.OpenMeteoClient;
import ai.pace42.weather.OpenMeteoSettings;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * Puts the weather around the coach when it is on: forecasts and /location through Open-Meteo, past runs without
 * their own weather filled from the archive. Off, the coach is the plain deterministic one and /location says so.
 */
public final class WeatherWiring {

    private final Optional<OpenMeteoClient> client;

    private WeatherWiring(Optional<OpenMeteoClient> client) {
        this.client = client;
    }

    public static WeatherWiring create(WeatherConfig config, Clock clock) {
        return new WeatherWiring(config.enabled()
                ? Optional.of(new OpenMeteoClient(new OpenMeteoSettings(config.forecastUrl(), config.geocodingUrl(),
                config.archiveUrl(), config.airQualityUrl(), config.timeout()), clock))
                : Optional.empty());
    }

    /** The coach for BotCore: the weather coach around the deterministic one, or the deterministic one alone. */
    public Function<ActivitySourceResolver, CoachService> coach(HomeLocations homes) {
        return coach(homes, DeterministicCoach::new);
    }

    /**
     * @param analysis builds the coach that reads runs (e.g. a cached deterministic coach); past runs reach it with
     *                 their weather filled in
     */
    public Function<ActivitySourceResolver, CoachService> coach(HomeLocations homes,
                                                                Function<ActivitySourceResolver, CoachService> analysis) {
        return sources -> client.<CoachService>map(
                        w -> new WeatherCoach(analysis.apply(new RunWeatherSources(sources, w)), w, homes, sources))
                .orElseGet(() -> analysis.apply(sources));
    }

    /**
     * Turns /location and the plan's heat-adjusted sessions on once the core exists. A shared location's zone comes
     * from the forecast of its square (Open-Meteo has no reverse geocoding), asked for as the weather answers ask, so
     * it fills the same cache entry.
     */
    public void register(BotCore core) {
        client.ifPresent(c -> {
            core.enableWeather(c::search, (lat, lon) -> c.forecast(lat, lon, WeatherCoach.FORECAST_DAYS).zone());
            core.enablePlanWeather(c);
        });
    }
}
