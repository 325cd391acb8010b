package ai.pace42.coach.plan;

import ai.pace42.coach.UnitSystem;
import ai.pace42.coach.analysis.TrainingPaces;
import ai.pace42.coach.analysis.Vdot;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds a plan backwards from the race date: taper, then peak, build and base, with cut-back weeks every fourth
 * week counted back from the taper. Every week is built from the volume the weeks before it actually reached
 * (after rounding), so a planned week can never ramp more than the guardrails allow; the finished plan is checked
 * by {@link PlanGuardrails} all the same, and a plan that fails a guardrail is never returned.
 */
public final class PlanGenerator {

    /** Planned weekly increase: below the 10% guardrail so rounding never reaches it. */
    static final double RAMP = 0.08;
    static final double CUT_BACK_SHARE = 0.80;
    static final double CUT_BACK_LONG_SHARE = 0.75;
    /**
     * Long run as a share of the week: §3.18 flags above 35%; with only 3–4 running days the long run is necessarily
     * a larger share, so pace42 allows 45% there (a product default).
     */
    static final double LONG_SHARE_FEW_DAYS = 0.45;
    static final double LONG_SHARE = 0.35;
    /** Taper volume per week as a share of the peak week (Bosquet: cut 41–60%; Pfitzinger: 3 weeks). */
    static final double[][] TAPER_SHARES = {{0.5}, {0.7, 0.5}, {0.8, 0.65, 0.5}};
    static final double TAPER_WORK_SHARE = 0.7;
    static final int MAX_WEEKS = 24;
    static final int MIN_DAYS = 3;
    static final int MAX_DAYS = 6;
    static final double EASY_MIN_M = 3_000;
    static final double WARM_UP_M = 2_000;
    /** Daniels: E runs at most about 150 minutes; for the marathon pace42 allows three hours, as many coaches do. */
    static final double LONG_MAX_S = 150 * 60;
    static final double MARATHON_LONG_MAX_S = 180 * 60;
    /** An easy run stays clearly shorter than the week's long run. */
    static final double EASY_MAX_SHARE_OF_LONG = 0.75;
    /** Where the runner already is above the distance's goal volume, the plan still grows by this much. */
    static final double GROWTH_ABOVE_BASELINE = 1.10;
    /** Daniels: a single M run at most 18 miles or 110 minutes. */
    static final double M_MAX_M = 18 * 1609.344;
    static final double M_MAX_S = 110 * 60;
    /** Running days as offsets from the long-run day, by days a week (index 3..6). Quality on offsets 2 and 4. */
    private static final int[][] PATTERN = {{}, {}, {}, {0, 2, 4}, {0, 2, 4, 5}, {0, 1, 2, 4, 5}, {0, 1, 2, 3, 4, 5}};
    private static final int Q1 = 2, Q2 = 4;
    private static final double[] SHORTER = {21_097.5, 10_000, 5_000};
    private static final int SEARCH_WEEKS = 30;

    private PlanGenerator() {
    }

    public static PlanOutcome generate(PlanRequest request, CurrentFitness fitness) {
        Optional<RaceCategory> category = RaceCategory.of(request.raceDistanceM());
        if (category.isEmpty()) {
            return new PlanOutcome.Refused("PLAN_DISTANCE_UNSUPPORTED", "I plan races from 5 km to the marathon; "
                    + "ultra distances need rules (fuelling, back-to-back long runs) I do not have.", Optional.empty(), Optional.empty());
        }
        if (!request.raceDate().isAfter(request.madeOn())) {
            return new PlanOutcome.Refused("PLAN_DATE_PAST", "The race date " + request.raceDate() + " is not in the future.",
                    Optional.empty(), Optional.empty());
        }
        List<String> notes = new ArrayList<>();
        PlanRequest req = request;
        if (request.daysPerWeek() > MAX_DAYS) {
            notes.add("You offered " + request.daysPerWeek() + " days; the plan uses " + MAX_DAYS + " and keeps one full rest day a week.");
            req = new PlanRequest(request.raceDate(), request.raceDistanceM(), MAX_DAYS, request.longRunDay(), request.madeOn(), request.units());
        }
        if (req.daysPerWeek() < MIN_DAYS) {
            PlanRequest three = new PlanRequest(req.raceDate(), req.raceDistanceM(), MIN_DAYS, req.longRunDay(), req.madeOn(), req.units());
            return new PlanOutcome.Refused("PLAN_TOO_FEW_DAYS", "A race plan needs at least " + MIN_DAYS
                    + " running days a week: fewer cannot hold a long run, a quality session and easy days apart.",
                    attempt(three, fitness, notes).plan(), Optional.empty());
        }
        Attempt first = attempt(req, fitness, notes);
        if (first.plan().isPresent()) {
            return new PlanOutcome.Ready(first.plan().get());
        }
        Optional<TrainingPlan> later = Optional.empty();
        for (int k = 1; k <= SEARCH_WEEKS && later.isEmpty(); k++) {
            later = attempt(req.withRaceDate(req.raceDate().plusWeeks(k)), fitness, notes).plan();
        }
        Optional<TrainingPlan> shorter = Optional.empty();
        for (double d : SHORTER) {
            if (shorter.isEmpty() && RaceCategory.of(d).get().ordinal() < category.get().ordinal()) {
                shorter = attempt(req.withDistance(d), fitness, notes).plan();
            }
        }
        return new PlanOutcome.Refused("PLAN_TOO_CLOSE", first.reason(), later, shorter);
    }

