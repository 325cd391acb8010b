package ai.pace42.bot.admin;

import ai.pace42.bot.account.AccountDao;
import ai.pace42.bot.usage.UsageLog;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/** Counts for operators: never contents, never secrets. */
public final class AdminStats {

    private final Jdbi jdbi;
    private final UsageLog usage;

    public AdminStats(Jdbi jdbi, UsageLog usage) {
        this.jdbi = jdbi;
        this.usage = usage;
    }

    public record Snapshot(long accounts, Map<String, Long> identitiesPerPlatform, long messagesToday) {
    }

    public Snapshot snapshot() {
        return jdbi.withExtension(AccountDao.class, dao -> {
            Map<String, Long> perPlatform = new TreeMap<>();
            for (String platform : dao.identityPlatforms()) {
                perPlatform.merge(platform, 1L, Long::sum);
            }
            return new Snapshot(dao.countAccounts(), perPlatform, usage.messagesToday());
        });
    }
}
