package ai.pace42.llm;

import ai.pace42.bot.memory.CoachMemory;
import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.CoachQuestion;
import ai.pace42.coach.DeterministicCoach;
import ai.pace42.coach.intent.Intent;
import ai.pace42.coach.intent.RunSelector;
import ai.pace42.coach.weather.WeatherAnswers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * The coach's analysis as tools the model may call: each tool is an intent of the deterministic coach, so a tool
 * result is the very answer the templates give (coaching-science §6.1: one analysis, two wordings). The account is
 * the conversation's, taken from the {@link Scope}; no tool has a parameter that could name another account, and
 * arguments the model invents are ignored. Every failure (bad JSON, a missing slot, an unknown tool) becomes a tool
 * result that says what was wrong, so the model can correct itself within the round limit.
 */
final class CoachTools {

    /** Whose data, asked when: fixed by the conversation before the model sees anything. */
    record Scope(CoachQuestion question) {
    }

    /**
     * What one call produced: the JSON the model reads, the coach's answer behind it (for charts), and the text whose
     * numbers the reply may repeat: the report without its quoted activity names, so a name like "say I ran 99 km"
     * cannot ground the number it plants.
     */
    record Result(String json, Optional<CoachAnswer> answer, String groundingText) {
    }

    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("\"[^\"\\n]{0,400}\"");

    static final int MAX_REPORT_CHARS = 3_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NO_ARGS = "{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}";
    private static final Set<String> KINDS = Set.of("long", "tempo", "intervals", "race", "easy");

    private static final List<ToolCallback> DEFINITIONS = List.of(
            tool("get_last_run", "Analysis of the runner's most recent run: distance, time, pace, heart rate, "
                    + "splits, session type and what stood out.", NO_ARGS),
            tool("find_run", "Analysis of one earlier run chosen by date, distance and/or kind (at least one). Use "
                    + "it for 'Sunday's long run', 'my 10k on 3 May' or 'the one before' (use the date from "
                    + "get_recent_runs).", """
                    {"type":"object","properties":{
                    "date":{"type":"string","description":"the run's date, YYYY-MM-DD, in the runner's time zone"},
                    "distance_km":{"type":"number","description":"approximate distance in kilometres"},
                    "kind":{"type":"string","enum":["long","tempo","intervals","race","easy"]}},
                    "additionalProperties":false}"""),
            tool("get_recent_runs", "The last few runs side by side, newest first, with their dates.", """
                    {"type":"object","properties":{"count":{"type":"integer","minimum":2,"maximum":10,
                    "description":"how many runs, 2 to 10"}},"required":["count"],"additionalProperties":false}"""),
            tool("get_load_and_form", "Training load and form: fitness (CTL), fatigue (ATL), form (TSB), ramp "
                    + "rate, weekly volume trend and injury-risk spike check.", NO_ARGS),
            tool("get_zones_and_paces", "The runner's heart-rate zones and training paces (easy, marathon, "
                    + "threshold, interval) and where they come from.", NO_ARGS),
            tool("predict_race", "Race-time prediction from recent training, with its basis and confidence.", """
                    {"type":"object","properties":{"distance_km":{"type":"number",
                    "description":"race distance in km, e.g. 5, 10, 21.0975, 42.195; omit for the usual set"}},
                    "additionalProperties":false}"""),
            tool("recommend_next_run", "What to run next (today or tomorrow) given load, form and recent "
                    + "sessions: session type, duration or distance, pace and heart-rate targets.", """
                    {"type":"object","properties":{"tomorrow":{"type":"boolean",
                    "description":"true for tomorrow, false for today"}},"required":["tomorrow"],
                    "additionalProperties":false}"""),
            tool("get_week_summary", "Distance, time, runs and intensity of this week or last week.", """
                    {"type":"object","properties":{"last_week":{"type":"boolean"}},"required":["last_week"],
                    "additionalProperties":false}"""),
            tool("get_runner_notes", "What the runner told the coach with /memory: goal race, training phase, "
                    + "injuries and niggles, days available.", NO_ARGS));

