package ai.pace42.coach.model;

import ai.pace42.coach.UnitSystem;

import java.time.ZoneId;
import java.util.Optional;

/**
 * What the coach knows about the runner, each value with its source. Anything may be unknown; the coach then
 * estimates from the runs ({@link ValueSource#ESTIMATED}) or says it does not know.
 *
 * @param thresholdPaceSPerKm threshold pace in seconds per kilometre
 */
public record AthleteProfile(Optional<Sourced<Double>> maxHeartRate, Optional<Sourced<Double>> restingHeartRate,
                             Optional<Sourced<Double>> lactateThresholdHeartRate,
                             Optional<Sourced<Double>> thresholdPaceSPerKm, Optional<Sourced<Double>> vdot,
                             Optional<Sourced<Double>> vo2max, Optional<Sourced<Sex>> sex,
                             Optional<UnitSystem> units, Optional<ZoneId> zone) {

    public AthleteProfile {
        maxHeartRate = orEmpty(maxHeartRate);
        restingHeartRate = orEmpty(restingHeartRate);
        lactateThresholdHeartRate = orEmpty(lactateThresholdHeartRate);
        thresholdPaceSPerKm = orEmpty(thresholdPaceSPerKm);
        vdot = orEmpty(vdot);
        vo2max = orEmpty(vo2max);
        sex = orEmpty(sex);
        units = orEmpty(units);
        zone = orEmpty(zone);
    }

    public static AthleteProfile unknown() {
        return new AthleteProfile(null, null, null, null, null, null, null, null, null);
    }

    private static <T> Optional<T> orEmpty(Optional<T> o) {
        return o == null ? Optional.empty() : o;
    }

    public AthleteProfile withMaxHeartRate(Sourced<Double> v) {
        return new AthleteProfile(Optional.of(v), restingHeartRate, lactateThresholdHeartRate, thresholdPaceSPerKm,
                vdot, vo2max, sex, units, zone);
    }

    public AthleteProfile withRestingHeartRate(Sourced<Double> v) {
        return new AthleteProfile(maxHeartRate, Optional.of(v), lactateThresholdHeartRate, thresholdPaceSPerKm,
                vdot, vo2max, sex, units, zone);
    }

    public AthleteProfile withLactateThresholdHeartRate(Sourced<Double> v) {
        return new AthleteProfile(maxHeartRate, restingHeartRate, Optional.of(v), thresholdPaceSPerKm, vdot, vo2max,
                sex, units, zone);
    }

    public AthleteProfile withThresholdPace(Sourced<Double> v) {
        return new AthleteProfile(maxHeartRate, restingHeartRate, lactateThresholdHeartRate, Optional.of(v), vdot,
                vo2max, sex, units, zone);
    }

    public AthleteProfile withVdot(Sourced<Double> v) {
        return new AthleteProfile(maxHeartRate, restingHeartRate, lactateThresholdHeartRate, thresholdPaceSPerKm,
                Optional.of(v), vo2max, sex, units, zone);
    }

    public AthleteProfile withVo2max(Sourced<Double> v) {
        return new AthleteProfile(maxHeartRate, restingHeartRate, lactateThresholdHeartRate, thresholdPaceSPerKm,
                vdot, Optional.of(v), sex, units, zone);
    }

    public AthleteProfile withSex(Sourced<Sex> v) {
        return new AthleteProfile(maxHeartRate, restingHeartRate, lactateThresholdHeartRate, thresholdPaceSPerKm,
                vdot, vo2max, Optional.of(v), units, zone);
    }
}
