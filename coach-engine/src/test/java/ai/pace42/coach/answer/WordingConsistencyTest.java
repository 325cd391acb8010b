package ai.pace42.coach.answer;

import ai.pace42.coach.Fixtures;
import ai.pace42.coach.UnitSystem;
import ai.pace42.coach.fitness.NextSession;
import ai.pace42.coach.fitness.Recommendation;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over generated findings, no sentence contradicts the numbers it shows and no prescription says "unknown".
 * Expected words are derived here from the displayed (rounded) numbers, independently of {@link Wording}.
 */
class WordingConsistencyTest {

    static final Pattern BPM = Pattern.compile("(-?\\d+) bpm");
    static final Format METRIC = new Format(UnitSystem.METRIC, Fixtures.ZONE);

    @Property(tries = 500)
    void aChangeSaysRoseOnlyWhenTheShownValueRoseAndFellOnlyWhenItFell(
            @ForAll @DoubleRange(min = 60, max = 215) double from, @ForAll @DoubleRange(min = 60, max = 215) double to) {
        String s = Wording.change("Peak HR", from, "rep 1", to, "rep 20");
        List<Long> shown = numbers(s);
        assertThat(shown).isNotEmpty().allSatisfy(n -> assertThat(n).isPositive());
        long first = shown.get(0), last = shown.get(shown.size() - 1);
        assertThat(first).isEqualTo(Math.round(from));
        assertThat(last).isEqualTo(Math.round(to));
        assertThat(s.contains(" rose ")).isEqualTo(last > first);
        assertThat(s.contains(" fell ")).isEqualTo(last < first);
        assertThat(s.contains(" stayed ")).isEqualTo(last == first);
    }

    @Property(tries = 500)
    void aRecoveryDropIsNeverANegativeFall(@ForAll @DoubleRange(min = -30, max = 60) double drop) {
        String s = Wording.recoveryDrop(drop);
        assertThat(s).doesNotContain("-");
        long shown = Math.round(drop);
        if (shown > 0) {
            assertThat(s).contains("falling " + shown + " bpm");
        } else if (shown < 0) {
            assertThat(s).contains("rising " + (-shown) + " bpm").doesNotContain("falling");
        } else {
            assertThat(s).doesNotContain("falling").doesNotContain("rising");
        }
    }

    @Property(tries = 300)
    void unknownValuesAreLeftOutNotPrinted(@ForAll("maybeNaN") double from, @ForAll("maybeNaN") double to) {
        String s = Wording.change("Peak HR", from, "rep 1", to, "rep 2") + Wording.recoveryDrop(from);
        assertThat(s).doesNotContainIgnoringCase("nan").doesNotContainIgnoringCase("unknown");
    }

    @Property(tries = 500)
    void noPrescriptionContainsUnknown(@ForAll NextSession kind, @ForAll("maybeNaN") double fast,
                                       @ForAll("maybeNaN") double slow, @ForAll("maybeNaN") double hr,
                                       @ForAll("maybeNaN") double maxDistance) {
        Recommendation rec = new Recommendation(LocalDate.of(2026, 11, 27), kind, 30, 45, maxDistance, fast, slow, hr,
                "workout", List.of(), LocalDate.of(2026, 11, 28), "rest");
        String s = NextRunReport.summary(rec, METRIC);
        assertThat(s).doesNotContainIgnoringCase("unknown").doesNotContainIgnoringCase("nan");
        // A pace appears exactly when both ends of the range are known.
        assertThat(s.contains("/km")).isEqualTo(fast > 0 && slow > 0);
    }

    @Provide
    Arbitrary<Double> maybeNaN() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Double.NaN)),
                net.jqwik.api.Tuple.of(3, Arbitraries.doubles().between(2.0, 6.0)));
    }

    private static List<Long> numbers(String s) {
        Matcher m = BPM.matcher(s);
        java.util.ArrayList<Long> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(Long.parseLong(m.group(1)));
        }
        return out;
    }
}
