package ai.pace42.bot.plans;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.testing.MutableClock;
import ai.pace42.coach.weather.Forecast;
import ai.pace42.coach.weather.HourlyWeather;
import ai.pace42.coach.weather.Place;
import ai.pace42.coach.weather.WeatherProvider;
import ai.pace42.coach.weather.WeatherUnavailableException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plan sessions with the forecast: 27 °C and a dew point of 21 °C sum to 150 °F, Hadley's 3–4.5 % band, so a target
 * of 5:00 /km becomes 5:09–5:14 /km (+9–14 s/km). Without a home, a forecast or weather the session is as planned.
 */
class PlanHeatChatTest {

    private static final PlatformIdentity ANA = PlatformIdentity.of(Platform.TELEGRAM, "ana-heat");
    /** Wednesday 2 December 2026. */
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Place HOME = new Place("Lisbon", "Lisbon", "Portugal", 38.72, -9.14, ZoneOffset.UTC);
    private static final Pattern FIRST_PACE = Pattern.compile("(\\d+):(\\d{2})–(\\d+):(\\d{2}) /km");

    @TempDir
    Path dir;

    private PlanChat chat;
    private BotCore core;
    private MutableClock clock;

    /** Every hour 27 °C, dew point 21 °C, dry and calm, daylight 07–18 UTC, from {@code from} for {@code hours} hours. */
    static final class Hot implements WeatherProvider {
        Instant from = NOW.minus(Duration.ofHours(10));
        int hours = 24 * 30;
        boolean fail;

        @Override
        public Forecast forecast(double latitude, double longitude, int days) {
            if (fail) {
                throw new WeatherUnavailableException("HTTP 502 from the forecast API");
            }
            List<HourlyWeather> out = new ArrayList<>();
            for (int i = 0; i < hours; i++) {
                Instant t = from.plus(Duration.ofHours(i));
                int h = t.atZone(ZoneOffset.UTC).getHour();
                out.add(new HourlyWeather(t, 27, 21, 29, 0, 0, 1, 5, 8, 3, h >= 7 && h < 18 ? 1 : 0));
            }
            return new Forecast(latitude, longitude, ZoneOffset.UTC, out);
        }

        @Override
        public Optional<HourlyWeather> historical(double latitude, double longitude, Instant at) {
            return Optional.empty();
        }

        @Override
        public List<Place> search(String name) {
            return List.of();
        }
    }

    @BeforeEach
    void setUp() {
        chat = new PlanChat(dir, NOW, ANA);
        core = chat.core;
        clock = chat.clock;
    }

    @AfterEach
    void tearDown() {
        chat.close();
    }

    private String say(String text) throws Exception {
        return chat.say(text).plainText();
    }

    @Test
    void aForecastSlowsTheSessionsTargetByHadleysBandAndSaysWhy() throws Exception {
        say("/sample");
        say("Make me a plan for a half marathon on 12 April, 4 days a week, long run on Sunday");
        clock.advance(Duration.ofDays(8)); // Thursday 10 December: an easy run
        String planned = say("What's today?");
        assertThat(planned).as("weather off: as planned, nothing said").doesNotContain("Heat", "heat-adjusted");

        Hot hot = new Hot();
        core.enablePlanWeather(hot);
        assertThat(say("What's today?")).as("no home location: silent").isEqualTo(planned);

        core.homeLocations().set(core.accounts().find(ANA).orElseThrow().id(), HOME);
        String today = say("What's today?");
        Matcher m = FIRST_PACE.matcher(planned);
        assertThat(m.find()).as(planned).isTrue();
        int fast = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
        int slow = Integer.parseInt(m.group(3)) * 60 + Integer.parseInt(m.group(4));
        // 3% and 4.5% slower: the pace shown is rounded to whole seconds, so allow a second either way.
        Matcher plus = Pattern.compile("\\(\\+(\\d+)–(\\d+) s/km for 27 °C, dew point 21 °C: 3–4\\.5% slower by Hadley's heat bands\\)")
                .matcher(today);
        assertThat(plus.find()).as(today).isTrue();
        assertThat(Integer.parseInt(plus.group(1))).isBetween((int) Math.floor(fast * 0.03) - 1, (int) Math.ceil(fast * 0.03) + 1);
        assertThat(Integer.parseInt(plus.group(2))).isBetween((int) Math.floor(fast * 0.045) - 1, (int) Math.ceil(fast * 0.045) + 1);
        assertThat(today).startsWith(planned.substring(0, planned.indexOf('.', planned.indexOf("/km"))))
                .contains("**Heat**", "Thu 10 Dec easy run: heat-adjusted ");
        Matcher adjusted = Pattern.compile("heat-adjusted (\\d+):(\\d{2})–(\\d+):(\\d{2}) /km").matcher(today);
        assertThat(adjusted.find()).isTrue();
        int slowAdjusted = Integer.parseInt(adjusted.group(3)) * 60 + Integer.parseInt(adjusted.group(4));
        assertThat(slowAdjusted).isBetween((int) (slow * 1.045) - 1, (int) (slow * 1.045) + 1);

        String week = say("this week");
        assertThat(week).contains("Thu 10 Dec easy run: heat-adjusted", "Sun 13 Dec long run: heat-adjusted")
                .doesNotContain("Tue 8 Dec repetitions: heat-adjusted", "Tue 8 Dec easy run: heat-adjusted");

        hot.from = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        hot.hours = 40; // the forecast ends on Friday: Sunday's long run stays as planned
        assertThat(say("this week")).contains("Thu 10 Dec easy run: heat-adjusted").doesNotContain("Sun 13 Dec long run: heat-adjusted");

        hot.fail = true;
        assertThat(say("What's today?")).as("forecast unavailable: as planned, nothing said").isEqualTo(planned);
    }
}
