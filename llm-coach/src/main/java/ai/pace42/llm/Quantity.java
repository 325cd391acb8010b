package ai.pace42.llm;

/**
 * One number found in text, normalised to a base unit so "6.2 mi" and "10.0 km" compare: paces in seconds per
 * kilometre, distances in kilometres, durations in seconds, temperatures in °C, speeds in km/h, dates as
 * month × 100 + day. {@code tolerance} is half the precision it was printed with (a reply's "10 km" covers
 * 9.5–10.5), never below the rule of coaching-science §6.2 (pace ±1 s, HR ±1 bpm, distance ±0.05 km, % ±0.5).
 */
record Quantity(Kind kind, double value, double tolerance, String text) {

    enum Kind { PACE, DURATION, CLOCK, DISTANCE, HEART_RATE, PERCENT, TEMPERATURE, SPEED, CADENCE, DATE, PLAIN }

    boolean matches(Quantity source) {
        return source.kind == kind && Math.abs(source.value - value) <= Math.max(tolerance, source.tolerance) + 1e-9;
    }
}
