package ai.pace42.bot.data;

import ai.pace42.bot.account.Account;
import ai.pace42.bot.account.AccountService;
import ai.pace42.bot.conversation.StatusContributor;
import ai.pace42.coach.model.ActivitySource;
import ai.pace42.coach.model.ActivitySourceResolver;
import ai.pace42.bot.profile.RunnerProfiles;
import ai.pace42.coach.model.AthleteProfile;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Decides, per account, where the coach reads runs from. Only the account's own choice is ever consulted, so one
 * runner can never be answered from another runner's data.
 */
public final class AccountDataSources implements ActivitySourceResolver, StatusContributor {

    private final Jdbi jdbi;
    private final AccountService accounts;
    private final SampleAthletes samples;
    private final LinkedSource garmin;
    private final RunnerProfiles profiles;
    private volatile ImportedFiles files = ImportedFiles.none();
    /** Told the account whose data source changed (e.g. so the coach forgets answers from the old one). */
    private final java.util.List<java.util.function.Consumer<String>> changeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** @param garmin the runs of accounts that linked Garmin */
    public AccountDataSources(Jdbi jdbi, AccountService accounts, Clock clock, LinkedSource garmin) {
        this.jdbi = jdbi;
        this.accounts = accounts;
        this.samples = new SampleAthletes(clock);
        this.garmin = garmin;
        this.profiles = new RunnerProfiles(jdbi, clock);
    }

    /** What runners told the coach with /profile; laid over their own data's profile, never the sample athlete's. */
    public RunnerProfiles profiles() {
        return profiles;
    }

    /** The account's profile as the coach sees it: its /profile values over {@code fromData}. */
    public AthleteProfile profileOf(String accountId, AthleteProfile fromData) {
        return profiles.over(accountId, fromData);
    }

    /**
     * Lets the coach read the runs accounts imported from files: alone for an account without Garmin, added to the
     * Garmin runs (without the runs both hold) for a linked one. Set once while the server is wired.
     */
    public void readImportedFiles(ImportedFiles imported) {
        this.files = java.util.Objects.requireNonNull(imported, "imported");
    }

    public DataSourceKind kindOf(String accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT data_source FROM accounts WHERE id = :id")
                .bind("id", accountId).mapTo(String.class).findOne())
                .map(DataSourceKind::fromColumn).orElse(DataSourceKind.NONE);
    }

    public void choose(String accountId, DataSourceKind kind) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE accounts SET data_source = :kind WHERE id = :id")
                .bind("kind", kind.column()).bind("id", accountId).execute());
        changeListeners.forEach(l -> l.accept(accountId));
    }

    /** Called with the account id after every {@link #choose}. */
    public void onChange(java.util.function.Consumer<String> listener) {
        changeListeners.add(java.util.Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public Optional<ActivitySource> resolve(String accountId) {
        return switch (kindOf(accountId)) {
            case SAMPLE -> {
                // The sample athlete keeps its own profile: the runner's values are not its values.
                yield accounts.findById(accountId).map(a -> samples.in(a.effectiveZone()));
            }
            case GARMIN -> garmin.resolve(accountId).map(linked -> files.resolve(accountId)
                    .<ActivitySource>map(imported -> new WithImportedRuns(linked, imported)).orElse(linked))
                    .map(source -> withProfile(accountId, source));
            case NONE -> files.resolve(accountId).map(source -> withProfile(accountId, source));
        };
    }

    private ActivitySource withProfile(String accountId, ActivitySource source) {
        return new WithRunnerProfile(source, fromData -> profileOf(accountId, fromData));
    }

    @Override
    public List<String> statusLines(Account account) {
        List<String> lines = new java.util.ArrayList<>(dataLines(account));
        files.describe(account.id()).ifPresent(d -> lines.add("- **Files:** " + d));
        return lines;
    }

    private List<String> dataLines(Account account) {
        return switch (kindOf(account.id())) {
            case SAMPLE -> List.of("- **Data:** the sample athlete (not your runs; /sample off to stop)");
            case GARMIN -> List.of("- **Data:** Garmin" + garmin.describe(account).map(d -> " — " + d).orElse("")
                    + " (/unlink to disconnect)");
            case NONE -> List.of(files.describe(account.id()).isPresent()
                    ? "- **Data:** your imported files (/link to add Garmin)"
                    : "- **Data:** none yet — /link to connect Garmin, or /sample to explore");
        };
    }
}
