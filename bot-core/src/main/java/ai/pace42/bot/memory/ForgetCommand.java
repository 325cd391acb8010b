package ai.pace42.bot.memory;

import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.conversation.Command;
import ai.pace42.bot.conversation.CommandContext;

/** {@code /forget}: the coach forgets the conversation so far (the coach memory of /memory stays). */
public final class ForgetCommand implements Command {

    private final ConversationMemory conversation;

    public ForgetCommand(ConversationMemory conversation) {
        this.conversation = conversation;
    }

    @Override
    public String name() {
        return "forget";
    }

    @Override
    public String usage() {
        return "/forget";
    }

    @Override
    public boolean privateOnly() {
        return true;
    }

    @Override
    public String summary() {
        return "Make the coach forget our conversation so far";
    }

    @Override
    public Reply run(CommandContext context) {
        int deleted = conversation.forget(context.account().id());
        String what = deleted == 0 ? "There was no conversation to forget."
                : "Done: I have forgotten our conversation (" + deleted + (deleted == 1 ? " message)." : " messages).");
        return Reply.text(what + " What you told me with /memory stays until you clear it (/memory clear).");
    }
}
