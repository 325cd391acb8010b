package ai.pace42.bot.memory;

import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.conversation.Command;
import ai.pace42.bot.conversation.CommandContext;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /memory}: shows what the coach remembers about the runner and lets them change it:
 * {@code /memory goal Berlin marathon in September}, {@code /memory injuries none}, {@code /memory clear days},
 * {@code /memory clear}.
 */
public final class MemoryCommand implements Command {

    private final CoachMemory memory;

    public MemoryCommand(CoachMemory memory) {
        this.memory = memory;
    }

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public String usage() {
        return "/memory [goal|phase|injuries|days <text>] [clear]";
    }

    @Override
    public boolean privateOnly() {
        return true;
    }

    @Override
    public String summary() {
        return "See or edit what the coach remembers: goal race, phase, injuries, days available";
    }

    @Override
    public Reply run(CommandContext context) {
        String accountId = context.account().id();
        String args = context.args();
        if (args.isEmpty()) {
            return Reply.text(show(memory.of(accountId)));
        }
        String[] words = args.split("\\s+", 2);
        String rest = words.length > 1 ? words[1] : "";
        if (words[0].equalsIgnoreCase("clear")) {
            if (rest.isBlank()) {
                memory.clear(accountId);
                return Reply.text("Done: I have forgotten everything /memory held.");
            }
            Optional<CoachMemory.Field> field = CoachMemory.Field.parse(rest.strip());
            if (field.isEmpty()) {
                return Reply.text(help());
            }
            memory.set(accountId, field.get(), "");
            return Reply.text("Done: **" + field.get().label() + "** is cleared.");
        }
        Optional<CoachMemory.Field> field = CoachMemory.Field.parse(words[0]);
        if (field.isEmpty() || rest.isBlank()) {
            return Reply.text(help());
        }
        String stored = memory.set(accountId, field.get(), rest);
        return Reply.text("Done: **" + field.get().label() + ":** " + stored);
    }

    private static String show(Map<CoachMemory.Field, String> fields) {
        if (fields.isEmpty()) {
            return "I don't remember anything about you yet.\n\n" + help();
        }
        StringBuilder sb = new StringBuilder("**What I remember about you** (used when I answer and plan):");
        for (CoachMemory.Field f : CoachMemory.Field.values()) {
            sb.append("\n- **").append(f.label()).append(":** ").append(fields.getOrDefault(f, "not set"));
        }
        return sb.append("\n\nChange one with /memory goal|phase|injuries|days <text>, or /memory clear.").toString();
    }

    private static String help() {
        return "Tell me with, for example:\n- /memory goal Berlin marathon on 27 September\n- /memory phase base building"
                + "\n- /memory injuries tight left calf\n- /memory days Tue, Thu, Sat and Sunday long run"
                + "\n- /memory clear injuries (or /memory clear for everything)";
    }
}
