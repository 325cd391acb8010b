package ai.pace42.coach.intent;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.time.api.constraints.DateRange;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever the runner types, recognition returns an intent, and parsed dates are never in the future. */
class IntentProperties {

    @Property(tries = 500)
    void anyTextGetsAnIntent(@ForAll String text) {
        assertThat(IntentRecognizer.recognize(text, LocalDate.of(2026, 11, 26))).isNotNull();
    }

    @Property(tries = 300)
    void parsedDatesAreNeverInTheFuture(@ForAll @IntRange(min = 1, max = 31) int day, @ForAll @IntRange(min = 0, max = 11) int month,
                                        @ForAll @DateRange(min = "2020-01-01", max = "2030-12-31") LocalDate today) {
        String[] months = {"jan", "feb", "march", "april", "may", "june", "july", "aug", "september", "oct", "nov", "december"};
        DateParser.parse("my run on " + day + " " + months[month], today)
                .ifPresent(d -> assertThat(d).isBeforeOrEqualTo(today).isAfter(today.minusYears(1).minusDays(1)));
        for (String w : new String[] {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}) {
            LocalDate d = DateParser.parse("my run on " + w, today).orElseThrow();
            assertThat(d).isBefore(today).isAfterOrEqualTo(today.minusDays(7));
        }
    }
}
