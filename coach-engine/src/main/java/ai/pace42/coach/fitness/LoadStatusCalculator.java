package ai.pace42.coach.fitness;

import ai.pace42.coach.analysis.Measured;
import ai.pace42.coach.analysis.RunAnalysis;
import ai.pace42.coach.analysis.SessionType;
import ai.pace42.coach.analysis.ZoneDistribution;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns a history into fitness/fatigue/form, weekly volume with intensity split, monotony and strain. */
public final class LoadStatusCalculator {

    private LoadStatusCalculator() {
    }

    public static LoadStatus of(TrainingHistory h, LocalDate today) {
        Map<LocalDate, Double> daily = new HashMap<>();
        LocalDate first = today;
        for (RunAnalysis r : h.runs()) {
            LocalDate d = h.dateOf(r);
            daily.merge(d, r.load().value(), Double::sum);
            if (d.isBefore(first)) {
                first = d;
            }
        }
        List<FitnessDay> days = FitnessModel.compute(daily, first, today);
        double ramp = days.size() > 7
                ? days.get(days.size() - 1).fitness() - days.get(days.size() - 8).fitness() : Double.NaN;
        double[] week = new double[7];
        for (int i = 0; i < 7; i++) {
            week[i] = daily.getOrDefault(today.minusDays(6 - i), 0.0);
        }
        double[] ms = monotonyAndStrain(week);
        return new LoadStatus(days, weeks(h), ramp, ms[0], ms[1], (int) ChronoUnit.DAYS.between(first, today) + 1);
    }

    /** Foster: monotony = mean / population SD of 7 daily loads (capped at 10 when SD ≈ 0); strain = sum × monotony. */
    public static double[] monotonyAndStrain(double[] sevenDays) {
        double sum = 0, sq = 0;
        for (double x : sevenDays) {
            sum += x;
            sq += x * x;
        }
        double mean = sum / sevenDays.length;
        double sd = Math.sqrt(Math.max(0, sq / sevenDays.length - mean * mean));
        if (sum <= 0) {
            return new double[] {Double.NaN, 0};
        }
        double monotony = sd < 1e-9 ? 10 : Math.min(10, mean / sd);
        return new double[] {monotony, sum * monotony};
    }

    static List<WeekSummary> weeks(TrainingHistory h) {
        TreeMap<LocalDate, double[]> acc = new TreeMap<>();
        for (RunAnalysis r : h.runs()) {
            LocalDate monday = h.dateOf(r).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            double[] w = acc.computeIfAbsent(monday, k -> new double[7]);
            w[0] += Double.isNaN(r.distanceM()) ? 0 : r.distanceM();
            w[1] += Double.isNaN(r.movingS()) ? 0 : r.movingS();
            w[2] += 1;
            double[] split = intensitySplit(r);
            w[3] += split[0];
            w[4] += split[1];
            w[5] += split[2];
            w[6] += r.load().value();
        }
        List<WeekSummary> out = new ArrayList<>();
        acc.forEach((k, w) -> out.add(new WeekSummary(k, w[0], w[1], (int) w[2], w[3], w[4], w[5], w[6])));
        return out;
    }

    /** Low/moderate/high seconds: from HR zones when known, else the whole run by its session type. */
    public static double[] intensitySplit(RunAnalysis r) {
        Measured<ZoneDistribution> z = r.hrZones();
        double t = Double.isNaN(r.movingS()) ? 0 : r.movingS();
        if (z.isKnown()) {
            ZoneDistribution d = z.get();
            double total = d.totalSeconds();
            double scale = total > 0 ? t / total : 0;
            return new double[] {
                    (d.zones().get(0).seconds() + d.zones().get(1).seconds()) * scale,
                    d.zones().get(2).seconds() * scale,
                    (d.zones().get(3).seconds() + d.zones().get(4).seconds()) * scale};
        }
        SessionType type = r.type();
        return switch (type) {
            case INTERVALS, RACE -> new double[] {0, 0, t};
            case TEMPO, MODERATE, PROGRESSION -> new double[] {0, t, 0};
            default -> new double[] {t, 0, 0};
        };
    }
}
