package ai.pace42.coach.intent;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The phrasing table: every family of the prior prototype plus distances and relative dates (today is Thu 26 Nov 2026). */
class IntentRecognizerTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @ParameterizedTest(name = "\"{0}\" → {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Analyze my last run                                  | LastRun        |
            Analyze my latest run                                | LastRun        |
            analyse my last run please                           | LastRun        |
            anaylze my last run                                  | LastRun        |
            When was my last run?                                | LastRun        |
            tell me about my most recent run                     | LastRun        |
            tell me about my most recent activity                | LastRun        |
            tell me about my most recent workout                 | LastRun        |
            How was my run?                                      | LastRun        |
            how did my run go                                    | LastRun        |
            review my latest session                             | LastRun        |
            break down my last run                               | LastRun        |
            debrief my last run                                  | LastRun        |
            How was yesterday's run?                             | SpecificRun    | date=2026-11-25
            analyze yesterday's run                              | SpecificRun    | date=2026-11-25
            my run on Tuesday                                    | SpecificRun    | date=2026-11-24
            how was my run on tuesday?                           | SpecificRun    | date=2026-11-24
            my long run last Sunday                              | SpecificRun    | date=2026-11-22,kind=long
            how did my long run on sunday go                     | SpecificRun    | date=2026-11-22,kind=long
            my 10k on 3 May                                      | SpecificRun    | date=2026-05-03,distance=10000
            analyze my 10k on May 3rd                            | SpecificRun    | date=2026-05-03,distance=10000
            how was my 5 km on 2026-10-14                        | SpecificRun    | date=2026-10-14,distance=5000
            my half marathon race on 12 october                  | SpecificRun    | date=2026-10-12,distance=21097.5,kind=race
            how was today's run                                  | SpecificRun    | date=2026-11-26
            analyze my tempo run                                 | SpecificRun    | kind=tempo
            how did my intervals go on wednesday                 | SpecificRun    | date=2026-11-25,kind=intervals
            how was my run the day before yesterday              | SpecificRun    | date=2026-11-24
            my run on 25 december                                | SpecificRun    | date=2025-12-25
            Compare my last 3 runs                               | CompareRuns    | count=3
            compare my last two runs                             | CompareRuns    | count=2
            Compare my last 5 runs                               | CompareRuns    | count=5
            how were my recent runs                              | CompareRuns    | count=3
            show my recent activities                            | CompareRuns    | count=3
            compare this week's runs with last week              | CompareRuns    | count=3
            my last few runs                                     | CompareRuns    | count=3
            last 4 workouts                                      | CompareRuns    | count=4
            What should I run tomorrow?                          | NextRun        | tomorrow
            Recommend my next run                                | NextRun        |
            What should I run next                               | NextRun        |
            what should I do next                                | NextRun        |
            When should I run again?                             | NextRun        |
            next workout recommendation                          | NextRun        |
            suggest a session for today                          | NextRun        |
            should I run tomorrow                                | NextRun        | tomorrow
            what's on for today                                  | NextRun        |
            what run should I do tomorrow                        | NextRun        | tomorrow
            How is my fitness trending?                          | FitnessTrend   |
            Analyze my running progress                          | FitnessTrend   |
            How am I progressing?                                | FitnessTrend   |
            fitness trend                                        | FitnessTrend   |
            training trend please                                | FitnessTrend   |
            Am I getting fitter?                                 | FitnessTrend   |
            am I getting faster                                  | FitnessTrend   |
            am i improving                                       | FitnessTrend   |
            what's my training load                              | FitnessTrend   |
            how fresh am I                                       | FitnessTrend   |
            Am I overtraining?                                   | FitnessTrend   |
            what is my form and fatigue                          | FitnessTrend   |
            Predict my half marathon                             | RacePrediction | distance=21097.5
            predict my marathon time                             | RacePrediction | distance=42195
            race prediction for 10k                              | RacePrediction | distance=10000
            what time could I run a 5k                           | RacePrediction | distance=5000
            how fast can I run 3 miles                           | RacePrediction | distance=4828.032
            could I run a sub 50 10k                             | RacePrediction | distance=10000
            predict my race times                                | RacePrediction |
            what's my estimated finish time for a half-marathon  | RacePrediction | distance=21097.5
            how fast could I run a mile                          | RacePrediction | distance=1609.344
            What are my training paces?                          | PacesAndZones  |
            what should be my easy run pace                      | PacesAndZones  |
            what is my threshold pace                            | PacesAndZones  |
            show my heart rate zones                             | PacesAndZones  |
            my HR zones                                          | PacesAndZones  |
            what pace should I run my long runs                  | PacesAndZones  |
            tempo pace?                                          | PacesAndZones  |
            what is my max heart rate                            | PacesAndZones  |
            Weekly summary                                       | WeeklySummary  |
            how much did I run last week                         | WeeklySummary  | lastWeek
            what's my mileage this week                          | WeeklySummary  |
            how many km this week                                | WeeklySummary  |
            weekly volume                                        | WeeklySummary  |
            What's my VO2max?                                    | Vo2max         |
            what is my vo2 max                                   | Vo2max         |
            Can I get back to 50 km this week?                   | VolumeGoal     | distance=50000
            can I run 30 miles this week                         | VolumeGoal     | distance=48280.32
            should I go up to 60 km per week                     | VolumeGoal     | distance=60000
            Sharp pain on my inner shin that is worse when I hop | Medical        |
            my knee hurts                                        | Medical        |
            I have chest pain when running                       | Medical        | cardiac
            felt dizzy and faint after intervals                 | Medical        | cardiac
            is it safe to run with a fever                       | Medical        |
            help                                                 | Help           |
            what can you do                                      | Help           |
            hi                                                   | Help           |
            tell me a joke                                       | Unrecognized   |
            what's the weather in Paris                          | Unrecognized   |
            asdfgh                                               | Unrecognized   |
            """)
    void recognises(String phrase, String expected, String slots) {
        Intent intent = IntentRecognizer.recognize(phrase, TODAY);
        assertThat(intent.getClass().getSimpleName()).as(phrase).isEqualTo(expected);
        String s = slots == null ? "" : slots;
        if (intent instanceof Intent.SpecificRun r) {
            RunSelector sel = r.selector();
            assertThat(sel.date().map(LocalDate::toString).orElse(null)).as("date").isEqualTo(slot(s, "date"));
            assertThat(sel.distanceM().isPresent() ? String.valueOf(sel.distanceM().getAsDouble()) : null).as("distance")
                    .isEqualTo(slot(s, "distance") == null ? null : String.valueOf(Double.parseDouble(slot(s, "distance"))));
            assertThat(sel.kind().orElse(null)).as("kind").isEqualTo(slot(s, "kind"));
        }
        if (intent instanceof Intent.CompareRuns c) {
            assertThat(c.count()).isEqualTo(Integer.parseInt(slot(s, "count")));
        }
        if (intent instanceof Intent.NextRun n) {
            assertThat(n.tomorrow()).isEqualTo(s.contains("tomorrow"));
        }
        if (intent instanceof Intent.RacePrediction p) {
            String d = slot(s, "distance");
            if (d == null) {
                assertThat(p.distanceM()).isEmpty();
            } else {
                assertThat(p.distanceM().getAsDouble()).isCloseTo(Double.parseDouble(d), org.assertj.core.api.Assertions.within(0.01));
            }
        }
        if (intent instanceof Intent.VolumeGoal g) {
            assertThat(g.weeklyDistanceM()).isCloseTo(Double.parseDouble(slot(s, "distance")), org.assertj.core.api.Assertions.within(0.01));
        }
        if (intent instanceof Intent.WeeklySummary w) {
            assertThat(w.lastWeek()).isEqualTo(s.contains("lastWeek"));
        }
        if (intent instanceof Intent.Medical m) {
            assertThat(m.cardiacRedFlag()).isEqualTo(s.contains("cardiac"));
        }
    }

    private static String slot(String slots, String name) {
        for (String kv : slots.split(",")) {
            String[] p = kv.trim().split("=");
            if (p.length == 2 && p[0].equals(name)) {
                return p[1];
            }
        }
        return null;
    }
}
