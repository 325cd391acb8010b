package ai.pace42.coach.intent;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.time.api.constraints.DateRange;

import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the runner types, pain and cardiac red flags are screened before anything else, the way a question is
 * typed does not change what it asks, and dates are read as the latest such day that is not in the future.
 */
class IntentProperties {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @Property(tries = 500)
    void aRedFlagIsScreenedWhateverElseTheMessageSays(@ForAll String text) {
        assertThat(IntentRecognizer.recognize(text + " and then i felt chest pain", TODAY))
                .isEqualTo(new Intent.Medical(true));
        assertThat(IntentRecognizer.recognize("my knee hurts " + text, TODAY)).isInstanceOf(Intent.Medical.class);
    }

    @Provide
    Arbitrary<String> questions() {
        return Arbitraries.of("analyze", "my", "last", "run", "compare", "3", "runs", "what", "should", "i",
                        "tomorrow", "fitness", "trend", "paces", "zones", "week", "10k", "half", "marathon", "predict",
                        "long", "tempo", "yesterday", "on", "monday", "12", "may", "vo2max", "help", "how", "was",
                        "knee", "can", "get", "back", "to", "50", "km", "this", "race")
                .list().ofMinSize(1).ofMaxSize(8).map(words -> String.join(" ", words));
    }

    @Property(tries = 500)
    void caseSpacingAndClosingPunctuationDoNotChangeWhatIsAsked(@ForAll("questions") String question) {
        String shouted = "  " + question.toUpperCase(Locale.ROOT).replace(" ", "   ") + "?! ";

        assertThat(IntentRecognizer.recognize(shouted, TODAY)).isEqualTo(IntentRecognizer.recognize(question, TODAY));
    }

    @Property(tries = 300)
    void parsedDatesAreNeverInTheFuture(@ForAll @IntRange(min = 1, max = 31) int day, @ForAll @IntRange(min = 0, max = 11) int month,
                                        @ForAll @DateRange(min = "2020-01-01", max = "2030-12-31") LocalDate today) {
        String[] months = {"jan", "feb", "march", "april", "may", "june", "july", "aug", "september", "oct", "nov", "december"};
        Optional<LocalDate> parsed = DateParser.parse("my run on " + day + " " + months[month], today);
        if (day <= Month.of(month + 1).minLength()) {
            assertThat(parsed).as("a day every year has").isPresent();
        }
        parsed.ifPresent(d -> assertThat(d).isBeforeOrEqualTo(today).isAfter(today.minusYears(1).minusDays(1))
                .satisfies(p -> assertThat(p.getDayOfMonth()).isEqualTo(day))
                .satisfies(p -> assertThat(p.getMonthValue()).isEqualTo(month + 1)));
        for (String w : new String[] {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}) {
            LocalDate d = DateParser.parse("my run on " + w, today).orElseThrow();
            assertThat(d).isBefore(today).isAfterOrEqualTo(today.minusDays(7));
            assertThat(d.getDayOfWeek().name()).isEqualToIgnoringCase(w);
        }
    }
}
