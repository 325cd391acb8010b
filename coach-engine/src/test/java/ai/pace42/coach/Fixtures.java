package ai.pace42.coach;

import ai.pace42.coach.analysis.RunAnalysis;
import ai.pace42.coach.analysis.Thresholds;
import ai.pace42.coach.answer.CoachContext;
import ai.pace42.coach.answer.Format;
import ai.pace42.coach.fitness.ThresholdResolver;
import ai.pace42.coach.fitness.TrainingHistory;
import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivityHeader;
import ai.pace42.coach.model.ActivitySource;
import ai.pace42.coach.model.AthleteProfile;
import ai.pace42.coach.model.Sex;
import ai.pace42.coach.model.Sourced;
import ai.pace42.coach.sample.RunSynthesizer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Shared test data: the reference profile of the golden cases and an in-memory activity source. */
public final class Fixtures {

    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    /** A Thursday. */
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    public static final Instant NOW = TODAY.atTime(20, 0).atZone(ZONE).toInstant();

    private Fixtures() {
    }

    /** Golden-case profile: male, HRmax 188, HRrest 50, LTHR 170, VDOT 49.8. */
    public static AthleteProfile goldenProfile() {
        return AthleteProfile.unknown()
                .withMaxHeartRate(Sourced.userSet(188.0))
                .withRestingHeartRate(Sourced.userSet(50.0))
                .withLactateThresholdHeartRate(Sourced.userSet(170.0))
                .withVdot(Sourced.userSet(49.8))
                .withSex(Sourced.userSet(Sex.MALE));
    }

    public static ZonedDateTime at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(ZONE);
    }

    public static Activity build(RunSynthesizer s, String id, LocalDate day) {
        return s.build(id, "test", at(day, 7));
    }

    /** An easy flat run at the given pace and HR, as background history. */
    public static Activity easy(String id, LocalDate day, double minutes, double paceSPerKm, double hr) {
        return build(RunSynthesizer.seeded(day.toEpochDay()).initialHr(hr).segment(minutes, paceSPerKm, hr, hr), id, day);
    }

    public static Activity easyKm(String id, LocalDate day, double km, double paceSPerKm, double hr) {
        return build(RunSynthesizer.seeded(day.toEpochDay()).initialHr(hr)
                .distance(km * 1000, paceSPerKm, hr, hr, 0, ai.pace42.coach.model.LapIntensity.UNKNOWN).paceNoise(0), id, day);
    }

    /** A source holding exactly these activities. */
    public static ActivitySource source(AthleteProfile profile, List<Activity> activities) {
        return new ActivitySource() {
            @Override
            public String label() {
                return "test data";
            }

            @Override
            public List<ActivityHeader> list(Instant from, Instant to) {
                return activities.stream().filter(a -> a.startInstant().map(t -> !t.isBefore(from) && t.isBefore(to)).orElse(false))
                        .sorted(Comparator.comparing((Activity a) -> a.startInstant().get()).reversed())
                        .map(Activity::header).toList();
            }

            @Override
            public Optional<Activity> load(String id) {
                return activities.stream().filter(a -> a.id().equals(id)).findFirst();
            }

            @Override
            public AthleteProfile profile() {
                return profile;
            }
        };
    }

    public static TrainingHistory history(AthleteProfile profile, List<Activity> activities) {
        Thresholds th = ThresholdResolver.resolve(profile, activities);
        return TrainingHistory.analyse(activities, th, ZONE, UnitSystem.METRIC);
    }

    public static CoachContext context(AthleteProfile profile, List<Activity> activities) {
        return new CoachContext(history(profile, activities), new Format(UnitSystem.METRIC, ZONE), NOW, source(profile, activities));
    }

    public static RunAnalysis analysed(TrainingHistory h, String id) {
        return h.runs().stream().filter(r -> r.activity().id().equals(id)).findFirst().orElseThrow();
    }

    public static CoachAnswer ask(AthleteProfile profile, List<Activity> activities, String question) {
        ActivitySource src = source(profile, activities);
        return new DeterministicCoach(account -> Optional.of(src))
                .answer(new CoachQuestion("runner-1", question, UnitSystem.METRIC, ZONE, NOW));
    }

    /** The full breakdown of an answer: a run's details (behind its concise reply), else the text itself. */
    public static String fullText(CoachAnswer a) {
        return a.details().orElse(a.text());
    }

    public static List<Activity> list(Activity... a) {
        return new ArrayList<>(List.of(a));
    }
}
