package ai.pace42.server.garmin.cache;

import static ai.pace42.server.garmin.cache.Guarded.read;
import static ai.pace42.server.garmin.cache.Guarded.write;

import ai.pace42.garmin.GarminProblem;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.sync.SyncStamp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;

/**
 * One account's row of {@code garmin_sync_state}: the freshness stamp, how far back the list is complete, and
 * Garmin's user settings. A missing row reads as "never synced".
 */
final class SyncStateRow {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;
    private final String accountId;

    SyncStateRow(Jdbi jdbi, String accountId) {
        this.jdbi = jdbi;
        this.accountId = accountId;
    }

    SyncStamp stamp() {
        return read("stamp", () -> jdbi.withHandle(h -> h.createQuery("""
                SELECT last_success, last_attempt, problem_code, problem_detail
                FROM garmin_sync_state WHERE account_id = :a""")
                .bind("a", accountId)
                .map((rs, ctx) -> new SyncStamp(instant(rs.getObject("last_success")),
                        instant(rs.getObject("last_attempt")),
                        problem(rs.getString("problem_code"), rs.getString("problem_detail"))))
                .findOne().orElse(SyncStamp.never())), SyncStamp.never());
    }

    void stamp(SyncStamp s) {
        upsert("stamp", "last_success = :success, last_attempt = :attempt, problem_code = :code, "
                + "problem_detail = :detail", u -> u
                .bind("success", s.lastSuccess().map(Instant::toEpochMilli).orElse(null))
                .bind("attempt", s.lastAttempt().map(Instant::toEpochMilli).orElse(null))
                .bind("code", s.lastProblem().map(p -> p.code().name()).orElse(null))
                .bind("detail", s.lastProblem().map(GarminProblem::detail).orElse(null)));
    }

    /** Stored as NULL for unknown (Instant.MAX) and Long.MIN_VALUE for "the whole history" (Instant.MIN). */
    Instant coveredFrom() {
        Optional<Long> v = read("covered", () -> jdbi.withHandle(h -> h.createQuery(
                "SELECT covered_from FROM garmin_sync_state WHERE account_id = :a AND covered_from IS NOT NULL")
                .bind("a", accountId).mapTo(Long.class).findOne()), Optional.empty());
        return v.map(m -> m == Long.MIN_VALUE ? Instant.MIN : Instant.ofEpochMilli(m)).orElse(Instant.MAX);
    }

    void coveredFrom(Instant from) {
        Long stored = from.equals(Instant.MAX) ? null : from.equals(Instant.MIN) ? Long.MIN_VALUE : from.toEpochMilli();
        upsert("covered", "covered_from = :covered", u -> u.bind("covered", stored));
    }

    Optional<JsonNode> userSettings() {
        return read("settings", () -> jdbi.withHandle(h -> h.createQuery(
                "SELECT user_settings FROM garmin_sync_state WHERE account_id = :a AND user_settings IS NOT NULL")
                .bind("a", accountId).mapTo(String.class).findOne()), Optional.<String>empty())
                .flatMap(SyncStateRow::json);
    }

    void userSettings(JsonNode settings) {
        upsert("settings", "user_settings = :settings", u -> u.bind("settings", settings.toString()));
    }

    /** Creates the row if needed, then sets the given columns, in one transaction. */
    private void upsert(String what, String assignments, UnaryOperator<Update> binder) {
        write(what, () -> jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO garmin_sync_state (account_id) VALUES (:a) ON CONFLICT (account_id) "
                    + "DO NOTHING").bind("a", accountId).execute();
            binder.apply(h.createUpdate("UPDATE garmin_sync_state SET " + assignments + " WHERE account_id = :a")
                    .bind("a", accountId)).execute();
        }));
    }

    private static Optional<Instant> instant(Object millis) {
        return millis == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(((Number) millis).longValue()));
    }

    private static Optional<GarminProblem> problem(String code, String detail) {
        if (code == null) {
            return Optional.empty();
        }
        GarminProblemCode c;
        try {
            c = GarminProblemCode.valueOf(code);
        } catch (IllegalArgumentException e) {
            c = GarminProblemCode.GARMIN_UNAVAILABLE; // written by a newer version
        }
        return Optional.of(GarminProblem.of(c, detail == null ? "" : detail));
    }

    private static Optional<JsonNode> json(String text) {
        try {
            return Optional.of(JSON.readTree(text));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
