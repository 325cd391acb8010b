package ai.pace42.bot.profile;

import ai.pace42.coach.fitness.AgePredictedMaxHr;
import ai.pace42.coach.model.AthleteProfile;
import ai.pace42.coach.model.Sex;
import ai.pace42.coach.model.Sourced;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The values a runner gave with {@code /profile}, by field (stored numbers, see {@link ProfileField}). */
public record RunnerProfile(Map<ProfileField, Integer> values) {

    public RunnerProfile {
        values = values.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(values));
    }

    public static RunnerProfile empty() {
        return new RunnerProfile(Map.of());
    }

    public Optional<Integer> get(ProfileField field) {
        return Optional.ofNullable(values.get(field));
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * The runner's own values laid over what the data source knows (Garmin's settings): what the runner typed
     * wins. A birth year fills in an age-estimated maximum only when no maximum is known at all.
     */
    public AthleteProfile over(AthleteProfile source, int currentYear) {
        AthleteProfile p = source;
        Optional<Integer> max = get(ProfileField.MAX_HR);
        if (max.isPresent()) {
            p = p.withMaxHeartRate(Sourced.userSet(max.get().doubleValue()));
        } else if (p.maxHeartRate().isEmpty() && get(ProfileField.BIRTH_YEAR).isPresent()) {
            Sourced<Double> byAge = AgePredictedMaxHr.of(get(ProfileField.BIRTH_YEAR).get(), currentYear);
            p = Double.isNaN(byAge.value()) ? p : p.withMaxHeartRate(byAge);
        }
        Optional<Integer> rest = get(ProfileField.RESTING_HR);
        if (rest.isPresent()) {
            p = p.withRestingHeartRate(Sourced.userSet(rest.get().doubleValue()));
        }
        Optional<Integer> lthr = get(ProfileField.LTHR);
        if (lthr.isPresent()) {
            p = p.withLactateThresholdHeartRate(Sourced.userSet(lthr.get().doubleValue()));
        }
        Optional<Integer> pace = get(ProfileField.THRESHOLD_PACE);
        if (pace.isPresent()) {
            p = p.withThresholdPace(Sourced.userSet(pace.get().doubleValue()));
        }
        Optional<Integer> sex = get(ProfileField.SEX);
        if (sex.isPresent()) {
            p = p.withSex(Sourced.userSet(Sex.values()[sex.get()]));
        }
        return p;
    }
}
