package ai.pace42.bot.account;

import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.persistence.Ids;
import ai.pace42.coach.UnitSystem;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Accounts and the platform identities that map to them. */
public final class AccountService {

    private static final AccountDao.AccountMapper MAPPER = new AccountDao.AccountMapper();

    private final Jdbi jdbi;
    private final Clock clock;

    public AccountService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * The account of this identity, created on first contact. Safe under concurrent first messages from the
     * same identity: exactly one account is created and every caller gets it.
     */
    public Account resolve(PlatformIdentity who, String displayName) {
        Optional<Account> existing = find(who);
        if (existing.isPresent()) {
            return existing.get();
        }
        String newId = Ids.newId("acc");
        long now = clock.millis();
        jdbi.useTransaction(h -> {
            AccountDao dao = h.attach(AccountDao.class);
            dao.insertAccount(newId, now, displayName);
            int inserted = dao.insertIdentity(who.platform().id(), who.tenantId(), who.userId(), newId, now);
            if (inserted == 0) {
                // Another message from the same person created the account first; keep theirs.
                dao.deleteAccount(newId);
            }
        });
        return find(who).orElseThrow(() -> new IllegalStateException("identity vanished after insert"));
    }

    /*
     * find and findById run for every message, so they use the fluent API: attaching the AccountDao SqlObject
     * builds a handler and a configuration copy for each of its methods on every call, which profiled as about
     * 10% of the server's CPU per browser-chat request (issue #19) — more than the query itself.
     */
    public Optional<Account> find(PlatformIdentity who) {
        return jdbi.withHandle(h -> h.createQuery(AccountDao.FIND_BY_IDENTITY)
                .bind("platform", who.platform().id()).bind("tenantId", who.tenantId()).bind("userId", who.userId())
                .map(MAPPER).findOne());
    }

    public Optional<Account> findById(String accountId) {
        return jdbi.withHandle(h -> h.createQuery(AccountDao.FIND_BY_ID).bind("id", accountId).map(MAPPER).findOne());
    }

    /** The identities of an account in {@code platform:id} form, oldest first. */
    public List<String> identitiesOf(String accountId) {
        return jdbi.withExtension(AccountDao.class, dao -> dao.identitiesOf(accountId));
    }

    /**
     * Forgets an identity (a browser's /logout); its account stays for its other identities. False, changing
     * nothing, when it is the account's only identity: the account would be left with no way in.
     */
    public boolean detach(PlatformIdentity who) {
        return jdbi.withExtension(AccountDao.class,
                dao -> dao.deleteIdentityIfNotLast(who.platform().id(), who.tenantId(), who.userId())) == 1;
    }

    public void setUnits(String accountId, UnitSystem units) {
        jdbi.useExtension(AccountDao.class, dao -> dao.updateUnits(accountId, Units.toColumn(units)));
    }

    public void setTimeZone(String accountId, ZoneId zone) {
        jdbi.useExtension(AccountDao.class, dao -> dao.updateTimeZone(accountId, zone.getId()));
    }
}
