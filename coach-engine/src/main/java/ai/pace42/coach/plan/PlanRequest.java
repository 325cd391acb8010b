package ai.pace42.coach.plan;

import ai.pace42.coach.UnitSystem;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What the runner asked for.
 *
 * @param madeOn      the runner's today; the plan starts on the next Monday (today when it is one)
 * @param daysPerWeek running days the runner offered (3–7; a seventh day is always kept as rest)
 */
public record PlanRequest(LocalDate raceDate, double raceDistanceM, int daysPerWeek, DayOfWeek longRunDay,
                          LocalDate madeOn, UnitSystem units) {

    public PlanRequest {
        Objects.requireNonNull(raceDate, "raceDate");
        Objects.requireNonNull(longRunDay, "longRunDay");
        Objects.requireNonNull(madeOn, "madeOn");
        Objects.requireNonNull(units, "units");
    }

    public PlanRequest withRaceDate(LocalDate other) {
        return new PlanRequest(other, raceDistanceM, daysPerWeek, longRunDay, madeOn, units);
    }

    public PlanRequest withDistance(double metres) {
        return new PlanRequest(raceDate, metres, daysPerWeek, longRunDay, madeOn, units);
    }
}
