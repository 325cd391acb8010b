package ai.pace42.coach.weather;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.CoachQuestion;
import ai.pace42.coach.CoachService;
import ai.pace42.coach.UnitSystem;
import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivitySource;
import ai.pace42.coach.model.Samples;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WeatherCoachTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Wednesday 1 July 2026, 09:00 in Berlin. */
    private static final Instant NOW = Instant.parse("2026-07-01T07:00:00Z");
    private static final Place HOME = new Place("Berlin", "Land Berlin", "Germany", 52.52, 13.41, BERLIN);

    /** The coach it wraps: records the questions and answers with a fixed text. */
    private static final class Recording implements CoachService {
        final List<String> asked = new ArrayList<>();
        String reply = "delegate";

        @Override
        public CoachAnswer answer(CoachQuestion q) {
            asked.add(q.text());
            return CoachAnswer.text(reply);
        }
    }

    private static final class Homes implements HomeLocations {
        Optional<Place> home = Optional.empty();
        final List<Place> proposed = new ArrayList<>();

        @Override
        public Optional<Place> home(String accountId) {
            return home;
        }

        @Override
        public void propose(String accountId, Place place) {
            proposed.add(place);
        }
    }

    private final Recording delegate = new Recording();
    private final Homes homes = new Homes();

    private CoachAnswer ask(WeatherProvider weather, String text, ai.pace42.coach.model.ActivitySourceResolver sources) {
        return new WeatherCoach(delegate, weather, homes, sources)
                .answer(new CoachQuestion("acc_1", text, UnitSystem.METRIC, BERLIN, NOW, "req-42"));
    }

    private CoachAnswer ask(WeatherProvider weather, String text) {
        return ask(weather, text, id -> Optional.empty());
    }

    @Test
    void aRunnerWithNoLocationAndNoRunsIsAskedForATown() {
        CoachAnswer a = ask(FakeWeather.constant(BERLIN, 15, 8, 0, 0), "Will it rain tomorrow?");

        assertThat(a.text()).contains("/location Berlin").doesNotContain("/location yes");
        assertThat(homes.proposed).isEmpty();
        assertThat(delegate.asked).isEmpty();
    }

    @Test
    void theLastRunsStartIsProposedNeverSet() {
        double[] t = {0, 1, 2};
        Activity run = new Activity("r1", "garmin", "Morning run", null, Optional.of(ZonedDateTime.of(2026, 6, 30, 7, 0, 0, 0, BERLIN)),
                null, null, null, null, Samples.builder(t).position(new double[] {0, 52.5163, 52.5164},
                new double[] {0, 13.3777, 13.3778}).build(), null, null);
        ActivitySource src = new OneRunSource(run);

        CoachAnswer a = ask(FakeWeather.constant(BERLIN, 15, 8, 0, 0), "Will it rain tomorrow?", id -> Optional.of(src));

        // the first fix (0, 0) is a device's "no fix"; the second is the start
        assertThat(homes.proposed).singleElement().satisfies(p -> {
            assertThat(p.latitude()).isEqualTo(52.5163);
            assertThat(p.longitude()).isEqualTo(13.3777);
        });
        assertThat(a.text()).contains("52.52° N, 13.38° E").contains("/location yes");
        assertThat(homes.home).isEmpty();
    }

    @Test
    void aRainQuestionGetsTheRainyHoursAndAChart() {
        homes.home = Optional.of(HOME);
        // rain 80% / 1.5 mm from 08:00 to 10:00 local time on every day, dry otherwise
        FakeWeather weather = new FakeWeather(BERLIN, t -> {
            int h = t.atZone(BERLIN).getHour();
            boolean wet = h >= 8 && h < 10;
            return new HourlyWeather(t, 16, 9, 16, wet ? 80 : 5, wet ? 1.5 : 0, wet ? 63 : 1, 10, 15, 3,
                    h >= 6 && h < 21 ? 1 : 0);
        });

        CoachAnswer a = ask(weather, "Will it rain for my long run on Sunday morning?");

        assertThat(a.text()).contains("**Sunday morning in Berlin, Land Berlin, Germany: rain likely** from 08:00 to 10:00")
                .contains("3.0 mm in total")
                // 16 °C + 9 °C dew point = 60.8 + 48.2 = 109 °F: no slow-down; the dry pair 06:00–08:00 comes first
                .contains("Best window: 06:00–08:00")
                .contains("Open-Meteo.com");
        assertThat(a.charts()).singleElement().satisfies(c -> {
            assertThat(c.png()).startsWith(new byte[] {(byte) 137, 80, 78, 71});
            assertThat(c.altText()).contains("best window 06:00–08:00 shaded");
        });
        assertThat(delegate.asked).isEmpty();
    }

    @Test
    void tooHotNowSaysSlowDownByHadleysBand() {
        homes.home = Optional.of(HOME);

        CoachAnswer a = ask(FakeWeather.constant(BERLIN, 27, 21, 0, 0), "Is it too hot to run now?");

        // 27 °C + 21 °C = 80.6 + 69.8 = 150 °F → 3–4.5%, score 100 − 27 = 73
        assertThat(a.text()).contains("warm: run, but slow down").contains("score 73/100")
                .contains("150 °F").contains("3–4.5% slower");
    }

    @Test
    void aFailingServiceIsAnsweredWithTheCodeAndRequestId() {
        homes.home = Optional.of(HOME);
        FakeWeather weather = FakeWeather.constant(BERLIN, 15, 8, 0, 0);
        weather.fail = true;

        CoachAnswer a = ask(weather, "When is the best time to run tomorrow?");

        assertThat(a.text()).contains("WEATHER_UNAVAILABLE").contains("req-42").doesNotContain("Exception");
    }

    @Test
    void medicalQuestionsGoToTheCoachBeforeAnyWeather() {
        homes.home = Optional.of(HOME);
        FakeWeather weather = FakeWeather.constant(BERLIN, 30, 22, 0, 0);

        ask(weather, "I get chest pain when I run in the heat, is it too hot?");

        assertThat(delegate.asked).hasSize(1);
        assertThat(weather.forecasts).isZero();
    }

    @Test
    void questionsAboutPastRunsAreNotForecasts() {
        homes.home = Optional.of(HOME);
        FakeWeather weather = FakeWeather.constant(BERLIN, 15, 8, 0, 0);

        ask(weather, "How was my run in the rain yesterday?");

        assertThat(delegate.asked).containsExactly("How was my run in the rain yesterday?");
        assertThat(weather.forecasts).isZero();
    }

    @Test
    void theNextRunTargetIsAdjustedForTomorrowsHeat() {
        homes.home = Optional.of(HOME);
        delegate.reply = "**Coach observations**\n- **Tomorrow (Thu 2 Jul): easy run, 40–50 min at 5:00–5:30 /km, HR under 150 bpm.**\n";

        CoachAnswer a = ask(FakeWeather.constant(BERLIN, 27, 21, 0, 0), "What should I run tomorrow?");

        // 150 °F → 3–4.5%: 5:00 = 300 s → +9 and +13.5 (→ 14) s; 300 × 1.03 = 309 = 5:09; 330 × 1.045 = 344.85 = 5:45
        assertThat(a.text()).contains("Heat-adjusted target: 5:09–5:45 /km (+9–14 s/km for 27 °C, dew point 21 °C")
                .startsWith(delegate.reply.strip());
    }

    @Test
    void noLocationLeavesTheNextRunAdviceUnchanged() {
        delegate.reply = "**Tomorrow (Thu 2 Jul): easy run at 5:00–5:30 /km.**";
        FakeWeather weather = FakeWeather.constant(BERLIN, 27, 21, 0, 0);

        CoachAnswer a = ask(weather, "What should I run tomorrow?");

        assertThat(a.text()).isEqualTo(delegate.reply);
        assertThat(weather.forecasts).isZero();
    }

    @Test
    void aRacePredictionForTwentyFiveDegreesIsSlowedByTheBand() {
        delegate.reply = "**Coach observations**\n- **Half marathon**: about 1:40:00 (4:44 /km) as an estimate.\n"
                + "- **10 km**: 45:00 (4:30 /km) by VDOT, 45:30 by Riegel.\n";

        CoachAnswer a = ask(FakeWeather.constant(BERLIN, 15, 8, 0, 0), "Predict my half marathon if it is 25 °C on race day");

        assertThat(delegate.asked).containsExactly("Predict my half marathon on race day");
        // 25 °C = 77 °F, assumed dew point 12 °C = 53.6 °F: 131 → 2–3%; 6000 s → 6120 and 6180 s; 2700 s → 2754 and 2781 s
        assertThat(a.text()).contains("If it is 25 °C on race day").contains("dew point 12 °C, assumed")
                .contains("- Half marathon: 1:40:00 → 1:42:00–1:43:00")
                .contains("- 10 km: 45:00 → 45:54–46:21");
    }

    @Test
    void anImperialRunnerReadsFahrenheitAndMph() {
        homes.home = Optional.of(HOME);
        CoachAnswer a = new WeatherCoach(delegate, FakeWeather.constant(BERLIN, 20, 10, 0, 0), homes, id -> Optional.empty())
                .answer(new CoachQuestion("acc_1", "What's the weather tomorrow?", UnitSystem.IMPERIAL, BERLIN, NOW, "r"));

        // 20 °C = 68 °F; wind 10 km/h = 6 mph
        assertThat(a.text()).contains("68 °F to 68 °F").contains("wind up to 6 mph");
    }

    @Test
    void aRunnerInAnotherZoneSeesBothClocks() {
        homes.home = Optional.of(new Place("Tokyo", "Tokyo", "Japan", 35.69, 139.69, ZoneId.of("Asia/Tokyo")));
        CoachAnswer a = new WeatherCoach(delegate, FakeWeather.constant(ZoneId.of("Asia/Tokyo"), 15, 8, 0, 0), homes,
                id -> Optional.empty()).answer(new CoachQuestion("acc_1", "When is the best time to run tomorrow?",
                UnitSystem.METRIC, ZoneId.of("America/New_York"), Instant.parse("2026-07-01T07:00:00Z"), "r"));

        // Tokyo 06:00–08:00 on Thu 2 Jul (daylight in the fake from 06:00) = Wed 1 Jul 17:00–19:00 in New York (EDT, −4)
        assertThat(a.text()).contains("17:00–19:00 your time (06:00–08:00 local time there)");
    }

    @Test
    void poorAirInTheEveningLimitsTheDayAndIsShownWithValueAndBand() {
        homes.home = Optional.of(HOME);
        FakeWeather weather = FakeWeather.constant(BERLIN, 15, 8, 0, 0);
        // fair all day, very poor (European AQI 90) from 17:00 to 19:00 Berlin time
        weather.air = t -> {
            int h = t.atZone(BERLIN).getHour();
            boolean smog = h >= 17 && h < 19;
            return new AirQuality(t, smog ? 90 : 30, smog ? 155 : 40, smog ? 60 : 8);
        };

        CoachAnswer a = ask(weather, "When is the best time to run tomorrow?");

        assertThat(a.text()).contains("Conditions score 30/100 at worst (poor air: indoors or easy, 17:00): "
                + "European AQI 90 (very poor), PM2.5 60 µg/m³: run indoors or easy.");
        assertThat(a.text()).contains("Air quality at worst (17:00): European AQI 90 (very poor), PM2.5 60 µg/m³");
        assertThat(a.text()).doesNotContain("Best time to run tomorrow in Berlin, Land Berlin, Germany: 17:00");
    }

    @Test
    void anAirQualityFailureAloneStillAnswersTheWeatherAndSaysSo() {
        homes.home = Optional.of(HOME);
        FakeWeather weather = FakeWeather.constant(BERLIN, 15, 8, 0, 0);
        weather.air = null;

        CoachAnswer a = ask(weather, "Will it rain tomorrow morning?");

        assertThat(a.text()).contains("Tomorrow morning in Berlin").contains("Air quality unavailable right now.")
                .doesNotContain(WeatherCoach.UNAVAILABLE);
        assertThat(a.charts()).hasSize(1);
    }
}
