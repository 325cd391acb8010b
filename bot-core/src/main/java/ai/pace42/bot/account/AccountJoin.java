package ai.pace42.bot.account;

import ai.pace42.bot.commands.UnlinkCommand;
import ai.pace42.bot.data.LinkedSource;
import ai.pace42.bot.linking.GarminLinking;
import ai.pace42.bot.secrets.SecretStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Joins two accounts of the same runner (e.g. Telegram and Slack) into one. The account that holds Garmin tokens
 * survives, otherwise the older one; when both hold Garmin tokens the join is refused, because one runner's data
 * would silently replace the other's. "Holds Garmin" means stored tokens, never the data-source flag, which
 * {@code /sample} switches while the tokens stay.
 *
 * <p>The absorbed account's secrets are deleted through the {@link SecretStore} port (so in Vault too, where no
 * database cascade reaches) and given up at Garmin, before its row goes.
 */
public final class AccountJoin {

    /** Every secret a runner's account can hold (a join moves them, a deletion removes them). */
    public static final List<String> RUNNER_SECRETS =
            List.of(UnlinkCommand.GARMIN_SECRET, GarminLinking.STAGED_SECRET);

    public sealed interface Outcome permits Outcome.Joined, Outcome.AlreadyOne, Outcome.BothLinked {
        record Joined(String survivingAccountId, String absorbedAccountId) implements Outcome {
        }

        record AlreadyOne() implements Outcome {
        }

        record BothLinked() implements Outcome {
        }
    }

    private final Jdbi jdbi;
    private final SecretStore secrets;
    private final LinkedSource garmin;

    public AccountJoin(Jdbi jdbi, SecretStore secrets, LinkedSource garmin) {
        this.jdbi = jdbi;
        this.secrets = secrets;
        this.garmin = garmin;
    }

    /** Whether the account holds Garmin tokens. */
    public boolean hasGarmin(String accountId) {
        return secrets.get(accountId, UnlinkCommand.GARMIN_SECRET).isPresent();
    }

    /** What {@link #join} would do, without doing it: for the request, before anyone confirms. */
    public Outcome preview(String accountA, String accountB) {
        if (accountA.equals(accountB)) {
            return new Outcome.AlreadyOne();
        }
        boolean garminA = hasGarmin(accountA);
        boolean garminB = hasGarmin(accountB);
        if (garminA && garminB) {
            return new Outcome.BothLinked();
        }
        String survivor = garminA ? accountA : garminB ? accountB : older(accountA, accountB);
        return new Outcome.Joined(survivor, survivor.equals(accountA) ? accountB : accountA);
    }

    public Outcome join(String accountA, String accountB) {
        Outcome outcome = preview(accountA, accountB);
        if (!(outcome instanceof Outcome.Joined joined)) {
            return outcome;
        }
        String survivor = joined.survivingAccountId();
        String absorbed = joined.absorbedAccountId();
        Map<String, String> held = new LinkedHashMap<>();
        for (String name : RUNNER_SECRETS) {
            secrets.get(absorbed, name).ifPresent(value -> held.put(name, value));
            secrets.delete(absorbed, name);
        }
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE platform_identities SET account_id = :survivor WHERE account_id = :absorbed")
                    .bind("survivor", survivor).bind("absorbed", absorbed).execute();
            // A home location (weather) moves along when the surviving account has none.
            h.createUpdate("UPDATE home_locations SET account_id = :survivor WHERE account_id = :absorbed "
                            + "AND NOT EXISTS (SELECT 1 FROM home_locations WHERE account_id = :survivor)")
                    .bind("survivor", survivor).bind("absorbed", absorbed).execute();
            // Everything else of the absorbed account (counters, pending links, a sample choice) goes with it.
            h.createUpdate("DELETE FROM accounts WHERE id = :absorbed").bind("absorbed", absorbed).execute();
        });
        garmin.forget(absorbed);
        // After the delete, so a slow or failing revocation can never leave the tokens stored.
        held.values().forEach(value -> garmin.revoke(absorbed, value));
        return outcome;
    }

    /** The account created first keeps its settings and history; ids break a tie, so the choice is stable. */
    private String older(String accountA, String accountB) {
        long a = createdAt(accountA);
        long b = createdAt(accountB);
        if (a != b) {
            return a < b ? accountA : accountB;
        }
        return accountA.compareTo(accountB) < 0 ? accountA : accountB;
    }

    private long createdAt(String accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT created_at FROM accounts WHERE id = :id")
                .bind("id", accountId).mapTo(Long.class).findOne().orElse(Long.MAX_VALUE));
    }
}
