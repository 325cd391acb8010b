package ai.pace42.bot.admin;

import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.persistence.Ids;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Writes who did what to whom, and whether it was allowed. */
public final class AuditLog {

    public enum Outcome { ALLOWED, DENIED, FAILED }

    private final Jdbi jdbi;
    private final Clock clock;

    public AuditLog(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public void record(PlatformIdentity actor, String action, String target, Outcome outcome, String requestId) {
        recordAs(actor.toString(), action, target, outcome, requestId);
    }

    /** An entry whose actor must not be a chat identity, e.g. an account deletion (only the account id is kept). */
    public void recordAs(String actor, String action, String target, Outcome outcome, String requestId) {
        jdbi.useExtension(AuditDao.class, dao -> dao.insert(Ids.newId("aud"), clock.millis(), actor, action, target,
                outcome.name(), requestId));
    }

    /** The newest entries as {@code "actor action target OUTCOME"}, newest first. */
    public List<String> recent(int limit) {
        return jdbi.withExtension(AuditDao.class, dao -> dao.recent(limit));
    }
}
