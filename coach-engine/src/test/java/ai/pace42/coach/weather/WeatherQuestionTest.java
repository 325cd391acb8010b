package ai.pace42.coach.weather;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WeatherQuestionTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Will it rain for my long run on Sunday morning?  | RAIN
            When is the best time to run tomorrow?           | BEST_TIME
            Is it too hot to run now?                        | HEAT_OR_COLD
            What should I wear?                              | WEAR
            What's the weather like this weekend?            | FORECAST
            Is it windy this evening                         | HEAT_OR_COLD
            """)
    void recognisesTheFourQuestionsAndTheForecast(String text, WeatherQuestion.Kind kind) {
        assertThat(WeatherQuestion.parse(text)).hasValueSatisfying(q -> assertThat(q.kind()).isEqualTo(kind));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Analyze my last run", "What should I run tomorrow?", "How is my fitness trending?",
            "Predict my marathon", "my long run on Sunday"})
    void leavesCoachingQuestionsAlone(String text) {
        assertThat(WeatherQuestion.parse(text)).isEmpty();
    }

    @Test
    void sundayMorningIsReadWithTheZoneOfThatDayAcrossTheAutumnChange() {
        // Friday 23 Oct 2026 12:00 in Berlin (CEST, +02:00); clocks go back on Sunday 25 Oct at 03:00 to CET (+01:00).
        Instant friday = Instant.parse("2026-10-23T10:00:00Z");
        WeatherQuestion q = WeatherQuestion.parse("Will it rain for my long run on Sunday morning?").orElseThrow();

        WeatherQuestion.Period p = q.period(friday, BERLIN);

        assertThat(q.weekday()).contains(DayOfWeek.SUNDAY);
        // 06:00 and 12:00 CET = 05:00 and 11:00 UTC (Friday's +02:00 would have given 04:00 and 10:00).
        assertThat(p.from()).isEqualTo(Instant.parse("2026-10-25T05:00:00Z"));
        assertThat(p.to()).isEqualTo(Instant.parse("2026-10-25T11:00:00Z"));
        assertThat(p.name()).isEqualTo("Sunday morning");
    }

    @Test
    void aSpringForwardDayHasTwentyThreeHours() {
        // Saturday 28 Mar 2026 20:00 CET; Sunday 29 Mar clocks jump from 02:00 to 03:00 (CEST, +02:00).
        WeatherQuestion q = WeatherQuestion.parse("Will it rain tomorrow?").orElseThrow();

        WeatherQuestion.Period p = q.period(Instant.parse("2026-03-28T19:00:00Z"), BERLIN);

        // the running day 05:00–22:00 CEST = 03:00–20:00 UTC
        assertThat(p.from()).isEqualTo(Instant.parse("2026-03-29T03:00:00Z"));
        assertThat(p.to()).isEqualTo(Instant.parse("2026-03-29T20:00:00Z"));
    }

    @Test
    void nowIsTheNextThreeHoursFromTheStartOfThisHour() {
        WeatherQuestion q = WeatherQuestion.parse("Is it too hot to run now?").orElseThrow();

        WeatherQuestion.Period p = q.period(Instant.parse("2026-07-01T13:25:00Z"), BERLIN);

        assertThat(p.from()).isEqualTo(Instant.parse("2026-07-01T13:00:00Z"));
        assertThat(p.to()).isEqualTo(Instant.parse("2026-07-01T16:00:00Z"));
    }

    @Test
    void aPartOfTodayThatIsOverMeansTomorrows() {
        WeatherQuestion q = WeatherQuestion.parse("Will it rain this morning?").orElseThrow();

        // 15:00 in Berlin: this morning is over
        WeatherQuestion.Period p = q.period(Instant.parse("2026-07-01T13:00:00Z"), BERLIN);

        assertThat(p.from()).isEqualTo(Instant.parse("2026-07-02T04:00:00Z"));
        assertThat(p.name()).isEqualTo("tomorrow morning");
    }

    @Test
    void theDayIsThePlacesDayNotTheRunners() {
        // 2026-12-02 16:00 UTC: Wednesday 11:00 in New York, already Thursday 01:00 in Tokyo.
        WeatherQuestion q = WeatherQuestion.parse("Will it rain tomorrow morning?").orElseThrow();

        WeatherQuestion.Period p = q.period(Instant.parse("2026-12-02T16:00:00Z"), ZoneId.of("Asia/Tokyo"));

        // Tokyo's tomorrow is Friday 4 Dec: 06:00–12:00 JST = Thursday 21:00 – Friday 03:00 UTC
        assertThat(p.from()).isEqualTo(Instant.parse("2026-12-03T21:00:00Z"));
        assertThat(p.to()).isEqualTo(Instant.parse("2026-12-04T03:00:00Z"));
    }
}
