package ai.pace42.coach.fitness;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Banister-style fitness/fatigue/form (§3.5). Variant, documented because tools differ:
 * <ul>
 *   <li>daily EWMA with k = 1 − e^(−1/42) for fitness and 1 − e^(−1/7) for fatigue;</li>
 *   <li>seeded at 0 on the first day of the window (so the first ~6 weeks are "warming up");</li>
 *   <li>form for a day uses the previous day's fitness and fatigue (TrainingPeaks' convention).</li>
 * </ul>
 */
public final class FitnessModel {

    public static final double K_FITNESS = 1 - Math.exp(-1.0 / 42);
    public static final double K_FATIGUE = 1 - Math.exp(-1.0 / 7);
    /** Below this many days of history the numbers are still warming up. */
    public static final int WARM_UP_DAYS = 42;

    private FitnessModel() {
    }

    /** Days from {@code from} to {@code to} inclusive; days without an entry have load 0. */
    public static List<FitnessDay> compute(Map<LocalDate, Double> dailyLoad, LocalDate from, LocalDate to) {
        int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
        List<FitnessDay> out = new ArrayList<>(Math.max(0, days));
        double fitness = 0, fatigue = 0;
        LocalDate d = from;
        for (int i = 0; i < days; i++, d = d.plusDays(1)) {
            double load = dailyLoad.getOrDefault(d, 0.0);
            double form = fitness - fatigue;
            fitness += K_FITNESS * (load - fitness);
            fatigue += K_FATIGUE * (load - fatigue);
            out.add(new FitnessDay(d, load, fitness, fatigue, form));
        }
        return out;
    }

    /** Same maths over a plain array of daily loads; returns {fitness, fatigue, form} of the last day. */
    public static double[] last(double[] dailyLoads) {
        double fitness = 0, fatigue = 0, form = 0;
        for (double load : dailyLoads) {
            form = fitness - fatigue;
            fitness += K_FITNESS * (load - fitness);
            fatigue += K_FATIGUE * (load - fatigue);
        }
        return new double[] {fitness, fatigue, form};
    }
}
