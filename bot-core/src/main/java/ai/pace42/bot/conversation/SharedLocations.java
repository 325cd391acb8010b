package ai.pace42.bot.conversation;

import ai.pace42.bot.account.Account;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.channel.SharedLocation;

/** What a location shared through the platform does for the runner (sets their home for weather answers). */
@FunctionalInterface
public interface SharedLocations {

    /** Before weather is on, a shared location has nothing to do. */
    SharedLocations UNSUPPORTED = (inbound, account, location) ->
            Reply.text("Thanks, but weather is switched off on this server, so I have no use for a location.");

    Reply shared(Inbound inbound, Account account, SharedLocation location);
}
