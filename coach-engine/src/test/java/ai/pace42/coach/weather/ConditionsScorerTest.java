package ai.pace42.coach.weather;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The scorer against a table of conditions. Every expected score was worked out by hand from the coaching reference
 * (Hadley: sum = T°F + Td°F; 100 − 6 × the band's upper slow-down) and the thresholds in the scorer's contract,
 * not by running the scorer. NaN marks a value the forecast lacks.
 */
class ConditionsScorerTest {

    private static final Instant T = Instant.parse("2026-07-01T08:00:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NaN", textBlock = """
            # case                              | temp | dew | prob | mm  | code | wind | gust | uv  | score | status          | limiting
            mild and dry: 59+46.4=105 → ≤0.5%    | 15   | 8   | 10   | 0   | 1    | 10   | 20   | 2   | 97    | OK              | heat
            Hadley example 23/21: 143 → 3–4.5%   | 23   | 21  | 0    | 0   | 0    | 5    | 10   | 1   | 73    | ADJUST          | heat
            27/21: 80.6+69.8=150 → 3–4.5%        | 27   | 21  | 0    | 0   | 0    | 5    | 10   | 1   | 73    | ADJUST          | heat
            35/26: 95+78.8=174 → 8–10%           | 35   | 26  | 0    | 0   | 0    | 5    | 10   | 1   | 40    | ADJUST          | heat
            38/28: 100.4+82.4=183 > 180          | 38   | 28  | 0    | 0   | 0    | 5    | 10   | 1   | 10    | NO_HARD_RUNNING | heat
            thunder beats heat                   | 35   | 26  | 70   | 3   | 95   | 5    | 10   | 1   | 0     | DONT_RUN        | thunder
            rain 80% and 1.2 mm: wet             | 12   | 5   | 80   | 1.2 | 63   | 10   | 20   | 1   | 70    | WET             | rain
            80% but 0.3 mm: only a note          | 12   | 5   | 80   | 0.3 | 61   | 10   | 20   | 1   | 85    | NOTE            | rain
            40% chance: a note                   | 10   | 3   | 40   | 0   | 2    | 10   | 20   | 1   | 85    | NOTE            | rain
            gusts 65 km/h: caution               | 8    | 2   | 0    | 0   | 3    | 35   | 65   | 1   | 40    | CAUTION         | wind
            gusts 45 km/h: effort note           | 8    | 2   | 0    | 0   | 3    | 25   | 45   | 1   | 85    | NOTE            | wind
            no gusts: mean wind 62 km/h counts   | 8    | 2   | 0    | 0   | 3    | 62   | NaN  | 1   | 40    | CAUTION         | wind
            wind chill −39 °C: caution           | -25  | -30 | 0    | 0   | 0    | 30   | 30   | 0   | 40    | CAUTION         | cold
            wind chill −12 °C: layers note       | -5   | -9  | 0    | 0   | 0    | 20   | 25   | 0   | 85    | NOTE            | cold
            freezing rain: caution               | 0    | -1  | 90   | 1.0 | 66   | 5    | 10   | 0   | 40    | CAUTION         | freezing rain
            UV 9 beats mild heat (118 → ≤1%)     | 20   | 10  | 0    | 0   | 0    | 5    | 10   | 9   | 85    | NOTE            | UV
            tie at 40: caution beats warm        | 35   | 26  | 0    | 0   | 0    | 30   | 62   | 1   | 40    | CAUTION         | wind
            snow: wet footing                    | -1   | -3  | 90   | 0.8 | 73   | 5    | 10   | 0   | 70    | WET             | rain
            """)
    void scoresTheHourAsItsWorstFactor(String name, Double temp, Double dew, Double prob, Double mm, int code,
                                        Double wind, Double gust, Double uv, int score, Status status, String limiting) {
        HourlyWeather h = new HourlyWeather(T, n(temp), n(dew), Double.NaN, n(prob), n(mm), code, n(wind), n(gust),
                n(uv), 1);

        HourScore s = ConditionsScorer.score(h);

        assertThat(s.score()).as(name).isEqualTo(score);
        assertThat(s.status()).as(name).isEqualTo(status);
        assertThat(s.limiting()).as(name).hasValueSatisfying(f -> assertThat(f.name()).isEqualTo(limiting));
    }

    @org.junit.jupiter.api.Test
    void anHourWithNothingKnownIsNotPenalised() {
        HourlyWeather h = new HourlyWeather(T, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, -1,
                Double.NaN, Double.NaN, Double.NaN, -1);

        HourScore s = ConditionsScorer.score(h);

        assertThat(s.factors()).isEmpty();
        assertThat(s.score()).isEqualTo(100);
        assertThat(s.limiting()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void factorsCarryTheirNumbersInTheRunnersUnits() {
        HourlyWeather h = new HourlyWeather(T, 27, 21, Double.NaN, 0, 0, 0, 5, 10, 1, 1);

        HourScore metric = ConditionsScorer.score(h);
        HourScore imperial = ConditionsScorer.score(h, new WeatherFormat(ai.pace42.coach.UnitSystem.IMPERIAL,
                java.time.ZoneOffset.UTC));

        assertThat(metric.limiting().orElseThrow().detail()).isEqualTo("27 °C, dew point 21 °C: slow down 3–4.5%");
        // 27 °C = 80.6 °F, 21 °C = 69.8 °F
        assertThat(imperial.limiting().orElseThrow().detail()).isEqualTo("81 °F, dew point 70 °F: slow down 3–4.5%");
    }

    private static double n(Double v) {
        return v == null ? Double.NaN : v;
    }

    /** A mild, dry, calm hour (15 °C / 8 °C: 97, OK) so only the air can limit it. */
    private static final HourlyWeather MILD = new HourlyWeather(T, 15, 8, Double.NaN, 10, 0, 1, 10, 20, 2, 1);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NaN", textBlock = """
            # case                                   | eaqi | usaqi | pm25 | score | status          | limiting    | detail
            fair air: heat still limits              | 30   | 42    | 8    | 97    | OK              | heat        | European AQI 30 (fair), PM2.5 8 µg/m³
            European 60 is still moderate            | 60   | 80    | 18   | 97    | OK              | heat        | European AQI 60 (moderate), PM2.5 18 µg/m³
            European 65 poor: a note                 | 65   | 90    | 20   | 85    | NOTE            | air quality | European AQI 65 (poor), PM2.5 20 µg/m³: sensitive runners take it easy
            European 80 is poor, not very poor       | 80   | 95    | 25   | 85    | NOTE            | air quality | European AQI 80 (poor), PM2.5 25 µg/m³: sensitive runners take it easy
            European 85 very poor: indoors or easy   | 85   | 140   | 40   | 30    | INDOORS_OR_EASY | air quality | European AQI 85 (very poor), PM2.5 40 µg/m³: run indoors or easy
            European 120 extremely poor              | 120  | 190   | 90   | 20    | INDOORS_OR_EASY | air quality | European AQI 120 (extremely poor), PM2.5 90 µg/m³: run indoors or easy
            US 120 sensitive groups, European fair   | 35   | 120   | 30   | 85    | NOTE            | air quality | US AQI 120 (unhealthy for sensitive groups), PM2.5 30 µg/m³: sensitive runners take it easy
            US 160 unhealthy beats European poor     | 70   | 160   | 60   | 30    | INDOORS_OR_EASY | air quality | US AQI 160 (unhealthy), PM2.5 60 µg/m³: run indoors or easy
            US alone 250 very unhealthy              | NaN  | 250   | NaN  | 20    | INDOORS_OR_EASY | air quality | US AQI 250 (very unhealthy): run indoors or easy
            US 150 is still sensitive groups         | NaN  | 150   | NaN  | 85    | NOTE            | air quality | US AQI 150 (unhealthy for sensitive groups): sensitive runners take it easy
            """)
    void airQualityIsOneFactorWithItsValueAndBand(String name, Double eaqi, Double usaqi, Double pm25, int score,
                                                   Status status, String limiting, String detail) {
        HourScore s = ConditionsScorer.score(MILD, new AirQuality(T, n(eaqi), n(usaqi), n(pm25)),
                new WeatherFormat(ai.pace42.coach.UnitSystem.METRIC, java.time.ZoneOffset.UTC));

        assertThat(s.score()).as(name).isEqualTo(score);
        assertThat(s.status()).as(name).isEqualTo(status);
        assertThat(s.limiting()).as(name).hasValueSatisfying(f -> assertThat(f.name()).isEqualTo(limiting));
        assertThat(s.factors()).as(name).filteredOn(f -> f.name().equals("air quality")).singleElement()
                .satisfies(f -> assertThat(f.detail()).isEqualTo(detail));
    }

    @org.junit.jupiter.api.Test
    void anHourBeyondTheAirQualityForecastHasNoAirFactor() {
        HourScore s = ConditionsScorer.score(MILD, new AirQuality(T, Double.NaN, Double.NaN, Double.NaN),
                new WeatherFormat(ai.pace42.coach.UnitSystem.METRIC, java.time.ZoneOffset.UTC));

        assertThat(s.factors()).extracting(Factor::name).doesNotContain("air quality");
        assertThat(s.score()).isEqualTo(97);
    }
}
