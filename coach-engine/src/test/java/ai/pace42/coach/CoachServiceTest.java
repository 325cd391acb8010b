package ai.pace42.coach;

import ai.pace42.coach.model.ActivitySource;
import ai.pace42.coach.sample.SampleAthlete;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;

import static ai.pace42.coach.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The "Done when" questions against the sample athlete, and the answers without data. */
class CoachServiceTest {

    static final SampleAthlete SAMPLE = new SampleAthlete(Clock.fixed(NOW, ZoneOffset.UTC), ZONE);
    static final CoachService COACH = new DeterministicCoach(account -> Optional.of(SAMPLE));

    static CoachAnswer askSample(String q, UnitSystem units) {
        return COACH.answer(new CoachQuestion("sample-user", q, units, ZONE, NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Analyze my last run", "Compare my last 3 runs", "How is my fitness trending?",
            "What should I run tomorrow?", "Predict my half marathon", "What are my training paces?"})
    void doneWhenQuestionsReturnTextAndAChartForTheSampleAthlete(String question) throws IOException {
        CoachAnswer a = askSample(question, UnitSystem.METRIC);
        // A run's first reply is concise; its observations are in the details (ConciseRunAnswerTest).
        String full = fullText(a);
        assertThat(a.text()).startsWith("**Sample athlete:**");
        assertThat(full).startsWith("**Sample athlete:**").contains("**Coach observations**");
        long bullets = full.lines().filter(l -> l.startsWith("- ")).count();
        assertThat(bullets).isBetween(3L, 6L);
        assertThat(a.charts()).hasSize(1);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(a.charts().get(0).png()));
        assertThat(img.getWidth()).isEqualTo(960);
        assertThat(img.getHeight()).isEqualTo(600);
        assertThat(a.charts().get(0).altText()).matches(".*\\d.*");
        assertOnlyPace42Markup(a.text());
        assertOnlyPace42Markup(full);
    }

    /** Only **bold** and "- " bullets: no headings, HTML, italics, links or code. */
    static void assertOnlyPace42Markup(String text) {
        assertThat(text).doesNotContain("<").doesNotContain("](").doesNotContain("`").doesNotContain("__");
        text.lines().forEach(l -> assertThat(l).doesNotStartWith("#").doesNotStartWith("* ").doesNotStartWith("1. "));
        assertThat(text.replace("**", "")).doesNotContain("*");
    }

    @Test
    void lastRunAnalysisHasTheFourLineSynthesis() {
        String text = askSample("Analyze my last run", UnitSystem.METRIC).details().orElseThrow();
        assertThat(text).contains("**Session diagnosis:**").contains("**Primary limiter:**")
                .contains("**Performance lever:**").contains("**Next execution cue:**").contains("**Full description**")
                .containsPattern("Cadence \\d+ spm \\(your usual at a similar pace: \\d+ spm\\)");
    }

    @Test
    void imperialRunnersGetMiles() {
        String text = askSample("Analyze my last run", UnitSystem.IMPERIAL).text();
        assertThat(text).contains(" /mi").contains(" mi ").doesNotContain("/km");
    }

    @Test
    void noSourceSuggestsSampleAndLink() {
        CoachService coach = new DeterministicCoach(account -> Optional.empty());
        String text = coach.answer(new CoachQuestion("new-user", "Analyze my last run", UnitSystem.METRIC, ZONE, NOW)).text();
        assertThat(text).contains("/sample").contains("/link");
    }

    @Test
    void unrecognisedQuestionsListWhatTheCoachCanAnswer() {
        CoachAnswer a = askSample("what's the meaning of life", UnitSystem.METRIC);
        assertThat(a.text()).contains("Analyze my last run").contains("Predict my half marathon").contains("What should I run tomorrow?");
        assertThat(a.charts()).isEmpty();
    }

    @Test
    void failingSourceGivesAnHonestAnswerNotAnException() {
        ActivitySource broken = Fixtures.source(goldenProfile(), java.util.List.of());
        ActivitySource throwing = new ActivitySource() {
            @Override
            public String label() {
                return "Garmin";
            }

            @Override
            public java.util.List<ai.pace42.coach.model.ActivityHeader> list(java.time.Instant from, java.time.Instant to) {
                throw new IllegalStateException("429 Too Many Requests");
            }

            @Override
            public Optional<ai.pace42.coach.model.Activity> load(String id) {
                return Optional.empty();
            }
        };
        var log = java.util.logging.Logger.getLogger(DeterministicCoach.class.getName());
        var level = log.getLevel();
        log.setLevel(java.util.logging.Level.OFF); // the warning is expected here; keep the build output clean
        String text;
        try {
            text = new DeterministicCoach(a -> Optional.of(throwing))
                    .answer(new CoachQuestion("u", "Analyze my last run", UnitSystem.METRIC, ZONE, NOW)).text();
        } finally {
            log.setLevel(level);
        }
        assertThat(text).contains("could not load your runs from Garmin");
        String empty = new DeterministicCoach(a -> Optional.of(broken))
                .answer(new CoachQuestion("u", "Analyze my last run", UnitSystem.METRIC, ZONE, NOW)).text();
        assertThat(empty).contains("could not find any runs");
    }

    @Test
    void specificRunsAreFoundByDateAndKindAndMissingOnesSaidToBeMissing() {
        String text = askSample("how was my long run last wednesday", UnitSystem.METRIC).text();
        assertThat(text).contains("Wed 25 Nov").contains("**Long run**");
        String missing = askSample("analyze my marathon on 3 may", UnitSystem.METRIC).text();
        assertThat(missing).startsWith("I could not find").contains("Sun 3 May");
    }
}
