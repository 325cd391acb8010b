package ai.pace42.bot.channel;

import java.util.Optional;

/**
 * What a dashboard (the Slack App Home, a browser sidebar) shows of a runner's account.
 *
 * @param known   whether this identity has an account yet (its first message creates it)
 * @param status  the /status text, or an invitation to say hello when unknown
 * @param lastRun the coach's answer about the last run; empty when the account is unknown
 */
public record AccountView(boolean known, Reply status, Optional<Reply> lastRun) {
}
