package ai.pace42.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which numbers of a reply count as grounded in a source text, with unit-aware tolerance (coaching-science §6.2). */
class GroundingTest {

    private static final String REPORT = "**Coach observations**\n"
            + "- **Tue 1 Dec**: long run, 26.0 km at 6:12 /km, 150 bpm, load 177, HR drift 7.2%.\n"
            + "- Easy pace 5:45–6:20 /km; marathon 5:05 /km. Time 2:41:12, 45 min in zone 2.\n"
            + "- Weekly volume 52.4 km (32.6 mi), climb 85 m, cadence 172 spm, 4 runs, on 2026-11-28.";

    @ParameterizedTest(name = "{0} → ungrounded: {1}")
    @CsvSource(delimiter = '|', value = {
            "You ran 26.0 km at 6:12 /km.|",
            "About 26 km, a solid long run.|",
            "That is 16.2 mi in all.|",
            "Your pace was 6:13 /km.|",
            "Your pace was 6:14 /km.|6:14 /km",
            "You ran 27 km.|27 km",
            "You ran 26.3 km.|26.3 km",
            "Heart rate averaged 151 bpm.|",
            "Heart rate averaged 153 bpm.|153 bpm",
            "Drift was 7%, load 177.|",
            "Drift was 9%.|9%",
            "Easy runs between 5:45 and 6:20 /km.|",
            "Keep easy runs at 5:45–6:20 /km.|",
            "Aim for 5:30–6:20 /km.|5:30–6:20 /km",
            "You finished in 2:41:12.|",
            "You finished in 2:43:00.|2:43:00",
            "You spent 45 min in zone 2.|",
            "You spent 50 minutes easy.|50 minutes",
            "This week 52.4 km, that is 32.6 mi.|",
            "Your 4 runs this week.|",
            "Your 6 runs this week.|6",
            "Climb was 85 m at 172 spm.|",
            "Your run on 28 Nov and on 2026-11-28.|",
            "Your run on 27 Nov.|27 Nov",
            "Keep 80/20 and zones 1–5, never more than 10% a week.|",
            "Temperature was 21 °C.|21 °C",
            "You were at 5:05 /km marathon pace, 12:30 in the last split.|12:30",
    })
    void numbersAreCheckedAgainstTheSourceInTheirUnits(String reply, String expectedBad) {
        Grounding grounding = new Grounding().allow(REPORT);

        List<String> bad = grounding.ungrounded(reply);

        if (expectedBad == null) {
            assertThat(bad).as(reply).isEmpty();
        } else {
            assertThat(bad).as(reply).containsExactly(expectedBad);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "I only have 30 minutes|Use your 30 minutes for an easy run.",
            "Can I do 12 km on Sunday?|Yes, 12 km is fine.",
            "Today is Wednesday 2 December 2026 (2026-12-02)|Today, 2 December, is a rest day.",
    })
    void theRunnersOwnNumbersAndTodaysDateMayBeRepeated(String source, String reply) {
        assertThat(new Grounding().allow(source).ungrounded(reply)).isEmpty();
    }
}
