package ai.pace42.coach.weather;

import java.util.Locale;

/**
 * How much heat and humidity slow a runner, after Mark Hadley's heuristic: add the air temperature and the dew
 * point in °F and read the slow-down from the band the sum falls in (a coaching heuristic, not a study). Repeats
 * take half of it. Above a sum of 180 hard running is not recommended at all.
 *
 * @param sumF        temperature + dew point, °F, rounded to a whole degree as the bands are
 * @param minPct      the band's lower slow-down, per cent
 * @param maxPct      the band's upper slow-down, per cent
 */
public record HeatEffect(double temperatureC, double dewPointC, int sumF, double minPct, double maxPct) {

    private static final int[] UPPER_SUM = {100, 110, 120, 130, 140, 150, 160, 170, 180};
    private static final double[] LOW = {0, 0, 0.5, 1, 2, 3, 4.5, 6, 8};
    private static final double[] HIGH = {0, 0.5, 1, 2, 3, 4.5, 6, 8, 10};

    public static HeatEffect of(double temperatureC, double dewPointC) {
        int sum = (int) Math.round(fahrenheit(temperatureC) + fahrenheit(dewPointC));
        for (int i = 0; i < UPPER_SUM.length; i++) {
            if (sum <= UPPER_SUM[i]) {
                return new HeatEffect(temperatureC, dewPointC, sum, LOW[i], HIGH[i]);
            }
        }
        return new HeatEffect(temperatureC, dewPointC, sum, 10, Double.POSITIVE_INFINITY);
    }

    public static double fahrenheit(double celsius) {
        return celsius * 9 / 5 + 32;
    }

    /** Above a sum of 180 °F Hadley recommends no hard running whatever the pace. */
    public boolean noHardRunning() {
        return sumF > 180;
    }

    public boolean slowsDown() {
        return maxPct > 0;
    }

    /** The pace range this effect turns a target pace into, in seconds per unit distance: {slower-low, slower-high}. */
    public double[] adjust(double secondsPerUnit) {
        double high = noHardRunning() ? 10 : maxPct;
        return new double[] {secondsPerUnit * (1 + minPct / 100), secondsPerUnit * (1 + high / 100)};
    }

    /** "3–4.5%" or "more than 10% (no hard running)". */
    public String range() {
        if (noHardRunning()) {
            return "more than 10% (no hard running)";
        }
        return number(minPct) + "–" + number(maxPct) + "%";
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((int) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
