package ai.pace42.coach.fitness;

import ai.pace42.coach.model.Sourced;
import ai.pace42.coach.model.ValueSource;

/**
 * Maximum heart rate from age when nothing better is known: Tanaka, Monahan and Seals (2001), 208 − 0.7 × age.
 * Population formulas miss individuals by about ±10 bpm (real-recordings.md §5.2), so the value is labelled
 * {@link ValueSource#AGE_FORMULA} and an observed maximum above it replaces it.
 */
public final class AgePredictedMaxHr {

    private AgePredictedMaxHr() {
    }

    /** @param age whole years; the formula is used for adults only (15–90), otherwise NaN */
    public static double tanaka(int age) {
        return age < 15 || age > 90 ? Double.NaN : 208 - 0.7 * age;
    }

    public static Sourced<Double> of(int birthYear, int currentYear) {
        return new Sourced<>((double) Math.round(tanaka(currentYear - birthYear)), ValueSource.AGE_FORMULA);
    }
}
