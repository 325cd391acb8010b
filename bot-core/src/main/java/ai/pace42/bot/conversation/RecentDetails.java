package ai.pace42.bot.conversation;

import ai.pace42.coach.CoachAnswer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The full breakdown behind each account's last concise answer, so "details" or "more" gives the breakdown of
 * the same run (an uploaded file included) rather than of whatever run is newest. In memory and bounded: after a
 * restart, or on another instance, "details" falls back to the coach, which details the newest run.
 */
final class RecentDetails {

    private static final int MAX_ACCOUNTS = 2_000;

    private final Map<String, String> byAccount = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_ACCOUNTS;
        }
    };

    /** Every answer replaces the memory: "more" after a fitness answer must not bring back an older run. */
    synchronized void remember(String accountId, CoachAnswer answer) {
        answer.details().ifPresentOrElse(d -> byAccount.put(accountId, d), () -> byAccount.remove(accountId));
    }

    synchronized Optional<String> of(String accountId) {
        return Optional.ofNullable(byAccount.get(accountId));
    }
}
