package ai.pace42.coach.weather;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The best two hours to run in a period: the window scores as its worse hour, daylight windows are preferred (a
 * night window only when the period has no daylight one), and the earliest wins a tie.
 *
 * @param start the first hour
 * @param end   the end of the last hour
 */
public record BestWindow(Instant start, Instant end, HourScore worse, boolean daylight) {

    public static final int HOURS = 2;

    public int score() {
        return worse.score();
    }

    /** @param scored the period's hours in ascending order */
    public static Optional<BestWindow> find(List<HourScore> scored) {
        Optional<BestWindow> day = best(scored, true);
        return day.isPresent() ? day : best(scored, false);
    }

    private static Optional<BestWindow> best(List<HourScore> scored, boolean daylightOnly) {
        BestWindow best = null;
        for (int i = 0; i + HOURS <= scored.size(); i++) {
            List<HourScore> w = scored.subList(i, i + HOURS);
            if (!consecutive(w) || daylightOnly && !w.stream().allMatch(s -> s.hour().isDaylight())) {
                continue;
            }
            HourScore worse = w.stream().min(java.util.Comparator.comparingInt(HourScore::score)).orElseThrow();
            if (best == null || worse.score() > best.score()) {
                best = new BestWindow(w.get(0).hour().time(), w.get(HOURS - 1).hour().time().plus(Duration.ofHours(1)),
                        worse, daylightOnly);
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean consecutive(List<HourScore> w) {
        for (int i = 1; i < w.size(); i++) {
            if (!Duration.between(w.get(i - 1).hour().time(), w.get(i).hour().time()).equals(Duration.ofHours(1))) {
                return false;
            }
        }
        return true;
    }
}
