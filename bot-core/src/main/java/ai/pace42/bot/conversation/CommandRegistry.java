package ai.pace42.bot.conversation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The commands the bot knows, in the order /help lists them. */
public final class CommandRegistry {

    private final Map<String, Command> commands = new LinkedHashMap<>();

    public CommandRegistry register(Command command) {
        if (commands.putIfAbsent(command.name(), command) != null) {
            throw new IllegalArgumentException("command registered twice: /" + command.name());
        }
        return this;
    }

    public Optional<Command> find(String name) {
        return Optional.ofNullable(commands.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Commands every user may see (admin commands excluded). */
    public List<Command> publicCommands() {
        List<Command> out = new ArrayList<>();
        for (Command c : commands.values()) {
            if (!c.adminOnly()) {
                out.add(c);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** True when {@code name} is a registered command that belongs in a private chat. */
    public boolean isPrivateOnly(String name) {
        return find(name).map(Command::privateOnly).orElse(false);
    }

    public List<Command> all() {
        return List.copyOf(commands.values());
    }

    /**
     * Splits "/units@pace42bot mi" into name "units" and args "mi". Telegram appends the bot's username in
     * groups, so everything after '@' in the first word is dropped.
     */
    public static ParsedCommand parse(String text) {
        String body = text.strip().substring(1);
        int space = indexOfWhitespace(body);
        String head = space < 0 ? body : body.substring(0, space);
        String args = space < 0 ? "" : body.substring(space + 1).strip();
        int at = head.indexOf('@');
        if (at >= 0) {
            head = head.substring(0, at);
        }
        return new ParsedCommand(head.toLowerCase(Locale.ROOT), args);
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    public record ParsedCommand(String name, String args) {
    }
}
