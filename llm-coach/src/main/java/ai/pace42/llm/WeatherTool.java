package ai.pace42.llm;

import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.weather.WeatherAnswers;
import ai.pace42.coach.weather.WeatherQuestion;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.springframework.ai.tool.ToolCallback;

/**
 * The weather coach's answers as a read-only tool: the model names what it wants (rain, best time, heat or cold,
 * what to wear, the forecast) and when, from fixed lists; the place is the conversation's runner's home location
 * and nothing the model sends can name another. The result is the weather coach's own answer, so its numbers
 * ground the reply exactly as the templated answer states them.
 */
final class WeatherTool {

    static final String NAME = "get_weather";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DAYS = "now, today, tomorrow, weekend, monday … sunday";

    static final ToolCallback DEFINITION = CoachTools.tool(NAME, "The forecast at the runner's home location with "
            + "pace42's running-conditions score and its factors (heat from temperature and dew point, rain, wind, "
            + "UV, cold, air quality), the best two-hour window, and a heat note. Use it for rain, the best time to "
            + "run, heat or cold, what to wear, or the weather in general.", """
            {"type":"object","properties":{
            "kind":{"type":"string","enum":["rain","best_time","heat_or_cold","wear","forecast"]},
            "day":{"type":"string","enum":["now","today","tomorrow","weekend","monday","tuesday","wednesday",
            "thursday","friday","saturday","sunday"],"description":"omit for the next twelve hours"},
            "part":{"type":"string","enum":["morning","lunchtime","afternoon","evening","night","day"],
            "description":"part of the day; omit for the whole day"}},
            "required":["kind"],"additionalProperties":false}""");

    private final WeatherAnswers weather;

    WeatherTool(WeatherAnswers weather) {
        this.weather = weather;
    }

    CoachTools.Result run(JsonNode args, CoachTools.Scope scope) {
        Optional<WeatherQuestion> wq = question(args);
        if (wq.isEmpty()) {
            return CoachTools.error(NAME, "invalid_arguments", "kind must be one of rain, best_time, heat_or_cold, "
                    + "wear, forecast; day one of " + DAYS + "; part one of morning, lunchtime, afternoon, evening, "
                    + "night, day.");
        }
        CoachAnswer answer = weather.weather(scope.question(), wq.get());
        String report = Sanitise.text(answer.text() + answer.details().map(d -> "\n" + d).orElse(""),
                CoachTools.MAX_REPORT_CHARS);
        ObjectNode out = JSON.createObjectNode().put("tool", NAME).put("report", report);
        if (!answer.charts().isEmpty()) {
            out.put("chart", "a chart of this is attached to your reply automatically; do not describe it");
        }
        return new CoachTools.Result(out.toString(), Optional.of(answer), report);
    }

    /** The question the arguments name; empty when one is not from its list. */
    static Optional<WeatherQuestion> question(JsonNode args) {
        Optional<WeatherQuestion.Kind> kind = constant(WeatherQuestion.Kind.class, text(args, "kind"));
        String day = text(args, "day");
        String part = text(args, "part");
        Optional<WeatherQuestion.Part> p = part.isEmpty() ? Optional.of(WeatherQuestion.Part.DAY)
                : constant(WeatherQuestion.Part.class, part);
        Optional<DayOfWeek> weekday = constant(DayOfWeek.class, day);
        boolean known = day.isEmpty() || weekday.isPresent()
                || Arrays.asList("now", "today", "tomorrow", "weekend").contains(day);
        if (kind.isEmpty() || p.isEmpty() || !known) {
            return Optional.empty();
        }
        return Optional.of(new WeatherQuestion(kind.get(), weekday, day.equals("tomorrow") ? 1 : 0,
                day.equals("today"), day.equals("weekend"), day.equals("now"), p.get()));
    }

    private static String text(JsonNode args, String field) {
        JsonNode v = args.get(field);
        return v == null || v.isNull() ? "" : v.asText().strip().toLowerCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> Optional<E> constant(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equalsIgnoreCase(value)).findFirst();
    }
}