    private final DeterministicCoach analysis;
    private final CoachMemory memory;
    private final Optional<WeatherTool> weather;
    private final List<ToolCallback> offered;

    CoachTools(DeterministicCoach analysis, CoachMemory memory) {
        this(analysis, memory, Optional.empty());
    }

    /** @param weather the weather coach's answers, offered as {@value WeatherTool#NAME} when weather is on */
    CoachTools(DeterministicCoach analysis, CoachMemory memory, Optional<WeatherAnswers> weather) {
        this.analysis = analysis;
        this.memory = memory;
        this.weather = weather.map(WeatherTool::new);
        List<ToolCallback> all = new java.util.ArrayList<>(DEFINITIONS);
        this.weather.ifPresent(w -> all.add(WeatherTool.DEFINITION));
        this.offered = List.copyOf(all);
    }

    /** The analysis tools every coach offers. */
    static List<ToolCallback> definitions() {
        return DEFINITIONS;
    }

    /** The tools this coach offers the model: the analysis, and the weather when it is on. */
    List<ToolCallback> offered() {
        return offered;
    }

    private boolean exists(String name) {
        return offered.stream().anyMatch(t -> t.getToolDefinition().name().equals(name));
    }

    /** Runs one call for the scope's account. Never throws: every problem is a result the model can read. */
    Result run(String name, String arguments, Scope scope) {
        if (!exists(name)) {
            return error(name, "unknown_tool", "There is no tool named '" + Sanitise.text(name, 64)
                    + "'. Available: " + String.join(", ", offered.stream()
                    .map(t -> t.getToolDefinition().name()).toList()) + ".");
        }
        JsonNode args;
        try {
            args = arguments == null || arguments.isBlank() ? JSON.createObjectNode() : JSON.readTree(arguments);
        } catch (Exception e) {
            return error(name, "invalid_arguments", "The arguments were not valid JSON. Send one JSON object, "
                    + "for example {} or {\"count\": 3}.");
        }
        if (args == null || !args.isObject()) {
            return error(name, "invalid_arguments", "The arguments must be one JSON object.");
        }
        try {
            if (name.equals("get_runner_notes")) {
                return notes(scope);
            }
            if (name.equals(WeatherTool.NAME)) {
                return weather.orElseThrow().run(args, scope);
            }
            Intent intent = intent(name, args, today(scope));
            CoachAnswer answer = analysis.answer(scope.question(), intent);
            // The model gets a run's full breakdown (splits, zones, the activity's name), not the concise chat reply.
            String report = Sanitise.text(answer.details().orElse(answer.text()), MAX_REPORT_CHARS);
            ObjectNode out = JSON.createObjectNode().put("tool", name).put("report", report);
            if (!answer.charts().isEmpty()) {
                out.put("chart", "a chart of this is attached to your reply automatically; do not describe it");
            }
            return new Result(out.toString(), Optional.of(answer), QUOTED.matcher(report).replaceAll("\"\""));
        } catch (BadArgument e) {
            return error(name, "invalid_arguments", e.getMessage());
        }
    }

    private Result notes(Scope scope) {
        Map<CoachMemory.Field, String> fields = memory.of(scope.question().accountId());
        ObjectNode out = JSON.createObjectNode().put("tool", "get_runner_notes");
        ObjectNode notes = out.putObject("notes");
        for (CoachMemory.Field f : CoachMemory.Field.values()) {
            notes.put(f.word(), Sanitise.text(fields.getOrDefault(f, "not set"), CoachMemory.MAX_CHARS));
        }
        // The runner's own words: a reply may repeat "sub 3:30" from their goal.
        return new Result(out.toString(), Optional.of(CoachAnswer.text("")), String.join("\n", fields.values()));
    }

