package ai.pace42.coach.weather;

/**
 * One thing that makes an hour better or worse for running.
 *
 * @param name   heat, thunder, freezing rain, cold, wind, rain, UV, air quality
 * @param score  0–100 for this factor alone; the hour takes the lowest
 * @param detail the reason in words with its numbers, metric ("27 °C, dew point 21 °C: slow down 3–4.5%")
 */
public record Factor(String name, Status status, int score, String detail) {
}
