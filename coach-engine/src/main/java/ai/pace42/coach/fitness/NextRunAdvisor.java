package ai.pace42.coach.fitness;

import ai.pace42.coach.analysis.RunAnalysis;
import ai.pace42.coach.analysis.SessionType;
import ai.pace42.coach.analysis.Thresholds;
import ai.pace42.coach.analysis.TrainingPaces;
import ai.pace42.coach.model.Readiness;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Next-run guardrails of §4.8, first match wins: comeback after a break, race recovery, form below −30, stacked
 * hard days, 48 h since the last quality session, two quality sessions already this week; then a long run on
 * the weekend if none this week; otherwise the quality session that was not done last.
 */
public final class NextRunAdvisor {

    static final double FORM_FLOOR = -30;
    static final int BREAK_DAYS = 14;

    private NextRunAdvisor() {
    }

    /**
     * @param form freshness going into {@code day} (NaN when unknown)
     */
    public static Recommendation advise(TrainingHistory h, LocalDate day, double form) {
        return advise(h, day, form, Optional.empty());
    }

    /**
     * @param readiness the device's readiness for {@code day}; low readiness can only make the day easier
     */
    public static Recommendation advise(TrainingHistory h, LocalDate day, double form, Optional<Readiness> readiness) {
        Thresholds th = h.thresholds();
        Optional<TrainingPaces> paces = th.paces();
        double ceiling = th.easyCeilingHr().orElse(Double.NaN);
        List<RunAnalysis> before = h.runs().stream().filter(r -> h.dateOf(r).isBefore(day)).toList();
        List<String> why = new ArrayList<>();
        if (before.isEmpty()) {
            why.add("no runs yet to build on");
            return easy(day, NextSession.RETURN_EASY, 20, 30, paces, ceiling, why, day.plusDays(7), "walk-run if 20 minutes feels long");
        }
        RunAnalysis last = before.get(before.size() - 1);
        LocalDate lastDate = h.dateOf(last);
        long daysOff = ChronoUnit.DAYS.between(lastDate, day) - 1;
        double longest30 = h.longestBefore(day.atStartOfDay(h.zone()).toInstant(), 30);
        if (daysOff >= BREAK_DAYS) {
            double factor = TimeOff.vdotFactor(daysOff + 1, false);
            why.add(String.format(Locale.ROOT, "%d days since your last run: fitness factor about %.3f of your VDOT", daysOff + 1, factor));
            why.add("your 30-day longest run is " + (longest30 > 0 ? Math.round(longest30 / 1000) + " km" : "0 km") + ", so start with 20–30 minutes");
            Optional<TrainingPaces> reduced = th.vdot().map(v -> TrainingPaces.forVdot(v.value() * factor));
            return easy(day, NextSession.RETURN_EASY, 20, 30, reduced, ceiling, why, day.plusDays(14),
                    "if anything still feels off, rest another day");
        }
        Optional<RunAnalysis> race = before.stream().filter(r -> r.type() == SessionType.RACE).reduce((a, b) -> b);
        if (race.isPresent()) {
            int recovery = (int) Math.max(3, Math.round(race.get().distanceM() / 1000 / 3));
            LocalDate recovered = h.dateOf(race.get()).plusDays(recovery + 1);
            if (day.isBefore(recovered)) {
                why.add("you raced " + Math.round(race.get().distanceM() / 100) / 10.0 + " km on " + h.dateOf(race.get()).getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)
                        + ": about " + recovery + " easy days before any quality");
                return easy(day, NextSession.EASY, 30, 40, paces, ceiling, why, recovered, "rest if your legs are still sore");
            }
        }
        int streak = hardStreak(h, before, day);
        LocalDate lastHard = lastDateOf(h, before, SessionType::hard);
        LocalDate lastQuality = lastDateOf(h, before, SessionType::quality);
        LocalDate earliest = lastQuality == null ? day : lastQuality.plusDays(2);
        if (streak >= 2 && lastHard != null) {
            earliest = max(earliest, lastHard.plusDays(2));
        }
        if (!Double.isNaN(form) && form < FORM_FLOOR) {
            why.add(String.format(Locale.ROOT, "your form is %.0f, below −30: no quality today", form));
        }
        if (streak >= 2) {
            why.add(streak + " moderate-to-hard days in a row");
        }
        readiness.filter(Readiness::low).ifPresent(r -> why.add("your watch reports " + r.describe() + ", so keep today easy"));
        if (!why.isEmpty()) {
            return easy(day, NextSession.REST_OR_EASY, 30, 40, paces, ceiling, why, max(earliest, day.plusDays(1)),
                    "a full rest day is just as good");
        }
        Optional<String> thin = tooLittleHistory(h, before);
        if (thin.isPresent()) {
            why.add(thin.get());
            return easy(day, NextSession.EASY, 30, 40, paces, ceiling, why, day.plusDays(2),
                    "a brisk walk or rest if 30 minutes feels long");
        }
        if (last.type() == SessionType.LONG && lastDate.equals(day.minusDays(1))) {
            why.add("yesterday's long run was " + Math.round(last.distanceM() / 100) / 10.0
                    + " km: the day after a long run is easy");
            return easy(day, NextSession.EASY, 30, 45, paces, ceiling, why, max(earliest, day.plusDays(1)),
                    "rest if your legs are heavy");
        }
        if (lastQuality != null && day.isBefore(lastQuality.plusDays(2))) {
            why.add("your last quality session was on " + lastQuality.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)
                    + ": keep 48 hours between quality sessions");
            return easy(day, NextSession.EASY, 35, 50, paces, ceiling, why, earliest, "30 minutes easy if your legs feel heavy");
        }
        long qualityThisWeek = before.stream().filter(r -> r.type().quality()
                && !h.dateOf(r).isBefore(day.minusDays(6))).count();
        boolean longThisWeek = before.stream().anyMatch(r -> r.type() == SessionType.LONG
                && !h.dateOf(r).isBefore(day.minusDays(6)));
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (!longThisWeek && (weekend || qualityThisWeek >= 2) && longest30 > 0) {
            double cap = Math.min(longest30 * SpikeCheck.ALLOWED_FACTOR, longest30 + 3000);
            why.add("no long run in the last 7 days");
            why.add("spike guard: at most " + Math.round(cap / 1000) + " km, 110% of your 30-day longest ("
                    + Math.round(longest30 / 100) / 10.0 + " km)");
            return new Recommendation(day, NextSession.LONG, 75, 150, cap,
                    paces.map(TrainingPaces::easyFastSpeed).orElse(Double.NaN),
                    paces.map(TrainingPaces::easySlowSpeed).orElse(Double.NaN), ceiling,
                    "steady at easy effort the whole way", why, max(earliest, day.plusDays(2)),
                    "if short on time: 60 minutes easy");
        }
        if (qualityThisWeek >= 2) {
            why.add(qualityThisWeek + " quality sessions in the last 7 days already");
            return easy(day, NextSession.EASY, 35, 50, paces, ceiling, why, earliest, "rest if tired");
        }
        boolean lastWasIntervals = before.stream().filter(r -> r.type().quality()).reduce((a, b) -> b)
                .map(r -> r.type() == SessionType.INTERVALS).orElse(false);
        why.add(lastQuality == null ? "no quality session in your recent runs"
                : "more than 48 hours since your last quality session (" + lastQuality.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH) + " " + lastQuality.getDayOfMonth() + " " + lastQuality.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH) + ")");
        if (lastWasIntervals) {
            return new Recommendation(day, NextSession.TEMPO, 50, 60, Double.NaN,
                    paces.map(p -> p.thresholdSpeed() * 1.01).orElse(Double.NaN),
                    paces.map(p -> p.thresholdSpeed() * 0.99).orElse(Double.NaN), th.effectiveLthr().orElse(Double.NaN),
                    "15 min easy, 3 × 10 min at threshold pace with 2 min easy jog, 10 min easy", why,
                    day.plusDays(2), "if legs feel heavy: 40 minutes easy instead");
        }
        return new Recommendation(day, NextSession.INTERVALS, 50, 60, Double.NaN,
                paces.map(p -> p.intervalSpeed() * 1.01).orElse(Double.NaN),
                paces.map(p -> p.intervalSpeed() * 0.99).orElse(Double.NaN), Double.NaN,
                "15 min easy, 5 × 1000 m at interval pace with 2–3 min easy jog, 10 min easy", why,
                day.plusDays(2), "if legs feel heavy: 40 minutes easy instead");
    }

    /**
     * Quality sessions build on a base: with fewer than {@link ThresholdResolver#MIN_RUNS_FOR_ESTIMATES} runs over
     * four weeks (or only a few minutes of running) there is neither a base nor anything to set their paces from, so
     * one short run never earns an interval session.
     */
    static Optional<String> tooLittleHistory(TrainingHistory h, List<RunAnalysis> before) {
        LocalDate first = h.dateOf(before.get(0));
        LocalDate last = h.dateOf(before.get(before.size() - 1));
        long spanDays = ChronoUnit.DAYS.between(first, last);
        boolean enough = before.size() >= ThresholdResolver.MIN_RUNS_FOR_ESTIMATES
                && spanDays >= ThresholdResolver.MIN_SPAN_FOR_ESTIMATES.toDays();
        if (enough) {
            return Optional.empty();
        }
        double minutes = before.stream().mapToDouble(r -> Double.isNaN(r.movingS()) ? 0 : r.movingS()).sum() / 60;
        String runs = before.size() == 1 ? "only 1 run" : "only " + before.size() + " runs";
        String over = before.size() == 1 ? "" : " over " + (spanDays + 1) + (spanDays == 0 ? " day" : " days");
        return Optional.of(String.format(Locale.ROOT, "%s%s (%.0f min of running) in your history: easy running builds"
                + " the base first; quality sessions come once there are %d runs over 4 weeks", runs, over, minutes,
                ThresholdResolver.MIN_RUNS_FOR_ESTIMATES));
    }

    private static Recommendation easy(LocalDate day, NextSession kind, int min, int max, Optional<TrainingPaces> paces,
                                       double ceiling, List<String> why, LocalDate earliest, String alternative) {
        return new Recommendation(day, kind, min, max, Double.NaN,
                paces.map(TrainingPaces::easyFastSpeed).orElse(Double.NaN),
                paces.map(TrainingPaces::easySlowSpeed).orElse(Double.NaN), ceiling,
                "relaxed, conversational effort", why, earliest, alternative);
    }

    /** Consecutive days with a hard session ending the day before {@code day}. */
    static int hardStreak(TrainingHistory h, List<RunAnalysis> before, LocalDate day) {
        int streak = 0;
        for (LocalDate d = day.minusDays(1); ; d = d.minusDays(1)) {
            LocalDate current = d;
            boolean hard = before.stream().anyMatch(r -> h.dateOf(r).equals(current) && r.type().hard());
            if (!hard) {
                return streak;
            }
            streak++;
        }
    }

    private static LocalDate lastDateOf(TrainingHistory h, List<RunAnalysis> before,
                                        java.util.function.Predicate<SessionType> kind) {
        LocalDate last = null;
        for (RunAnalysis r : before) {
            if (kind.test(r.type())) {
                last = h.dateOf(r);
            }
        }
        return last;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