    private record Attempt(Optional<TrainingPlan> plan, String reason) {
    }

    private static Attempt attempt(PlanRequest req, CurrentFitness fit, List<String> baseNotes) {
        RaceCategory cat = RaceCategory.of(req.raceDistanceM()).orElseThrow();
        List<String> notes = new ArrayList<>(baseNotes);
        long days = ChronoUnit.DAYS.between(req.madeOn(), req.raceDate());
        int weeks = (int) (days / 7);
        if (weeks > MAX_WEEKS) {
            weeks = MAX_WEEKS;
        }
        boolean prepared = fit.longestRecentM() >= cat.requiredLongM() && fit.weeklyM() >= 0.75 * cat.goalWeeklyM();
        int minWeeks = prepared ? cat.sharpeningWeeks() : cat.standardWeeks();
        Units u = new Units(req.units());
        if (weeks < minWeeks) {
            return new Attempt(Optional.empty(), String.format(Locale.ROOT,
                    "%d full weeks to the race is too close: from your current training (%s a week, longest run %s in the "
                            + "last 30 days) a %s needs at least %d weeks.",
                    weeks, u.text(fit.weeklyM()), u.text(fit.longestRecentM()), cat.label(), minWeeks));
        }
        LocalDate start = req.raceDate().plusDays(1).minusWeeks(weeks);
        if (days / 7 > MAX_WEEKS) {
            notes.add("The plan starts on " + start + ", " + MAX_WEEKS + " weeks out; until then keep your current easy running.");
        }
        TrainingPlan plan = new Builder(req, fit, cat, u, weeks, start).build(notes);
        if (plan.peakLongRunM() < cat.requiredLongM() * 0.97) {
            return new Attempt(Optional.empty(), String.format(Locale.ROOT,
                    "In %d weeks your long run can only grow safely (at most 10%% above the longest run of the 30 days "
                            + "before it) from %s to %s; a %s needs a long run of at least %s first.",
                    weeks, u.text(fit.longestRecentM()), u.text(plan.peakLongRunM()), cat.label(), u.text(cat.requiredLongM())));
        }
        List<PlanGuardrails.Violation> violations = PlanGuardrails.check(plan);
        if (!violations.isEmpty()) {
            PlanGuardrails.Violation v = violations.get(0);
            return new Attempt(Optional.empty(), "No safe plan fits: " + v.detail() + " (" + v.date() + ").");
        }
        return new Attempt(Optional.of(plan), "");
    }

    /**
     * Distances are rounded down (so rounding never adds load) to half a kilometre or mile, and below 8 units to a
     * tenth: 10% of a 4 km run is less than half a kilometre, and coarser steps would stop short runs from growing.
     */
    record Units(UnitSystem system) {
        static final double FINE_BELOW_UNITS = 8;

        double unit() {
            return system == UnitSystem.IMPERIAL ? 1609.344 : 1000;
        }

        double step() {
            return unit() / 2;
        }

        private double stepFor(double m) {
            return m < FINE_BELOW_UNITS * unit() ? unit() / 10 : step();
        }

        double floor(double m) {
            double st = stepFor(m);
            return Math.floor(m / st + 1e-9) * st;
        }

        double round(double m) {
            double st = stepFor(m);
            return Math.round(m / st) * st;
        }

        String text(double m) {
            return String.format(Locale.ROOT, "%.1f %s", m / unit(), system.distanceUnit());
        }
    }

