package ai.pace42.telegram;

import ai.pace42.bot.conversation.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeChat;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeDefault;

/**
 * The "/" menu built from the core's command registry: public commands for everyone, and the full list in each
 * admin's private chat. The menu only decides what is shown; the core authorises every admin command itself.
 */
final class CommandMenu {

    private static final Pattern VALID_NAME = Pattern.compile("[a-z0-9_]{1,32}");
    private static final int MAX_COMMANDS = 100;

    private CommandMenu() {
    }

    static List<SetMyCommands> requests(List<Command> all, List<Long> adminUserIds) {
        List<SetMyCommands> out = new ArrayList<>();
        if (all.isEmpty()) {
            return out; // Telegram refuses an empty list; there is nothing to show anyway
        }
        out.add(SetMyCommands.builder()
                .commands(botCommands(all.stream().filter(c -> !c.adminOnly()).toList()))
                .scope(new BotCommandScopeDefault())
                .build());
        for (long admin : adminUserIds) {
            out.add(SetMyCommands.builder()
                    .commands(botCommands(all))
                    .scope(BotCommandScopeChat.builder().chatId(admin).build())
                    .build());
        }
        return out;
    }

    private static List<BotCommand> botCommands(List<Command> commands) {
        List<BotCommand> out = new ArrayList<>();
        for (Command c : commands) {
            if (!VALID_NAME.matcher(c.name()).matches() || out.size() == MAX_COMMANDS) {
                continue; // Telegram rejects the whole menu for one bad name
            }
            out.add(new BotCommand(c.name(), description(c.summary())));
        }
        return out;
    }

    /** Telegram wants 3-256 characters. */
    private static String description(String summary) {
        String s = summary == null ? "" : summary.strip();
        if (s.length() < 3) {
            s = (s + "...").substring(0, 3);
        }
        return s.length() > 256 ? s.substring(0, 255) + "…" : s;
    }
}
