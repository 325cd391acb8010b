package ai.pace42.bot.plans;

import ai.pace42.bot.persistence.Ids;
import ai.pace42.coach.plan.PlanCodec;
import ai.pace42.coach.plan.TrainingPlan;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Plans and their change history in the database. A proposal is stored before anything changes, and applying,
 * declining and undoing a change each happen in one transaction with the plan they touch, so a plan and its history
 * never disagree.
 */
public final class PlanStore {

    private final Jdbi jdbi;
    private final Clock clock;

    public PlanStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** The plan the runner follows now, or a paused one when none is active. */
    public Optional<StoredPlan> current(String accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM training_plans WHERE account_id = :a AND status <> 'archived' "
                        + "ORDER BY CASE status WHEN 'active' THEN 0 ELSE 1 END, updated_at DESC").bind("a", accountId)
                .map(PlanStore::plan).findFirst());
    }

    public Optional<StoredPlan> byId(String accountId, String planId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM training_plans WHERE account_id = :a AND id = :id")
                .bind("a", accountId).bind("id", planId).map(PlanStore::plan).findFirst());
    }

    public List<StoredPlan> all(String accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM training_plans WHERE account_id = :a ORDER BY created_at")
                .bind("a", accountId).map(PlanStore::plan).list());
    }

    public long countActive(String accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM training_plans WHERE account_id = :a AND status = 'active'")
                .bind("a", accountId).mapTo(Long.class).one());
    }

    /** Stores a new proposal; an older proposal still waiting is declined, so only the newest can be said yes to. */
    public PlanChange propose(String accountId, Optional<String> planId, PlanChange.Kind kind, String reason,
                              Optional<TrainingPlan> after) {
        String id = Ids.newId("chg");
        long now = clock.millis();
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE plan_changes SET status = 'declined', decided_at = :now WHERE account_id = :a AND status = 'proposed'")
                    .bind("now", now).bind("a", accountId).execute();
            String before = planId.flatMap(p -> body(h, p)).orElse(null);
            h.createUpdate("INSERT INTO plan_changes (id, account_id, plan_id, kind, reason, status, before_body, after_body, created_at) "
                            + "VALUES (:id, :a, :p, :k, :r, 'proposed', :b, :after, :now)")
                    .bind("id", id).bind("a", accountId).bind("p", planId.orElse(null)).bind("k", kind.name().toLowerCase(Locale.ROOT))
                    .bind("r", reason).bind("b", before).bind("after", after.map(PlanCodec::encode).orElse(null)).bind("now", now)
                    .execute();
        });
        return pending(accountId).orElseThrow();
    }

    public Optional<PlanChange> pending(String accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM plan_changes WHERE account_id = :a AND status = 'proposed' "
                + "ORDER BY created_at DESC").bind("a", accountId).map(PlanStore::change).findFirst());
    }

    public List<PlanChange> history(String accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM plan_changes WHERE account_id = :a AND status <> 'proposed' "
                + "ORDER BY created_at").bind("a", accountId).map(PlanStore::change).list());
    }

    /** Applies a waiting proposal; returns the plan it produced or touched. */
    public Optional<StoredPlan> apply(String accountId, String changeId) {
        long now = clock.millis();
        return jdbi.inTransaction(h -> {
            Optional<PlanChange> c = h.createQuery("SELECT * FROM plan_changes WHERE id = :id AND account_id = :a AND status = 'proposed'")
                    .bind("id", changeId).bind("a", accountId).map(PlanStore::change).findFirst();
            if (c.isEmpty()) {
                return Optional.<StoredPlan>empty();
            }
            PlanChange change = c.get();
            String planId = change.planId().orElse(null);
            switch (change.kind()) {
                case CREATE, REPLACE -> {
                    if (change.kind() == PlanChange.Kind.REPLACE && planId != null) {
                        status(h, planId, "archived", now);
                    }
                    TrainingPlan p = PlanCodec.decode(change.afterBody().orElseThrow());
                    planId = insert(h, accountId, p, now);
                    h.createUpdate("UPDATE plan_changes SET plan_id = :p WHERE id = :id").bind("p", planId).bind("id", changeId).execute();
                }
                case ADAPT -> h.createUpdate("UPDATE training_plans SET body = :b, updated_at = :now WHERE id = :id")
                        .bind("b", change.afterBody().orElseThrow()).bind("now", now).bind("id", planId).execute();
                case PAUSE -> status(h, planId, "paused", now);
                case RESUME -> status(h, planId, "active", now);
                case STOP -> status(h, planId, "archived", now);
            }
            h.createUpdate("UPDATE plan_changes SET status = 'applied', decided_at = :now WHERE id = :id")
                    .bind("now", now).bind("id", changeId).execute();
            String id = planId;
            return h.createQuery("SELECT * FROM training_plans WHERE id = :id").bind("id", id).map(PlanStore::plan).findFirst();
        });
    }

    public boolean decline(String accountId, String changeId) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE plan_changes SET status = 'declined', decided_at = :now "
                        + "WHERE id = :id AND account_id = :a AND status = 'proposed'")
                .bind("now", clock.millis()).bind("id", changeId).bind("a", accountId).execute()) == 1;
    }

    /** Undoes the newest applied change: the plan goes back to exactly what it was before. */
    public Optional<PlanChange> undoLast(String accountId) {
        long now = clock.millis();
        return jdbi.inTransaction(h -> {
            Optional<PlanChange> c = h.createQuery("SELECT * FROM plan_changes WHERE account_id = :a AND status = 'applied' "
                    + "ORDER BY decided_at DESC, created_at DESC").bind("a", accountId).map(PlanStore::change).findFirst();
            if (c.isEmpty()) {
                return c;
            }
            PlanChange change = c.get();
            String planId = change.planId().orElseThrow();
            switch (change.kind()) {
                case CREATE -> status(h, planId, "archived", now);
                case REPLACE -> {
                    status(h, planId, "archived", now);
                    h.createUpdate("UPDATE training_plans SET status = 'active', updated_at = :now WHERE account_id = :a AND status = 'archived' "
                                    + "AND body = :b").bind("now", now).bind("a", accountId).bind("b", change.beforeBody().orElse("")).execute();
                }
                case ADAPT -> h.createUpdate("UPDATE training_plans SET body = :b, updated_at = :now WHERE id = :id")
                        .bind("b", change.beforeBody().orElseThrow()).bind("now", now).bind("id", planId).execute();
                case PAUSE -> status(h, planId, "active", now);
                case RESUME -> status(h, planId, "paused", now);
                case STOP -> status(h, planId, "active", now);
            }
            h.createUpdate("UPDATE plan_changes SET status = 'undone', decided_at = :now WHERE id = :id").bind("now", now)
                    .bind("id", change.id()).execute();
            return c;
        });
    }

    /** Pauses every active plan but the newest {@code keep}; used when a subscription no longer allows them. */
    public int pauseBeyond(String accountId, int keep) {
        return jdbi.inTransaction(h -> {
            List<String> active = h.createQuery("SELECT id FROM training_plans WHERE account_id = :a AND status = 'active' "
                    + "ORDER BY updated_at DESC, created_at DESC").bind("a", accountId).mapTo(String.class).list();
            int n = 0;
            for (String id : active.subList(Math.min(keep, active.size()), active.size())) {
                status(h, id, "paused", clock.millis());
                n++;
            }
            return n;
        });
    }

    private static String insert(Handle h, String accountId, TrainingPlan p, long now) {
        String id = Ids.newId("pln");
        h.createUpdate("INSERT INTO training_plans (id, account_id, status, race_date, race_distance_m, body, created_at, updated_at) "
                        + "VALUES (:id, :a, 'active', :d, :m, :b, :now, :now)").bind("id", id).bind("a", accountId)
                .bind("d", p.request().raceDate().toString()).bind("m", p.request().raceDistanceM()).bind("b", PlanCodec.encode(p))
                .bind("now", now).execute();
        return id;
    }

    private static void status(Handle h, String planId, String status, long now) {
        h.createUpdate("UPDATE training_plans SET status = :s, updated_at = :now WHERE id = :id").bind("s", status)
                .bind("now", now).bind("id", planId).execute();
    }

    private static Optional<String> body(Handle h, String planId) {
        return h.createQuery("SELECT body FROM training_plans WHERE id = :id").bind("id", planId).mapTo(String.class).findFirst();
    }

    private static StoredPlan plan(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        return new StoredPlan(rs.getString("id"), rs.getString("account_id"),
                StoredPlan.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), PlanCodec.decode(rs.getString("body")));
    }

    private static PlanChange change(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        return new PlanChange(rs.getString("id"), rs.getString("account_id"), Optional.ofNullable(rs.getString("plan_id")),
                PlanChange.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)), rs.getString("reason"),
                PlanChange.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                Optional.ofNullable(rs.getString("before_body")), Optional.ofNullable(rs.getString("after_body")),
                java.time.Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