    /** Builds the weeks in order; each from what the weeks before it actually hold. */
    private static final class Builder {
        private final PlanRequest req;
        private final CurrentFitness fit;
        private final RaceCategory cat;
        private final Units u;
        private final int weeks;
        private final LocalDate start;
        private final Optional<TrainingPaces> paces;
        private final List<PlannedSession> planned = new ArrayList<>();
        private final double longShare;

        Builder(PlanRequest req, CurrentFitness fit, RaceCategory cat, Units u, int weeks, LocalDate start) {
            this.req = req;
            this.fit = fit;
            this.cat = cat;
            this.u = u;
            this.weeks = weeks;
            this.start = start;
            this.paces = fit.vdot().isPresent() ? Optional.of(TrainingPaces.forVdot(fit.vdot().getAsDouble())) : Optional.empty();
            this.longShare = req.daysPerWeek() <= 4 ? LONG_SHARE_FEW_DAYS : LONG_SHARE;
        }

        TrainingPlan build(List<String> notes) {
            int taper = cat.taperWeeks();
            int training = weeks - taper;
            Phase[] phases = phases(training, taper);
            double baseline = PlanGuardrails.baselineWeeklyM(fit);
            double peakVolume = Math.max(Math.max(cat.goalWeeklyM(), cat.goalLongM() / longShare), baseline * GROWTH_ABOVE_BASELINE);
            double previous = baseline, beforeThat = baseline, peakWeek = 0, peakLong = 0, lastLong = fit.longestRecentM();
            List<PlanWeek> out = new ArrayList<>();
            int baseIndex = 0;
            for (int i = 0; i < weeks; i++) {
                LocalDate weekStart = start.plusWeeks(i);
                Phase phase = phases[i];
                boolean cut = i < training && (training - i) % 4 == 0;
                double volume;
                List<SessionKind> quality;
                double longTarget;
                double workShare = 1;
                boolean raceWeek = i == weeks - 1;
                if (i < training) {
                    double reference = Math.max(previous, beforeThat);
                    volume = cut ? CUT_BACK_SHARE * previous
                            : reference >= peakVolume ? reference : Math.min(peakVolume, reference * (1 + RAMP));
                    quality = cut ? qualityOf(phase, baseIndex).stream().limit(1).toList() : qualityOf(phase, baseIndex);
                    longTarget = cut ? CUT_BACK_LONG_SHARE * lastLong : cat.goalLongM();
                    if (phase == Phase.BASE) {
                        baseIndex++;
                    }
                } else {
                    double share = TAPER_SHARES[taper - 1][i - training];
                    volume = share * peakWeek;
                    quality = raceWeek ? List.of(SessionKind.THRESHOLD) : qualityOf(Phase.PEAK, 0);
                    longTarget = share * peakLong;
                    workShare = TAPER_WORK_SHARE;
                }
                List<PlannedSession> sessions = raceWeek ? raceWeek(weekStart, volume)
                        : week(weekStart, volume, quality, longTarget, workShare, phase == Phase.BASE || phase == Phase.BUILD);
                planned.addAll(sessions);
                PlanWeek w = new PlanWeek(i, weekStart, phase, cut, sessions);
                out.add(w);
                beforeThat = previous;
                previous = w.volumeM();
                if (i < training) {
                    peakWeek = Math.max(peakWeek, w.volumeM());
                }
                double longest = sessions.stream().filter(s -> s.kind() == SessionKind.LONG).mapToDouble(PlannedSession::distanceM).max().orElse(0);
                if (longest > 0) {
                    lastLong = longest;
                    peakLong = Math.max(peakLong, longest);
                }
            }
            return new TrainingPlan(req, fit, out, notes);
        }

        private Phase[] phases(int training, int taper) {
            int peak = training >= 2 ? Math.max(1, (int) Math.round(training * 0.25)) : training;
            int build = training - peak >= 1 ? Math.min(training - peak, Math.max(1, (int) Math.round(training * 0.35))) : 0;
            int base = training - peak - build;
            Phase[] p = new Phase[training + taper];
            for (int i = 0; i < p.length; i++) {
                p[i] = i < base ? Phase.BASE : i < base + build ? Phase.BUILD : i < training ? Phase.PEAK : Phase.TAPER;
            }
            return p;
        }

