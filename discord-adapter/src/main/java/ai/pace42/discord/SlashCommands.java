package ai.pace42.discord;

import java.util.List;
import java.util.Optional;

/**
 * The slash commands pace42 registers, as plain data: the JDA registration and the mapping to the core both read
 * this one table, so a command cannot be registered without being understood (or the other way round).
 */
final class SlashCommands {

    /** One option of a command; {@code choices} empty means free text. */
    record Option(String name, String description, boolean required, List<String> choices) {
    }

    /** A subcommand of {@code /admin}. */
    record Sub(String name, String description, List<Option> options) {
    }

    /**
     * @param ephemeral answered so only the invoker sees it (personal data, links, operator output)
     * @param admin     registered only in the operations server, with default permissions disabled
     */
    record Spec(String name, String description, List<Option> options, List<Sub> subcommands, boolean ephemeral,
                boolean admin) {
    }

    static final String COACH = "coach";
    static final String ADMIN = "admin";

    static final List<Spec> ALL = List.of(
            new Spec(COACH, "Ask your running coach a question", List.of(
                    new Option("question", "e.g. How was my last run?", true, List.of())), List.of(), false, false),
            new Spec("start", "Say hello and see what pace42 can do", List.of(), List.of(), false, false),
            new Spec("link", "Connect your Garmin account (private one-time link)", List.of(
                    new Option("code", "the 6-digit code the link page showed, to confirm", false, List.of())),
                    List.of(), true, false),
            new Spec("unlink", "Disconnect Garmin and delete its tokens", List.of(
                    new Option("confirm", "confirm to go ahead", false, List.of("confirm"))), List.of(), true, false),
            new Spec("connect", "Use one pace42 account from several chat apps", List.of(
                    new Option("code", "the code /connect gave you in another chat app", false, List.of())),
                    List.of(), true, false),
            new Spec("delete", "Delete your pace42 account and everything it holds (asks for a code first)", List.of(
                    new Option("code", "the 6-digit code /delete showed, to confirm", false, List.of())),
                    List.of(), true, false),
            new Spec("logout", "Browser chat only: forget this browser (Discord signs you in itself)", List.of(),
                    List.of(), true, false),
            new Spec("status", "What pace42 knows about you", List.of(), List.of(), true, false),
            new Spec("units", "Show or set kilometres or miles", List.of(
                    new Option("system", "km or mi", false, List.of("km", "mi"))), List.of(), false, false),
            new Spec("timezone", "Show or set your time zone", List.of(
                    new Option("zone", "Area/City, e.g. Europe/Berlin", false, List.of())), List.of(), true, false),
            new Spec("sample", "Try the coach on a sample athlete's data", List.of(
                    new Option("mode", "off to stop using the sample data", false, List.of("off"))), List.of(),
                    false, false),
            new Spec("plan", "Your training plan to a race date: make one, see this week or today, adapt it", List.of(
                    new Option("action", "week, today, chart, calendar, pause, resume, undo, history, stop, or a race and date",
                            false, List.of())), List.of(), false, false),
            new Spec("subscription", "Your tier, questions used this month and the renewal date", List.of(), List.of(),
                    true, false),
            new Spec("help", "What pace42 can do", List.of(), List.of(), false, false),
            new Spec(ADMIN, "Operator commands", List.of(), List.of(
                    new Sub("stats", "Accounts and messages", List.of()),
                    new Sub("user", "One account", List.of(
                            new Option("identity", "platform:id, e.g. discord:80351110224678912", true,
                                    List.of()))),
                    new Sub("premium", "Grant premium for some days (0 revokes)", List.of(
                            new Option("identity", "platform:id, e.g. discord:80351110224678912", true, List.of()),
                            new Option("days", "days of premium; 0 revokes", true, List.of())))), true, true));

    private SlashCommands() {
    }

    static Optional<Spec> find(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    static List<Spec> global() {
        return ALL.stream().filter(s -> !s.admin()).toList();
    }

    static List<Spec> ops() {
        return ALL.stream().filter(Spec::admin).toList();
    }
}
