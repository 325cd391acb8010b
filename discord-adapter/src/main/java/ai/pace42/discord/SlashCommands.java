package ai.pace42.discord;

import ai.pace42.bot.conversation.Command;
import ai.pace42.bot.conversation.CommandRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The slash commands pace42 registers, derived from the core's {@link CommandRegistry}: every command the core
 * knows is a slash command (a command added to the core appears here by itself), ephemeral when the core marks it
 * private, in the operations server when it is an admin command. Only the option shapes Discord can show better
 * than free text (choices, named values) are kept here; any other command takes one optional free-text value.
 * The JDA registration and the mapping to the core both read this one table.
 */
final class SlashCommands {

    /** One option of a command; {@code choices} empty means free text. */
    record Option(String name, String description, boolean required, List<String> choices) {
    }

    /**
     * @param ephemeral answered so only the invoker sees it (personal data, links, operator output)
     * @param admin     registered only in the operations server, with default permissions disabled
     */
    record Spec(String name, String description, List<Option> options, boolean ephemeral, boolean admin) {
    }

    static final String COACH = "coach";
    /** The free-text value of a command without its own option shape. */
    static final String VALUE = "value";

    private static final Pattern VALID_NAME = Pattern.compile("[a-z0-9_-]{1,32}");
    private static final Map<String, List<Option>> SHAPES = Map.ofEntries(
            Map.entry("link", List.of(new Option("code", "the 6-digit code the link page showed, to confirm", false, List.of()))),
            Map.entry("unlink", List.of(new Option("confirm", "confirm to go ahead", false, List.of("confirm")))),
            Map.entry("connect", List.of(new Option("code", "the code /connect gave you in another chat app", false, List.of()))),
            Map.entry("delete", List.of(new Option("code", "the 6-digit code /delete showed, to confirm", false, List.of()))),
            Map.entry("units", List.of(new Option("system", "km or mi", false, List.of("km", "mi")))),
            Map.entry("timezone", List.of(new Option("zone", "Area/City, e.g. Europe/Berlin", false, List.of()))),
            Map.entry("location", List.of(new Option("place", "a town (e.g. Berlin), a number from the list, yes or off", false,
                    List.of()))),
            Map.entry("memory", List.of(new Option("change", "e.g. goal Berlin marathon, injuries none, clear", false,
                    List.of()))),
            Map.entry("profile", List.of(
                    new Option("setting", "what to set, or clear", false, List.of("max-hr", "resting-hr", "lthr",
                            "threshold-pace", "birth-year", "sex", "clear")),
                    new Option("value", "e.g. 188, 4:15, 1986, female; after clear: the setting to clear", false,
                            List.of()))),
            Map.entry("plan", List.of(new Option("action",
                    "week, today, chart, calendar, pause, resume, undo, history, stop, or a race and date", false,
                    List.of()))),
            Map.entry("sample", List.of(new Option("mode", "off to stop using the sample data", false, List.of("off")))),
            Map.entry("admin", List.of(new Option("command", "e.g. stats, or user discord:80351110224678912", true, List.of()))));

    private final List<Spec> all;

    SlashCommands(CommandRegistry registry) {
        List<Spec> specs = new ArrayList<>();
        specs.add(new Spec(COACH, "Ask your running coach a question", List.of(
                new Option("question", "e.g. How was my last run?", true, List.of())), false, false));
        for (Command c : registry.all()) {
            if (VALID_NAME.matcher(c.name()).matches() && !c.name().equals(COACH)) {
                specs.add(specOf(c));
            }
        }
        this.all = List.copyOf(specs);
    }

    private static Spec specOf(Command c) {
        List<Option> options = SHAPES.getOrDefault(c.name(),
                List.of(new Option(VALUE, limit(c.usage(), 100), false, List.of())));
        return new Spec(c.name(), limit(c.summary(), 100), options, c.privateOnly() || c.adminOnly(), c.adminOnly());
    }

    /** Discord wants 1-100 characters. */
    private static String limit(String text, int max) {
        String s = text == null || text.isBlank() ? "-" : text.strip();
        return s.length() > max ? s.substring(0, max - 1) + "…" : s;
    }

    List<Spec> all() {
        return all;
    }

    Optional<Spec> find(String name) {
        return all.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    List<Spec> global() {
        return all.stream().filter(s -> !s.admin()).toList();
    }

    List<Spec> ops() {
        return all.stream().filter(Spec::admin).toList();
    }
}
