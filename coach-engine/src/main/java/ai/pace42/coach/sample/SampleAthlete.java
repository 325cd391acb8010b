package ai.pace42.coach.sample;

import ai.pace42.coach.analysis.TrainingPaces;
import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivityHeader;
import ai.pace42.coach.model.ActivitySource;
import ai.pace42.coach.model.AthleteProfile;
import ai.pace42.coach.model.LapIntensity;
import ai.pace42.coach.model.SessionTags;
import ai.pace42.coach.model.Sex;
import ai.pace42.coach.model.Sourced;
import ai.pace42.coach.model.SportType;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A made-up runner with 16 weeks of deterministic training ending yesterday, so a new user can try every question
 * before linking Garmin. The week: intervals or hills-free tempo, easy days, a long run; every fourth week is a
 * cut-back; week 10 ends with a 10 km race; there is a treadmill run without GPS, a run without HR, a run with a
 * pause, a traffic-light stop with the timer running on one easy run a week, and the latest long run was hot and drifted.
 * Runs carry watch-like noise (slow pace wander, GPS jitter, HR noise; {@link RunSynthesizer#realistic()}), so a demo
 * goes through the same cleaning as a real file. Same end date → same data.
 */
public final class SampleAthlete implements ActivitySource {

    public static final String SOURCE = "sample";
    /** The athlete's underlying fitness; the race in week 10 is run at this VDOT. */
    static final double TRUE_VDOT = 46.0;
    static final int WEEKS = 16;

    private final Clock clock;
    private final ZoneId zone;
    /** Only the current day's history is kept: a new day regenerates it (same date → same data). */
    private volatile Generated current;

    private record Generated(LocalDate day, Map<String, Activity> runs) {
    }

    public SampleAthlete(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    public SampleAthlete(Clock clock) {
        this(clock, ZoneId.of("Europe/Amsterdam"));
    }

    @Override
    public String label() {
        return "the sample athlete";
    }

    @Override
    public boolean isSample() {
        return true;
    }

    @Override
    public AthleteProfile profile() {
        return AthleteProfile.unknown()
                .withMaxHeartRate(Sourced.userSet(186.0))
                .withRestingHeartRate(Sourced.userSet(50.0))
                .withLactateThresholdHeartRate(Sourced.userSet(168.0))
                .withSex(Sourced.userSet(Sex.MALE));
    }

    @Override
    public List<ActivityHeader> list(Instant from, Instant to) {
        return activities().values().stream()
                .filter(a -> a.startInstant().map(t -> !t.isBefore(from) && t.isBefore(to)).orElse(false))
                .sorted(Comparator.comparing((Activity a) -> a.startInstant().get()).reversed())
                .map(Activity::header).toList();
    }

    @Override
    public Optional<Activity> load(String activityId) {
        return Optional.ofNullable(activities().get(activityId));
    }

    private Map<String, Activity> activities() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Generated g = current;
        if (g == null || !g.day().equals(today)) {
            g = new Generated(today, generate(today));
            current = g;
        }
        return g.runs();
    }

    /** All runs, keyed by id; the last one is yesterday. */
    Map<String, Activity> generate(LocalDate today) {
        TrainingPaces p = TrainingPaces.forVdot(TRUE_VDOT);
        double e = 1000 / ((p.easySlowSpeed() + p.easyFastSpeed()) / 2) + 10;
        double t = 1000 / p.thresholdSpeed();
        double i = 1000 / p.intervalSpeed();
        List<Activity> out = new ArrayList<>();
        LocalDate first = today.minusDays(WEEKS * 7L);
        for (int w = 0; w < WEEKS; w++) {
            boolean cutBack = w % 4 == 2;
            int longKm = cutBack ? 12 + w / 4 : 14 + w - w / 4;
            for (int k = 0; k < 7; k++) {
                LocalDate day = first.plusDays(w * 7L + k);
                ZonedDateTime start = day.atTime(k == 6 ? 8 : 18, 15).atZone(zone);
                long seed = day.toEpochDay();
                String id = "sample-" + day;
                Activity a = switch (k) {
                    case 1 -> cutBack || w == 10 ? easy(seed, 40, e, 142).name("Easy run").build(id, SOURCE, start)
                            : intervals(seed, w, e, i).build(id, SOURCE, start);
                    case 2 -> w == 13 ? easy(seed, 45, e, 141).sport(SportType.TREADMILL).withoutGps()
                            .name("Treadmill easy").build(id, SOURCE, start)
                            : w == 12 ? easy(seed, 50, e, 141).pause(22, 150).name("Easy run").build(id, SOURCE, start)
                            : easy(seed, 50, e, 141).name("Easy run").build(id, SOURCE, start);
                    case 3 -> cutBack ? null : tempo(seed, w, e, t).build(id, SOURCE, start);
                    case 5 -> w == 14 ? easy(seed, 40, e, 140).withoutHeartRate().name("Easy run (no HR strap)")
                            .build(id, SOURCE, start)
                            : easy(seed, 40, e, 140).stop(17, 35).name("Easy run").build(id, SOURCE, start);
                    case 6 -> w == 9 ? race(seed).build(id, SOURCE, start)
                            : longRun(seed, longKm, e, w == WEEKS - 1).build(id, SOURCE, start);
                    default -> null;
                };
                if (a != null) {
                    out.add(a);
                }
            }
        }
        return out.stream().collect(Collectors.toMap(Activity::id, Function.identity(), (x, y) -> x,
                java.util.LinkedHashMap::new));
    }

    private static RunSynthesizer easy(long seed, double minutes, double pace, double hr) {
        return RunSynthesizer.seeded(seed).realistic().initialHr(95)
                .segment(minutes * 0.5, pace + 5, hr - 2, hr)
                .segment(minutes * 0.5, pace, hr, hr + 3);
    }

    private static RunSynthesizer intervals(long seed, int week, double easy, double interval) {
        int reps = 5 + Math.min(2, week / 5);
        RunSynthesizer r = RunSynthesizer.seeded(seed).realistic().initialHr(95).withLaps().name(reps + " × 1000 m")
                .segment(15, easy + 10, 135, 138, 0, LapIntensity.WARMUP);
        for (int k = 0; k < reps; k++) {
            double hr = 172 + k * 1.5;
            r.distance(1000, interval + (k == reps - 1 ? 1 : 0), hr, hr + 4, 0, LapIntensity.ACTIVE);
            if (k < reps - 1) {
                r.segment(2, easy + 60, 140, 132, 0, LapIntensity.REST);
            }
        }
        return r.segment(10, easy + 15, 140, 132, 0, LapIntensity.COOLDOWN).tags(SessionTags.planned("intervals"));
    }

    private static RunSynthesizer tempo(long seed, int week, double easy, double threshold) {
        double minutes = 20 + Math.min(10, week);
        return RunSynthesizer.seeded(seed).realistic().initialHr(95).withLaps().name("Tempo " + Math.round(minutes) + " min")
                .segment(15, easy + 5, 136, 140, 0, LapIntensity.WARMUP)
                .segment(minutes, threshold, 162, 166, 0, LapIntensity.ACTIVE)
                .segment(10, easy + 15, 145, 135, 0, LapIntensity.COOLDOWN)
                .tags(SessionTags.planned("tempo"));
    }

    private static RunSynthesizer longRun(long seed, int km, double easy, boolean hot) {
        double pace = easy + 10;
        RunSynthesizer r = RunSynthesizer.seeded(seed).realistic().initialHr(95).name(hot ? "Hot long run" : "Long run");
        double half = km * 1000 / 2.0;
        if (hot) {
            // 29 °C: the heart works harder for the same pace as the run goes on.
            r.distance(half, pace, 142, 148, 0.0, LapIntensity.UNKNOWN)
                    .distance(half, pace + 3, 150, 160, 0.0, LapIntensity.UNKNOWN).temperature(29);
        } else {
            r.distance(half, pace, 139, 141, 0.0, LapIntensity.UNKNOWN)
                    .distance(half, pace - 3, 141, 144, 0.0, LapIntensity.UNKNOWN).temperature(14);
        }
        return r;
    }

    private static RunSynthesizer race(long seed) {
        double raceTime = ai.pace42.coach.analysis.Vdot.equivalentTimeS(TRUE_VDOT, 10_000);
        double pace = raceTime / 10;
        return RunSynthesizer.seeded(seed).realistic().initialHr(110).name("Parkside 10K").tags(SessionTags.raceTag())
                .paceNoise(0.01)
                .distance(5000, pace - 2, 170, 176, 0, LapIntensity.UNKNOWN)
                .distance(5000, pace + 2, 177, 182, 0, LapIntensity.UNKNOWN);
    }

    /** Convenience for the server: the sample athlete for any account, using the system clock. */
    public static SampleAthlete withSystemClock() {
        return new SampleAthlete(Clock.systemUTC());
    }

}
