package ai.pace42.coach.plan;

import ai.pace42.coach.answer.Format;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a change does to the sessions, in words, so the proposal and the plan's history name what changed and not
 * only why: "Thu 10 Dec: intervals 9.0 km → easy run 9.0 km; Sat 12 Dec: removed". At most a few days are named.
 */
public final class PlanDiff {

    static final int NAMED_DAYS = 4;

    private PlanDiff() {
    }

    /** The days from {@code from} on whose session differs; empty when none does. */
    public static String describe(TrainingPlan before, TrainingPlan after, LocalDate from) {
        Map<LocalDate, PlannedSession> was = byDay(before), now = byDay(after);
        TreeSet<LocalDate> days = new TreeSet<>(was.keySet());
        days.addAll(now.keySet());
        Format f = new Format(after.request().units(), ZoneOffset.UTC);
        List<String> changes = new ArrayList<>();
        for (LocalDate d : days.tailSet(from, true)) {
            Optional<PlannedSession> a = Optional.ofNullable(was.get(d)), b = Optional.ofNullable(now.get(d));
            if (!Objects.equals(a, b)) {
                changes.add(f.day(d) + ": " + a.map(s -> brief(s, f)).orElse("rest") + " → " + b.map(s -> brief(s, f)).orElse("rest"));
            }
        }
        if (changes.isEmpty()) {
            return "";
        }
        String named = String.join("; ", changes.subList(0, Math.min(NAMED_DAYS, changes.size())));
        int more = changes.size() - NAMED_DAYS;
        return "What changes: " + named + (more > 0 ? "; and " + more + " more day" + (more == 1 ? "" : "s") : "") + ".";
    }

    private static String brief(PlannedSession s, Format f) {
        return s.kind().label() + " " + f.distance(s.distanceM());
    }

    private static Map<LocalDate, PlannedSession> byDay(TrainingPlan p) {
        Map<LocalDate, PlannedSession> m = new TreeMap<>();
        p.sessions().forEach(s -> m.put(s.date(), s));
        return m;
    }
}
