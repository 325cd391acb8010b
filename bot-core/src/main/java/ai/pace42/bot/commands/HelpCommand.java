package ai.pace42.bot.commands;

import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.conversation.Command;
import ai.pace42.bot.conversation.CommandContext;
import ai.pace42.bot.conversation.CommandRegistry;
import ai.pace42.coach.CoachService;

/** Lists the questions the coach answers and every public command, straight from the registry. */
public final class HelpCommand implements Command {

    private final CommandRegistry registry;
    private final CoachService coach;

    public HelpCommand(CommandRegistry registry, CoachService coach) {
        this.registry = registry;
        this.coach = coach;
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String usage() {
        return "/help";
    }

    @Override
    public String summary() {
        return "What I understand";
    }

    @Override
    public Reply run(CommandContext context) {
        return Reply.text(text());
    }

    /** The help text; also used when a message is empty or a command is unknown. */
    public String text() {
        StringBuilder text = new StringBuilder("**Ask me about your running**, for example:\n");
        for (String q : coach.exampleQuestions()) {
            text.append("- ").append(q).append('\n');
        }
        text.append("\n**Commands**\n");
        for (Command c : registry.publicCommands()) {
            text.append("- ").append(c.usage()).append(" — ").append(c.summary()).append('\n');
        }
        return text.toString().strip();
    }
}
