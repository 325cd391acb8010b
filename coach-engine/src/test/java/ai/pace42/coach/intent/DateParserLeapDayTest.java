package ai.pace42.coach.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** 29 February asked for before it comes round in a leap year: the year before has none, so no date. */
class DateParserLeapDayTest {

    @Test
    void aLeapDayNotYetReachedThisYearIsNotMovedToThe28th() {
        assertThat(DateParser.parse("my run on 29 feb", LocalDate.of(2028, 1, 10))).isEmpty();
    }

    @Test
    void aLeapDayAlreadyPassedThisYearIsThatDay() {
        assertThat(DateParser.parse("my run on 29 feb", LocalDate.of(2028, 3, 10))).contains(LocalDate.of(2028, 2, 29));
    }
}