        private List<SessionKind> qualityOf(Phase phase, int baseIndex) {
            List<SessionKind> kinds = switch (phase) {
                case BASE -> baseIndex == 0 || req.daysPerWeek() < 4 ? List.of() : List.of(SessionKind.REPETITIONS);
                case BUILD -> List.of(SessionKind.THRESHOLD, SessionKind.INTERVALS);
                case PEAK, TAPER -> switch (cat) {
                    case FIVE_K, TEN_K -> List.of(SessionKind.INTERVALS, SessionKind.THRESHOLD);
                    case HALF -> List.of(SessionKind.THRESHOLD, SessionKind.INTERVALS);
                    case MARATHON -> List.of(SessionKind.MARATHON_PACE, SessionKind.THRESHOLD);
                };
            };
            return req.daysPerWeek() == MIN_DAYS ? kinds.stream().limit(1).toList() : kinds;
        }

        private LocalDate dayAt(LocalDate weekStart, int offset) {
            DayOfWeek d = req.longRunDay().plus(offset);
            LocalDate date = weekStart;
            while (date.getDayOfWeek() != d) {
                date = date.plusDays(1);
            }
            return date;
        }

        private double allowed(LocalDate day) {
            return PlanGuardrails.allowedRunM(fit, planned, day);
        }

        private List<PlannedSession> week(LocalDate weekStart, double volume, List<SessionKind> quality, double longTarget,
                                          double workShare, boolean strides) {
            int[] offsets = PATTERN[req.daysPerWeek()];
            LocalDate longDay = dayAt(weekStart, 0);
            double easySlow = paces.map(TrainingPaces::easySlowSpeed).orElse(Double.NaN);
            double maxS = cat == RaceCategory.MARATHON ? MARATHON_LONG_MAX_S : LONG_MAX_S;
            double longCap = Double.isNaN(easySlow) ? Double.MAX_VALUE : maxS * (easySlow + easyFast()) / 2;
            // The share of the week shapes the long run but never cuts it below what the runner already runs.
            double shaped = Math.max(longShare * volume, Math.min(fit.longestRecentM(), longTarget));
            double longM = u.floor(Math.min(Math.min(longTarget, allowed(longDay)), Math.min(shaped, longCap)));
            List<PlannedSession> out = new ArrayList<>();
            out.add(PlannedSession.easy(longDay, SessionKind.LONG, longM, easyFast(), easySlow, false));
            double budget = volume - longM;
            List<Integer> easyOffsets = new ArrayList<>();
            for (int o : offsets) {
                if (o != 0) {
                    easyOffsets.add(o);
                }
            }
            int[] qualityOffsets = {Q1, Q2};
            for (int q = 0; q < quality.size(); q++) {
                LocalDate day = dayAt(weekStart, qualityOffsets[q]);
                Optional<PlannedSession> s = quality(day, quality.get(q), volume, workShare, budget);
                if (s.isPresent()) {
                    out.add(s.get());
                    budget -= s.get().distanceM();
                    easyOffsets.remove(Integer.valueOf(qualityOffsets[q]));
                }
            }
            addEasy(out, weekStart, easyOffsets, budget, strides, false, Math.max(u.round(EASY_MIN_M), EASY_MAX_SHARE_OF_LONG * longM));
            return sorted(out);
        }

        private void addEasy(List<PlannedSession> out, LocalDate weekStart, List<Integer> offsets, double budget,
                             boolean strides, boolean nearest, double maxEach) {
            int n = offsets.size();
            double each = 0;
            while (n > 0) {
                each = nearest ? u.round(budget / n) : u.floor(budget / n);
                if (each >= u.round(EASY_MIN_M)) {
                    break;
                }
                n--;
            }
            // Rounding every run down would lose up to a step per run each week and stall the build: the steps
            // the budget still holds go to the first runs, so the week stays within one step below its target.
            int extra = n > 0 ? (int) Math.floor((budget - n * each) / u.step() + 1e-9) : 0; // whole steps left over
            for (int k = 0; k < n; k++) {
                LocalDate day = dayAt(weekStart, offsets.get(k));
                double wanted = each + (k < extra ? u.step() : 0);
                double m = u.floor(Math.min(Math.min(wanted, maxEach), allowed(day)));
                if (m >= u.round(EASY_MIN_M) || m >= allowed(day) - 1) {
                    out.add(PlannedSession.easy(day, SessionKind.EASY, m, easyFast(), easySlowOr(), strides && k == 0));
                }
            }
        }

