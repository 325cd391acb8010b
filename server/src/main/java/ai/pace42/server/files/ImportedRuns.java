package ai.pace42.server.files;

import ai.pace42.bot.data.ImportedFiles;
import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivityHeader;
import ai.pace42.coach.model.ActivitySource;
import ai.pace42.coach.model.Samples;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.files.ActivityFileImporter.ImportedFile;
import ai.pace42.garmin.sync.ActivityCodec;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The runs each account imported from activity files (table {@code imported_runs}, V19), stored with
 * {@link ActivityCodec}. A file counts once: by the SHA-256 of its bytes, and by its start time, so the same run
 * sent as FIT and as GPX is kept once (the first copy stays). Every query is scoped by account id.
 * <p>
 * Lives in the server because it needs garmin-client's importer types and codec and the database bot-core migrates.
 */
public final class ImportedRuns implements ImportedFiles {

    private final Jdbi jdbi;
    private final java.time.Clock clock;

    public ImportedRuns(Jdbi jdbi, java.time.Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Adds an upload's runs to the account's history in one transaction: all of them or, when the database fails,
     * none.
     */
    public ImportSummary add(String accountId, List<ImportedFile> files) {
        Objects.requireNonNull(accountId, "accountId");
        return jdbi.inTransaction(h -> {
            int runs = 0;
            int notRuns = 0;
            int duplicates = 0;
            int unreadable = 0;
            List<Instant> starts = new ArrayList<>();
            for (ImportedFile f : files) {
                if (!f.activity().isOk()) {
                    GarminProblemCode code = f.activity().problem().code();
                    if (code == GarminProblemCode.GARMIN_NOT_A_RUN) {
                        notRuns++;
                    } else if (code != GarminProblemCode.FILE_UNSUPPORTED) {
                        unreadable++;
                    }
                    continue;
                }
                Activity run = f.activity().value();
                if (isKnown(h, accountId, f.sha256(), run.startInstant())) {
                    duplicates++;
                    continue;
                }
                insert(h, accountId, f.sha256(), run);
                runs++;
                run.startInstant().ifPresent(starts::add);
            }
            Optional<YearMonth> from = starts.stream().min(Instant::compareTo).map(ImportedRuns::month);
            Optional<YearMonth> to = starts.stream().max(Instant::compareTo).map(ImportedRuns::month);
            return new ImportSummary(runs, notRuns, duplicates, unreadable, from, to);
        });
    }

    private static boolean isKnown(Handle h, String accountId, String sha256, Optional<Instant> start) {
        boolean sameFile = h.createQuery(
                        "SELECT COUNT(*) FROM imported_runs WHERE account_id = :a AND content_sha256 = :sha")
                .bind("a", accountId).bind("sha", sha256).mapTo(Integer.class).one() > 0;
        if (sameFile || start.isEmpty()) {
            return sameFile;
        }
        long at = start.get().toEpochMilli();
        long window = SAME_RUN.toMillis();
        return h.createQuery("""
                        SELECT COUNT(*) FROM imported_runs
                        WHERE account_id = :a AND start_at >= :from AND start_at <= :to""")
                .bind("a", accountId).bind("from", at - window).bind("to", at + window)
                .mapTo(Integer.class).one() > 0;
    }

    private void insert(Handle h, String accountId, String sha256, Activity run) {
        h.createUpdate("""
                        INSERT INTO imported_runs
                            (account_id, activity_id, content_sha256, start_at, header, body, imported_at)
                        VALUES (:a, :id, :sha, :start, :header, :body, :at)""")
                .bind("a", accountId).bind("id", run.id()).bind("sha", sha256)
                .bind("start", run.startInstant().map(Instant::toEpochMilli).orElse(null))
                .bind("header", ActivityCodec.encode(headerOnly(run)))
                .bind("body", ActivityCodec.encode(run))
                .bind("at", clock.millis())
                .execute();
    }

    /** What lists read: the run without samples and laps, a few hundred bytes. */
    private static Activity headerOnly(Activity a) {
        return new Activity(a.id(), a.source(), a.name(), a.sport(), a.start(), a.elapsedS(), a.movingS(),
                a.distanceM(), a.summary(), Samples.empty(), List.of(), a.tags());
    }

    @Override
    public Optional<ActivitySource> resolve(String accountId) {
        return count(accountId) > 0 ? Optional.of(new Source(accountId)) : Optional.empty();
    }

    public int count(String accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM imported_runs WHERE account_id = :a")
                .bind("a", accountId).mapTo(Integer.class).one());
    }

    @Override
    public Optional<String> describe(String accountId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) AS n, MIN(start_at) AS first_at, MAX(start_at) AS last_at
                        FROM imported_runs WHERE account_id = :a""")
                .bind("a", accountId)
                .map((rs, ctx) -> {
                    int n = rs.getInt("n");
                    long first = rs.getLong("first_at");
                    boolean dated = !rs.wasNull();
                    long last = rs.getLong("last_at");
                    if (n == 0) {
                        return Optional.<String>empty();
                    }
                    String runs = n + (n == 1 ? " run" : " runs") + " imported";
                    return Optional.of(dated ? runs + " (from " + month(Instant.ofEpochMilli(first)) + " to "
                            + month(Instant.ofEpochMilli(last)) + ")" : runs);
                }).one());
    }

    @Override
    public void forget(String accountId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM imported_runs WHERE account_id = :a")
                .bind("a", accountId).execute());
    }

    private static YearMonth month(Instant t) {
        return YearMonth.from(t.atZone(ZoneOffset.UTC));
    }

    /** One account's imported runs as the coach reads them. */
    private final class Source implements ActivitySource {

        private final String accountId;

        Source(String accountId) {
            this.accountId = accountId;
        }

        @Override
        public String label() {
            return "imported files";
        }

        @Override
        public List<ActivityHeader> list(Instant from, Instant to) {
            return jdbi.withHandle(h -> h.createQuery("""
                            SELECT header FROM imported_runs
                            WHERE account_id = :a AND start_at >= :from AND start_at < :to
                            ORDER BY start_at DESC, activity_id DESC""")
                    .bind("a", accountId).bind("from", from.toEpochMilli()).bind("to", to.toEpochMilli())
                    .map((rs, ctx) -> rs.getBytes("header")).list())
                    .stream().map(ActivityCodec::decode).flatMap(Optional::stream).map(Activity::header).toList();
        }

        /** The newest imported run however old, so a runner whose files all predate the coach's window is answered. */
        @Override
        public Optional<ActivityHeader> newest() {
            return jdbi.withHandle(h -> h.createQuery("""
                            SELECT header FROM imported_runs WHERE account_id = :a AND start_at IS NOT NULL
                            ORDER BY start_at DESC, activity_id DESC LIMIT 1""")
                    .bind("a", accountId).map((rs, ctx) -> rs.getBytes("header")).findOne())
                    .flatMap(ActivityCodec::decode).map(Activity::header);
        }

        @Override
        public Optional<Activity> load(String activityId) {
            return jdbi.withHandle(h -> h.createQuery(
                            "SELECT body FROM imported_runs WHERE account_id = :a AND activity_id = :id")
                    .bind("a", accountId).bind("id", activityId)
                    .map((rs, ctx) -> rs.getBytes("body")).findOne())
                    .flatMap(ActivityCodec::decode);
        }
    }
}
