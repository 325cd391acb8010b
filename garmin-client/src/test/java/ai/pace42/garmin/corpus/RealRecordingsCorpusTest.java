package ai.pace42.garmin.corpus;

import ai.pace42.coach.analysis.RunAnalysis;
import ai.pace42.coach.model.Activity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real-recording regression corpus: every hand label in {@code real-recordings/labels.csv} against what a first
 * upload (no profile, no history) gets. Totals must match the file exactly within its precision; session types
 * must agree on at least 95% of the files, and no file a person would not call intervals may be called intervals.
 */
class RealRecordingsCorpusTest {

    static final double REQUIRED_AGREEMENT = 0.95;

    static List<RealRecording> recordings() {
        return RealRecording.all();
    }

    @Test
    void theCorpusIsBigAndVariedEnough() {
        List<RealRecording> all = recordings();
        Set<String> devices = all.stream().map(RealRecording::device).collect(Collectors.toSet());
        Set<String> formats = all.stream().map(RealRecording::format).collect(Collectors.toSet());
        assertTrue(all.size() >= 40, all.size() + " recordings");
        assertTrue(devices.size() >= 6, devices.toString());
        assertTrue(formats.containsAll(Set.of("fit", "tcx", "gpx", "json")), formats.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void totalsMatchTheFile(RealRecording r) {
        CorpusVerdict v = CorpusVerdict.of(r);
        if (v.activity().isEmpty()) {
            assertTrue(Set.of("not-a-run", "unreadable").contains(r.type()), "refused: " + v.reason());
            return;
        }
        Activity a = v.activity().get();
        RunAnalysis an = v.analysis().orElseThrow();
        if (r.distanceM().isPresent()) {
            // Labels are rounded to 0.1 m; GPX distance is a haversine sum, so allow 0.2% there.
            double tol = r.format().equals("gpx") ? r.distanceM().getAsDouble() * 0.002 : 0.1;
            assertEquals(r.distanceM().getAsDouble(), a.distanceM().orElse(Double.NaN), tol, "distance");
        }
        if (r.timerS().isPresent()) {
            assertEquals(r.timerS().getAsDouble(), a.movingS().orElse(Double.NaN), 0.1, "timer time");
            // Moving time leaves out stops the timer kept counting; it may exceed the timer only by gaps under 10 s
            // between TCX laps (1%).
            assertTrue(an.movingS() <= r.timerS().getAsDouble() * 1.01 + 1, "moving time " + an.movingS() + " above the timer");
        }
        if (r.avgHr().isPresent() && an.averageHr().isKnown() && !r.type().equals("too-short")) {
            // Ours is over moving time; the device's (FIT) is over timer time and rounded to 1 bpm, so stops the
            // timer counted (HR falling while standing) widen the gap.
            boolean stops = an.quality().has(ai.pace42.coach.analysis.QualityFlag.PAUSED);
            double tol = r.format().equals("fit") ? (stops ? 5 : 1.5) : (stops ? 3 : 1);
            assertEquals(r.avgHr().getAsDouble(), an.averageHr().get(), tol, "average HR");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void nothingIsCalledIntervalsThatIsNot(RealRecording r) {
        CorpusVerdict v = CorpusVerdict.of(r);
        if (!r.accept().contains("intervals")) {
            assertFalse(v.type().equals("intervals"), "called intervals: " + v.reason());
        } else if (v.type().equals("intervals") && r.reps() > 0) {
            int found = v.analysis().orElseThrow().intervals().get().reps().size();
            assertTrue(Math.abs(found - r.reps()) <= Math.max(2, r.reps() / 4), found + " reps, labelled " + r.reps());
        }
    }

    /** The same flow as a chat upload: a coach of its own over the one file, asked to analyse the last run. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void theChatAnswerNeverPrintsNonsense(RealRecording r) {
        CorpusVerdict v = CorpusVerdict.of(r);
        if (v.activity().isEmpty()) {
            return;
        }
        Activity a = v.activity().get();
        var coach = new ai.pace42.coach.DeterministicCoach(id -> java.util.Optional.of(new OneFile(a)));
        java.time.Instant asked = a.startInstant().orElse(java.time.Instant.parse("2026-01-01T00:00:00Z")).plusSeconds(6 * 3600);
        String text = coach.answer(new ai.pace42.coach.CoachQuestion("corpus", "Analyze my last run",
                ai.pace42.coach.UnitSystem.METRIC, java.time.ZoneOffset.UTC, asked)).text();
        assertFalse(text.isBlank());
        for (String nonsense : List.of("NaN", "Infinity", "unknown pace", "0.0 km in 0:00", "falling -", "your LTHR",
                "your easy ceiling", "against your")) {
            assertFalse(text.contains(nonsense), "\"" + nonsense + "\" in: " + text);
        }
        assertFalse(text.matches("(?s).*rose from (\\d+) bpm in rep 1 to (\\d+) bpm.*")
                && risesWrongly(text), text);
        if (a.startInstant().isPresent()) {
            // The answer names the session type, or for a file it cannot analyse, gives the reason why.
            RunAnalysis an = v.analysis().orElseThrow();
            String lower = text.toLowerCase(Locale.ROOT);
            assertTrue(lower.contains(an.type().label().toLowerCase(Locale.ROOT))
                    || lower.contains(an.classification().reason().toLowerCase(Locale.ROOT)), "answer names neither type nor reason: " + text);
        }
    }

    private static boolean risesWrongly(String text) {
        var m = java.util.regex.Pattern.compile("rose from (\\d+) bpm in rep 1 to (\\d+) bpm").matcher(text);
        return m.find() && Integer.parseInt(m.group(2)) <= Integer.parseInt(m.group(1));
    }

    /** The uploaded file as the only activity of its account. */
    private record OneFile(Activity activity) implements ai.pace42.coach.model.ActivitySource {
        @Override
        public String label() {
            return "an uploaded file";
        }

        @Override
        public List<ai.pace42.coach.model.ActivityHeader> list(java.time.Instant from, java.time.Instant to) {
            return activity.startInstant().filter(t -> !t.isBefore(from) && t.isBefore(to))
                    .map(t -> List.of(activity.header())).orElse(List.of());
        }

        @Override
        public java.util.Optional<Activity> load(String id) {
            return activity.id().equals(id) ? java.util.Optional.of(activity) : java.util.Optional.empty();
        }
    }

    @Test
    void sessionTypesAgreeOnAtLeast95PercentOfTheCorpus() throws IOException {
        List<RealRecording> all = recordings();
        StringBuilder table = new StringBuilder("| file | device | label | ours | agree | reason |\n|---|---|---|---|---|---|\n");
        int agree = 0;
        for (RealRecording r : all) {
            CorpusVerdict v = CorpusVerdict.of(r);
            boolean ok = v.agrees(r);
            agree += ok ? 1 : 0;
            table.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", r.file(), r.device(), r.type(),
                    v.type(), ok ? "yes" : "**no**", v.reason().replace('|', '/')));
        }
        double rate = (double) agree / all.size();
        table.append(String.format(Locale.ROOT, "%nAgreement: %d of %d (%.0f%%)%n", agree, all.size(), rate * 100));
        // The table feeds docs/real-recordings.md; target/ keeps it out of the source tree.
        Files.writeString(Path.of("target", "real-recordings-table.md"), table);
        assertTrue(rate >= REQUIRED_AGREEMENT, table.toString());
    }
}
