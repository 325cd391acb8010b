package ai.pace42.coach.analysis;

import ai.pace42.coach.model.Sex;
import ai.pace42.coach.model.Sourced;
import ai.pace42.coach.model.ValueSource;

import java.util.Optional;

/**
 * The personal anchors analysis needs, already resolved from the profile or estimated from history, each with
 * its source. Derived values (easy ceiling, zone edges) live here so every part of the engine uses the same ones.
 */
public record Thresholds(Optional<Sourced<Double>> maxHr, Sourced<Double> restingHr, Optional<Sourced<Double>> lthr,
                         Optional<Sourced<Double>> vdot, Optional<Sourced<Double>> thresholdSpeedMps,
                         Sourced<Sex> sex) {

    /** Resting HR when nobody told us: a typical trained-runner value, labelled as a default. */
    public static final double DEFAULT_RESTING_HR = 55;

    public static Thresholds none() {
        return new Thresholds(Optional.empty(), Sourced.byDefault(DEFAULT_RESTING_HR), Optional.empty(),
                Optional.empty(), Optional.empty(), Sourced.byDefault(Sex.MALE));
    }

    /**
     * LTHR, or an estimate of it from HRmax and HRrest (rest + 0.85 of the reserve, which matched power-based
     * scores in practice) when only those are known.
     */
    public Optional<Double> effectiveLthr() {
        if (lthr.isPresent()) {
            return Optional.of(lthr.get().value());
        }
        return maxHr.map(m -> restingHr.value() + 0.85 * (m.value() - restingHr.value()));
    }

    /**
     * Highest HR that still counts as easy. With an LTHR we use the top of Friel's Z2 (89% LTHR), the
     * individual anchor; without one, 78% of HRmax.
     */
    public Optional<Double> easyCeilingHr() {
        if (lthr.isPresent()) {
            return Optional.of(0.89 * lthr.get().value());
        }
        return maxHr.map(m -> 0.78 * m.value());
    }

    /** Daniels training paces for the VDOT, if one is known. */
    public Optional<TrainingPaces> paces() {
        return vdot.map(v -> TrainingPaces.forVdot(v.value()));
    }

    /** Threshold speed from the profile, else from the VDOT's T pace. */
    public Optional<Double> effectiveThresholdSpeed() {
        if (thresholdSpeedMps.isPresent()) {
            return Optional.of(thresholdSpeedMps.get().value());
        }
        return paces().map(TrainingPaces::thresholdSpeed);
    }

    /**
     * The runner gave a pace anchor (VDOT or threshold pace). An estimated VDOT comes from the best of their own
     * runs, usually training runs, so it is only a lower bound: against it alone a run is never "harder than".
     */
    public boolean paceAnchorSetByRunner() {
        return vdot.map(v -> v.source() == ValueSource.USER_SET).orElse(false)
                || thresholdSpeedMps.map(v -> v.source() == ValueSource.USER_SET).orElse(false);
    }

    /**
     * The runner gave a heart-rate anchor (LTHR or max HR). An estimated max HR is the highest seen in their runs
     * (a lower bound) and an age formula is ±10 bpm, so neither alone proves a run was hard.
     */
    public boolean hrAnchorSetByRunner() {
        return lthr.map(v -> v.source() == ValueSource.USER_SET).orElse(false)
                || maxHr.map(v -> v.source() == ValueSource.USER_SET).orElse(false);
    }

    public boolean sexIsDefault() {
        return sex.source() == ValueSource.DEFAULT;
    }
}
