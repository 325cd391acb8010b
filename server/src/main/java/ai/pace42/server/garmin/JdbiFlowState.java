package ai.pace42.server.garmin;

import ai.pace42.bot.secrets.SecretStore;
import ai.pace42.garmin.auth.FlowState;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Link-flow state every instance can finish ({@code shared_web_state}): OAuth state, OAuth approvals awaiting
 * confirmation and pending MFA sign-ins. The row holds who, what kind and until when; the value itself (a PKCE
 * verifier, approved tokens, SSO cookies) is sealed in the secret store under the flow's account. Expired entries
 * are never returned and are purged (with their secrets) on every write and by {@link #purgeExpired()}.
 */
public final class JdbiFlowState implements FlowState {

    private static final Logger LOG = LoggerFactory.getLogger(JdbiFlowState.class);
    /** Unexpired entries one kind may hold; beyond that new flows are refused until some expire. */
    public static final int MAX_PER_KIND = 10_000;
    private static final String SEALED = "sealed";

    private final Jdbi jdbi;
    private final SecretStore secrets;
    private final Clock clock;
    private final int maxPerKind;

    public JdbiFlowState(Jdbi jdbi, SecretStore secrets, Clock clock) {
        this(jdbi, secrets, clock, MAX_PER_KIND);
    }

    JdbiFlowState(Jdbi jdbi, SecretStore secrets, Clock clock, int maxPerKind) {
        this.jdbi = jdbi;
        this.secrets = secrets;
        this.clock = clock;
        this.maxPerKind = maxPerKind;
    }

    @Override
    public boolean put(String kind, String id, Entry entry) {
        purgeExpired();
        boolean known = row(kind, id).isPresent();
        long count = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM shared_web_state WHERE kind = :k")
                .bind("k", kind).mapTo(Long.class).one());
        if (count >= maxPerKind && !known) {
            LOG.warn("{} refused: {} entries pending", kind, count);
            return false;
        }
        // The secret first: a row is never visible without its value.
        secrets.put(entry.accountId(), secretName(kind, id), entry.value());
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO shared_web_state (kind, id, account_id, value, expires_at) "
                        + "VALUES (:k, :i, :a, :v, :e) ON CONFLICT (kind, id) DO UPDATE SET "
                        + "account_id = excluded.account_id, value = excluded.value, expires_at = excluded.expires_at")
                .bind("k", kind).bind("i", id).bind("a", entry.accountId()).bind("v", SEALED)
                .bind("e", entry.expires().toEpochMilli()).execute());
        return true;
    }

    @Override
    public Optional<Entry> get(String kind, String id) {
        return row(kind, id).flatMap(r -> unseal(kind, id, r));
    }

    @Override
    public Optional<Entry> take(String kind, String id) {
        Optional<Row> row = row(kind, id);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        // Whoever deletes the row owns the entry: of two instances taking it at once, one gets it.
        int deleted = jdbi.withHandle(h -> h.createUpdate("DELETE FROM shared_web_state WHERE kind = :k AND id = :i")
                .bind("k", kind).bind("i", id).execute());
        if (deleted != 1) {
            return Optional.empty();
        }
        Optional<Entry> entry = unseal(kind, id, row.get());
        secrets.delete(row.get().accountId(), secretName(kind, id));
        return entry;
    }

    @Override
    public void remove(String kind, String id) {
        row(kind, id).ifPresent(r -> {
            jdbi.useHandle(h -> h.createUpdate("DELETE FROM shared_web_state WHERE kind = :k AND id = :i")
                    .bind("k", kind).bind("i", id).execute());
            secrets.delete(r.accountId(), secretName(kind, id));
        });
    }

    /** Deletes expired entries and their sealed values; returns how many went. */
    public int purgeExpired() {
        long now = clock.millis();
        List<Expired> expired = jdbi.withHandle(h -> h.createQuery("SELECT kind, id, account_id FROM shared_web_state "
                        + "WHERE expires_at <= :now AND account_id IS NOT NULL LIMIT 500")
                .bind("now", now).map((rs, ctx) -> new Expired(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list());
        for (Expired e : expired) {
            jdbi.useHandle(h -> h.createUpdate("DELETE FROM shared_web_state WHERE kind = :k AND id = :i")
                    .bind("k", e.kind()).bind("i", e.id()).execute());
            try {
                secrets.delete(e.accountId(), secretName(e.kind(), e.id()));
            } catch (RuntimeException ex) {
                LOG.warn("expired {} entry: its sealed value could not be deleted ({})", e.kind(),
                        ex.getClass().getSimpleName());
            }
        }
        return expired.size();
    }

    private record Row(String accountId, long expiresAt) {
    }

    private record Expired(String kind, String id, String accountId) {
    }

    private Optional<Row> row(String kind, String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT account_id, expires_at FROM shared_web_state "
                        + "WHERE kind = :k AND id = :i AND expires_at > :now")
                .bind("k", kind).bind("i", id).bind("now", clock.millis())
                .map((rs, ctx) -> new Row(rs.getString(1), rs.getLong(2))).findOne());
    }

    private Optional<Entry> unseal(String kind, String id, Row row) {
        return secrets.get(row.accountId(), secretName(kind, id))
                .map(v -> new Entry(row.accountId(), v, Instant.ofEpochMilli(row.expiresAt())));
    }

    /** Ids are random or hashes; the name keeps flow values apart from an account's own secrets. */
    static String secretName(String kind, String id) {
        return "flow:" + kind + ":" + id;
    }
}