        private double easyFast() {
            return paces.map(TrainingPaces::easyFastSpeed).orElse(Double.NaN);
        }

        private double easySlowOr() {
            return paces.map(TrainingPaces::easySlowSpeed).orElse(Double.NaN);
        }

        /** A quality session sized by Daniels' caps on the week's volume; empty when it no longer fits. */
        private Optional<PlannedSession> quality(LocalDate day, SessionKind kind, double volume, double workShare, double budget) {
            double wu = u.floor(WARM_UP_M);
            double limit = Math.min(allowed(day), budget - u.round(EASY_MIN_M));
            double speed = speedOf(kind);
            int reps = 0;
            double rep = 0, work, total;
            switch (kind) {
                case INTERVALS -> {
                    double cap = Math.min(0.08 * volume, 10_000) * workShare;
                    rep = cap >= 4_000 ? 1_000 : cap >= 2_400 ? 800 : 400;
                    reps = Math.min(rep == 1_000 ? 8 : 10, (int) Math.floor(cap / rep));
                    work = reps * rep;
                    total = u.floor(2 * wu + work + 0.5 * rep * (reps - 1));
                    if (reps < 3) {
                        return Optional.empty();
                    }
                }
                case REPETITIONS -> {
                    double cap = Math.min(0.05 * volume, 8_000) * workShare;
                    rep = cap >= 3_200 ? 400 : 200;
                    reps = Math.min(10, (int) Math.floor(cap / rep));
                    work = reps * rep;
                    total = u.floor(2 * wu + 2 * work);
                    if (reps < 4) {
                        return Optional.empty();
                    }
                }
                case MARATHON_PACE -> {
                    double mCap = Double.isNaN(speed) ? M_MAX_M : Math.min(M_MAX_M, M_MAX_S * speed);
                    work = u.floor(Math.min(0.20 * volume * workShare, mCap));
                    total = wu + work + wu;
                    if (work < u.step() * 4) {
                        return Optional.empty();
                    }
                }
                default -> {
                    work = u.floor(Math.min(0.10 * volume, 10_000) * workShare);
                    total = wu + work + wu;
                    if (work < u.step() * 2) {
                        return Optional.empty();
                    }
                }
            }
            if (total > limit) {
                return Optional.empty();
            }
            return Optional.of(new PlannedSession(day, kind, total, reps, rep, work, speed * 1.01, speed * 0.99, false));
        }

        private double speedOf(SessionKind kind) {
            if (paces.isEmpty()) {
                return Double.NaN;
            }
            TrainingPaces p = paces.get();
            return switch (kind) {
                case INTERVALS -> p.intervalSpeed();
                case REPETITIONS -> p.repetitionSpeed();
                case MARATHON_PACE -> p.marathonSpeed();
                default -> p.thresholdSpeed();
            };
        }

        /** Race week: one short threshold session at least three days out, easy runs, then the race. */
        private List<PlannedSession> raceWeek(LocalDate weekStart, double volume) {
            LocalDate race = req.raceDate();
            List<PlannedSession> out = new ArrayList<>();
            double raceSpeed = fit.vdot().isPresent()
                    ? req.raceDistanceM() / Vdot.equivalentTimeS(fit.vdot().getAsDouble(), req.raceDistanceM()) : Double.NaN;
            out.add(new PlannedSession(race, SessionKind.RACE, req.raceDistanceM(), 0, 0, req.raceDistanceM(), raceSpeed, raceSpeed, false));
            double budget = volume;
            List<Integer> easy = new ArrayList<>();
            for (int o : PATTERN[req.daysPerWeek()]) {
                LocalDate day = dayAt(weekStart, o);
                if (day.isBefore(race)) {
                    easy.add(o);
                }
            }
            LocalDate q = dayAt(weekStart, Q1);
            if (easy.contains(Q1) && !q.isAfter(race.minusDays(3))) {
                Optional<PlannedSession> s = quality(q, SessionKind.THRESHOLD, volume, 1, budget);
                if (s.isPresent()) {
                    out.add(s.get());
                    budget -= s.get().distanceM();
                    easy.remove(Integer.valueOf(Q1));
                }
            }
            addEasy(out, weekStart, easy, budget, false, true, Double.MAX_VALUE);
            return sorted(out);
        }

        private static List<PlannedSession> sorted(List<PlannedSession> s) {
            return s.stream().sorted(java.util.Comparator.comparing(PlannedSession::date)).toList();
        }
    }
}
