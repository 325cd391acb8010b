package ai.pace42.bot.commands;

import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.conversation.Command;
import ai.pace42.bot.conversation.CommandContext;
import ai.pace42.coach.CoachService;

/** The greeting: who pace42 is and the first things to try. */
public final class StartCommand implements Command {

    private final CoachService coach;

    public StartCommand(CoachService coach) {
        this.coach = coach;
    }

    @Override
    public String name() {
        return "start";
    }

    @Override
    public String usage() {
        return "/start";
    }

    @Override
    public String summary() {
        return "Say hello and see what I can do";
    }

    @Override
    public Reply run(CommandContext context) {
        String name = context.account().displayName();
        StringBuilder text = new StringBuilder();
        text.append("**Hi").append(name.isBlank() ? "" : " " + name).append("! I'm pace42, your running coach.**\n\n");
        text.append("I read your own training data and answer in plain words, with a chart. Try asking:\n");
        for (String q : coach.exampleQuestions()) {
            text.append("- ").append(q).append('\n');
        }
        text.append("\nType /help for everything I understand.");
        return Reply.text(text.toString());
    }
}
