package ai.pace42.bot.account;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.coach.UnitSystem;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PreferenceParsingTest {

    @ParameterizedTest
    @CsvSource({"km,METRIC", "KM,METRIC", "kilometres,METRIC", "metric,METRIC", "mi,IMPERIAL", " Miles ,IMPERIAL",
            "imperial,IMPERIAL"})
    void understandsUnitWords(String text, UnitSystem expected) {
        assertThat(Units.parse(text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "m", "furlongs", "km mi"})
    void rejectsOtherUnitWords(String text) {
        assertThat(Units.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"Europe/Berlin,Europe/Berlin", "europe/berlin,Europe/Berlin", "America/New York,America/New_York",
            "utc,UTC", "GMT,UTC"})
    void understandsRegionZones(String text, String expected) {
        assertThat(TimeZones.parse(text)).contains(ZoneId.of(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+02:00", "CET-ish", "Mars/Olympus", "Berlin", ""})
    void rejectsOffsetsAndUnknownZones(String text) {
        assertThat(TimeZones.parse(text)).isEmpty();
    }
}
