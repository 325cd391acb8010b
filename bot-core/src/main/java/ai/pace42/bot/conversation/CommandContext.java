package ai.pace42.bot.conversation;

import ai.pace42.bot.account.Account;
import ai.pace42.bot.channel.Inbound;

/**
 * Everything a command needs: the message, the sender's account, and the text after the command name.
 */
public record CommandContext(Inbound inbound, Account account, String args) {

    public CommandContext {
        args = args == null ? "" : args.strip();
    }
}
