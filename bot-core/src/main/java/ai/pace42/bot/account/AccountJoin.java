package ai.pace42.bot.account;

import ai.pace42.bot.data.AccountDataSources;
import ai.pace42.bot.data.DataSourceKind;
import org.jdbi.v3.core.Jdbi;

/**
 * Joins two accounts of the same runner (e.g. Telegram and Slack) into one. The account with Garmin linked
 * survives; when both have Garmin the join is refused, because one runner's data would silently replace the
 * other's.
 */
public final class AccountJoin {

    public sealed interface Outcome permits Outcome.Joined, Outcome.AlreadyOne, Outcome.BothLinked {
        record Joined(String survivingAccountId) implements Outcome {
        }

        record AlreadyOne() implements Outcome {
        }

        record BothLinked() implements Outcome {
        }
    }

    private final Jdbi jdbi;
    private final AccountDataSources sources;

    public AccountJoin(Jdbi jdbi, AccountDataSources sources) {
        this.jdbi = jdbi;
        this.sources = sources;
    }

    public Outcome join(String accountA, String accountB) {
        if (accountA.equals(accountB)) {
            return new Outcome.AlreadyOne();
        }
        boolean garminA = sources.kindOf(accountA) == DataSourceKind.GARMIN;
        boolean garminB = sources.kindOf(accountB) == DataSourceKind.GARMIN;
        if (garminA && garminB) {
            return new Outcome.BothLinked();
        }
        String survivor = garminB ? accountB : accountA;
        String absorbed = survivor.equals(accountA) ? accountB : accountA;
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE platform_identities SET account_id = :survivor WHERE account_id = :absorbed")
                    .bind("survivor", survivor).bind("absorbed", absorbed).execute();
            // Everything else of the absorbed account (counters, pending links, a sample choice) goes with it.
            h.createUpdate("DELETE FROM accounts WHERE id = :absorbed").bind("absorbed", absorbed).execute();
        });
        return new Outcome.Joined(survivor);
    }
}