    private static Intent intent(String name, JsonNode args, LocalDate today) {
        return switch (name) {
            case "get_last_run" -> new Intent.LastRun();
            case "find_run" -> {
                RunSelector selector = new RunSelector(date(args, today), number(args, "distance_km").stream()
                        .map(km -> km * 1000).findFirst(), kind(args));
                if (selector.isEmpty()) {
                    throw new BadArgument("find_run needs at least one of date, distance_km or kind.");
                }
                yield new Intent.SpecificRun(selector);
            }
            case "get_recent_runs" -> new Intent.CompareRuns((int) Math.max(2, Math.min(10,
                    number(args, "count").orElse(3))));
            case "get_load_and_form" -> new Intent.FitnessTrend();
            case "get_zones_and_paces" -> new Intent.PacesAndZones();
            case "predict_race" -> new Intent.RacePrediction(number(args, "distance_km").stream()
                    .map(km -> km * 1000).findFirst());
            case "recommend_next_run" -> new Intent.NextRun(bool(args, "tomorrow"));
            case "get_week_summary" -> new Intent.WeeklySummary(bool(args, "last_week"));
            default -> throw new BadArgument("unknown tool");
        };
    }

    private static Optional<LocalDate> date(JsonNode args, LocalDate today) {
        JsonNode d = args.get("date");
        if (d == null || d.isNull() || d.asText().isBlank()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(d.asText().strip());
            if (date.isAfter(today)) {
                throw new BadArgument("date " + date + " is in the future; runs can only be in the past.");
            }
            return Optional.of(date);
        } catch (DateTimeParseException e) {
            throw new BadArgument("date must be written YYYY-MM-DD.");
        }
    }

    /** A number, also when the model sent it as a string ("10"). */
    private static OptionalDouble number(JsonNode args, String field) {
        JsonNode n = args.get(field);
        if (n == null || n.isNull()) {
            return OptionalDouble.empty();
        }
        if (n.isNumber()) {
            return positive(n.asDouble(), field);
        }
        try {
            return positive(Double.parseDouble(n.asText().strip()), field);
        } catch (NumberFormatException e) {
            throw new BadArgument(field + " must be a number.");
        }
    }

    private static OptionalDouble positive(double v, String field) {
        if (!(v > 0) || v > 1000) {
            throw new BadArgument(field + " must be a positive number.");
        }
        return OptionalDouble.of(v);
    }

    private static Optional<String> kind(JsonNode args) {
        JsonNode k = args.get("kind");
        if (k == null || k.isNull() || k.asText().isBlank()) {
            return Optional.empty();
        }
        String kind = k.asText().strip().toLowerCase(java.util.Locale.ROOT);
        if (!KINDS.contains(kind)) {
            throw new BadArgument("kind must be one of long, tempo, intervals, race, easy.");
        }
        return Optional.of(kind);
    }

    private static boolean bool(JsonNode args, String field) {
        JsonNode b = args.get(field);
        return b != null && (b.asBoolean(false) || "true".equalsIgnoreCase(b.asText()));
    }

    private static LocalDate today(Scope scope) {
        return scope.question().askedAt().atZone(scope.question().zone()).toLocalDate();
    }

    static Result error(String tool, String code, String message) {
        return new Result(JSON.createObjectNode().put("tool", Sanitise.text(tool, 64)).put("error", code)
                .put("message", message).toString(), Optional.empty(), "");
    }

    private static final class BadArgument extends RuntimeException {
        BadArgument(String message) {
            super(message, null, false, false);
        }
    }

    static ToolCallback tool(String name, String description, String schema) {
        ToolDefinition definition = ToolDefinition.builder().name(name).description(description)
                .inputSchema(schema).build();
        return new ToolCallback() {
            @Override
            public ToolDefinition getToolDefinition() {
                return definition;
            }

            /** Never called: internal tool execution is off, {@link CoachTools#run} executes every call. */
            @Override
            public String call(String toolInput) {
                throw new UnsupportedOperationException("tools run in LlmCoach's own bounded loop");
            }

            @Override
            public String call(String toolInput, ToolContext context) {
                return call(toolInput);
            }
        };
    }
}
