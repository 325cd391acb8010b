package ai.pace42.coach.weather;

import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.UnitSystem;
import ai.pace42.coach.answer.Format;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Predict my half marathon if it is 25 °C on race day": the prediction for cool conditions, then each predicted
 * time slowed by Hadley's band for that temperature and dew point (12 °C, capped at the temperature, when the
 * runner names none).
 *
 * @param clause the words that asked for the weather, removed before the prediction is made
 */
public record RaceWeather(double temperatureC, double dewPointC, boolean dewPointAssumed, String clause) {

    static final double ASSUMED_DEW_POINT_C = 12;
    private static final Pattern CLAUSE = Pattern.compile(
            "\\b(?:if|when|in case) (?:it(?: is|'s| were| was| gets)?|the temperature is|temperatures? (?:are|is))"
                    + " (-?\\d+(?:\\.\\d+)?) ?(?:°|º|degrees?|deg)? ?(c|f|celsius|fahrenheit)?\\b"
                    + "(?:[^0-9]{0,30}?dew ?point (?:of )?(-?\\d+(?:\\.\\d+)?) ?(?:°|º|degrees?)? ?(c|f)?\\b)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RACE_LINE = Pattern.compile("^- \\*\\*([^*]+)\\*\\*: (?:about )?(\\d+:\\d{2}(?::\\d{2})?)");

    /** @param units the runner's units: a bare number is °F for imperial runners, °C otherwise */
    public static Optional<RaceWeather> parse(String text, UnitSystem units) {
        Matcher m = CLAUSE.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        double t = celsius(Double.parseDouble(m.group(1)), m.group(2), units);
        boolean assumed = m.group(3) == null;
        double dew = assumed ? Math.min(t, ASSUMED_DEW_POINT_C) : celsius(Double.parseDouble(m.group(3)), m.group(4), units);
        return Optional.of(new RaceWeather(t, dew, assumed, m.group()));
    }

    private static double celsius(double v, String unit, UnitSystem units) {
        boolean f = unit != null ? unit.toLowerCase(Locale.ROOT).startsWith("f") : units == UnitSystem.IMPERIAL;
        return f ? (v - 32) * 5 / 9 : v;
    }

    /** The question without the weather clause, for the coach's ordinary prediction. */
    public String questionWithout(String text) {
        return text.replace(clause, " ").replaceAll("\\s+", " ").strip();
    }

    /** The prediction plus its times in this weather; unchanged when it has no race times. */
    public CoachAnswer adjust(CoachAnswer prediction, UnitSystem units) {
        HeatEffect e = HeatEffect.of(temperatureC, dewPointC);
        WeatherFormat wf = new WeatherFormat(units, java.time.ZoneOffset.UTC);
        StringBuilder lines = new StringBuilder();
        for (String line : prediction.text().split("\n")) {
            Matcher m = RACE_LINE.matcher(line);
            if (m.find()) {
                double s = seconds(m.group(2));
                double[] slow = e.adjust(s);
                lines.append("- ").append(m.group(1)).append(": ").append(m.group(2)).append(" → ")
                        .append(e.slowsDown() ? Format.clock(slow[0]) + "–" + Format.clock(slow[1]) : m.group(2))
                        .append('\n');
            }
        }
        if (lines.length() == 0) {
            return prediction;
        }
        String head = "**If it is " + wf.temperature(temperatureC) + " on race day** (dew point "
                + wf.temperature(dewPointC) + (dewPointAssumed ? ", assumed: tell me the forecast dew point for a closer figure" : "")
                + "): temperature plus dew point is " + e.sumF() + " °F, "
                + (e.noHardRunning() ? "too hot to race hard: Hadley recommends no hard running above 180, so treat these as a floor"
                : e.slowsDown() ? "so expect to be " + e.range() + " slower (Hadley's heat bands, a coaching heuristic)"
                : "cool enough that heat costs nothing") + ".\n";
        return new CoachAnswer(prediction.text().stripTrailing() + "\n\n" + head + lines, prediction.charts());
    }

    private static double seconds(String clock) {
        String[] p = clock.split(":");
        double s = 0;
        for (String part : p) {
            s = s * 60 + Integer.parseInt(part);
        }
        return s;
    }
}
