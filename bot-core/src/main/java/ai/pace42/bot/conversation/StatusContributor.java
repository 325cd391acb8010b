package ai.pace42.bot.conversation;

import ai.pace42.bot.account.Account;
import java.util.List;

/**
 * Adds lines to /status. Capabilities that arrive later (Garmin linking, imports, subscriptions) contribute their
 * own state here instead of /status knowing about each of them.
 */
@FunctionalInterface
public interface StatusContributor {

    /** Markup lines, each typically {@code "- **Label:** value"}. */
    List<String> statusLines(Account account);
}
