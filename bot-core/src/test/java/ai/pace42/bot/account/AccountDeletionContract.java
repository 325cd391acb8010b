package ai.pace42.bot.account;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.conversation.FileAnalysis;
import ai.pace42.bot.secrets.LocalSecretStore;
import ai.pace42.bot.testing.MutableClock;
import ai.pace42.bot.testing.RecordingAdapter;
import ai.pace42.bot.testing.RecordingLinkedSource;
import ai.pace42.bot.testing.TestSecretStores;
import ai.pace42.coach.CoachAnswer;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /delete}: after the confirmation, no table holds a row of the account and the secret store holds no secret
 * of it, while another account keeps everything. The tables are found in the database's own catalogue, so a table
 * added later with an account column is checked without touching this test.
 */
abstract class AccountDeletionContract {

    private static final PlatformIdentity ANA = PlatformIdentity.of(Platform.TELEGRAM, "100");
    private static final PlatformIdentity ANA_WEB = PlatformIdentity.of(Platform.WEB, "5f3a9c");
    private static final PlatformIdentity BEN = PlatformIdentity.of(Platform.TELEGRAM, "200");
    private static final Pattern DELETE_CODE = Pattern.compile("/delete confirm (\\d{6})");

    @TempDir
    Path dir;

    protected abstract Jdbi database();

    private Jdbi jdbi;
    private LocalSecretStore secrets;
    private BotCore core;
    private final RecordingLinkedSource garmin = new RecordingLinkedSource();
    /** Accounts the coach was told to forget (its cached answers), in order. */
    private final List<String> forgotten = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        jdbi = database();
        secrets = TestSecretStores.local(jdbi, dir);
        core = BotCore.create(jdbi, sources -> new ai.pace42.coach.CoachService() {
                    @Override
                    public CoachAnswer answer(ai.pace42.coach.CoachQuestion q) {
                        return CoachAnswer.text("ok");
                    }

                    @Override
                    public void forget(String accountId) {
                        forgotten.add(accountId);
                    }
                }, secrets, garmin, FileAnalysis.none(),
                BotCore.Settings.defaults(), new MutableClock(Instant.now()));
        core.adapters().register(new RecordingAdapter(Platform.TELEGRAM));
    }

    @AfterEach
    void tearDown() {
        core.close();
    }

    private Reply say(PlatformIdentity who, String text) throws Exception {
        Inbound in = new Inbound(who, ConversationRef.direct(who), text, List.of(), true, Instant.now(), "", "Runner",
                "req-" + text.hashCode(), "");
        return core.dispatcher().onInbound(in).get(20, TimeUnit.SECONDS);
    }

    private String accountOf(PlatformIdentity who) {
        return core.accounts().find(who).orElseThrow().id();
    }

    /** Rows in every table and place a runner's account reaches, made the way the product makes them. */
    private String fillAccount(PlatformIdentity who, String garminUser) throws Exception {
        say(who, "/units mi");
        String accountId = accountOf(who);
        Reply link = say(who, "/link");
        String url = link.parts().stream().filter(p -> p instanceof Reply.Part.LinkButton)
                .map(p -> ((Reply.Part.LinkButton) p).url()).findFirst().orElseThrow();
        String token = url.substring(url.lastIndexOf('/') + 1);
        // The link page finished: tokens staged under garmin-staged, a confirmation waits for its code.
        assertThat(core.garminLinking().complete(token, garminUser, "staged-" + garminUser, "req-link")).isPresent();
        say(who, "/connect"); // a second one-time link, of the other purpose
        say(who, "/memory goal Berlin marathon"); // the coach memory the runner edits
        new ai.pace42.bot.memory.ConversationMemory(jdbi, java.time.Clock.systemUTC(), BotCore.CONVERSATION_WINDOW)
                .remember(accountId, "why?", "because"); // what the LLM coach keeps of a conversation
        secrets.put(accountId, "garmin", "tokens-" + garminUser);
        // A sign-in waiting for its MFA code keeps its SSO cookies sealed under a flow name of its own.
        secrets.put(accountId, "flow:mfa:mfa-" + garminUser, "sso-" + garminUser);
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO garmin_sync_state (account_id, last_success, user_settings) VALUES (?, 1, '{}')",
                    accountId);
            for (int i = 0; i < 3; i++) {
                h.execute("INSERT INTO garmin_listed_runs (account_id, activity_id, start_at, header, list_item) "
                        + "VALUES (?, ?, ?, '{}', '{}')", accountId, "run" + i, i);
            }
            h.createUpdate("INSERT INTO garmin_activities (account_id, activity_id, body, stored_at) "
                    + "VALUES (:a, 'run0', :body, 1)").bind("a", accountId).bind("body", new byte[] {1, 2, 3})
                    .execute();
            h.execute("INSERT INTO garmin_partner_users (user_hash, account_id, linked_at) VALUES (?, ?, 1)",
                    "hash-" + garminUser, accountId);
            h.createUpdate("INSERT INTO imported_runs (account_id, activity_id, content_sha256, start_at, header, "
                    + "body, imported_at) VALUES (:a, 'file1', :sha, 1, :b, :b, 1)").bind("a", accountId)
                    .bind("sha", "sha-" + garminUser).bind("b", new byte[] {4, 5}).execute();
            h.execute("INSERT INTO shared_web_state (kind, id, account_id, value, expires_at) "
                    + "VALUES ('mfa', ?, ?, 'sealed', 9999999999999)", "mfa-" + garminUser, accountId);
            h.execute("INSERT INTO llm_usage_monthly (account_id, month, answers, tokens_in, tokens_out) "
                    + "VALUES (?, '2026-12', 1, 900, 60)", accountId);
            h.execute("INSERT INTO training_plans (id, account_id, status, race_date, race_distance_m, body, created_at, "
                    + "updated_at) VALUES (?, ?, 'active', '2027-04-12', 21097.5, 'plan', 1, 1)", "pln-" + garminUser, accountId);
            h.execute("INSERT INTO plan_changes (id, account_id, plan_id, kind, reason, status, created_at) "
                    + "VALUES (?, ?, ?, 'create', 'new plan', 'applied', 1)", "chg-" + garminUser, accountId, "pln-" + garminUser);
            h.execute("INSERT INTO subscriptions (account_id, tier, status, paid_until, source, updated_at) "
                    + "VALUES (?, 'premium', 'active', 9999999999999, 'admin', 1)", accountId);
            h.execute("INSERT INTO coach_usage_monthly (account_id, month, questions) VALUES (?, '2026-12', 3)", accountId);
        });
        return accountId;
    }

    @Test
    void deletingAfterTheCodeLeavesNoRowAndNoSecretOfTheAccountAndTouchesNoOtherAccount() throws Exception {
        String ana = fillAccount(ANA, "ana-garmin");
        // A second platform on the same account, with its own usage row.
        jdbi.useHandle(h -> h.execute("INSERT INTO platform_identities (platform, tenant_id, user_id, account_id, "
                + "created_at) VALUES ('web', '', ?, ?, 1)", ANA_WEB.userId(), ana));
        say(ANA_WEB, "/status");
        String ben = fillAccount(BEN, "ben-garmin");
        Map<String, Long> benBefore = rowsOf(ben);

        Map<String, Long> anaBefore = rowsOf(ana);
        assertThat(anaBefore).as("the account reaches every kind of table before it is deleted")
                .containsKeys("platform_identities.account_id", "usage_daily.account_id", "secrets.account_id",
                        "link_tokens.account_id", "chat_confirmations.account_id", "garmin_sync_state.account_id",
                        "garmin_listed_runs.account_id", "garmin_activities.account_id",
                        "garmin_partner_users.account_id", "imported_runs.account_id",
                        "shared_web_state.account_id", "llm_conversation.account_id", "coach_memory.account_id",
                        "llm_usage_monthly.account_id", "training_plans.account_id", "plan_changes.account_id",
                        "subscriptions.account_id", "coach_usage_monthly.account_id");
        assertThat(anaBefore.values()).allMatch(n -> n > 0);

        String asked = say(ANA, "/delete").plainText();
        assertThat(accountOf(ANA)).as("asking deletes nothing").isEqualTo(ana);
        forgotten.clear();
        String done = say(ANA, "/delete confirm " + code(asked)).plainText();
        assertThat(forgotten).as("the coach drops the deleted account's cached answers").containsExactly(ana);

        assertThat(done).contains("account is deleted", "2 chat identities", "3 cached Garmin runs (1 in detail)",
                "Garmin has withdrawn pace42's access", ana);
        assertThat(rowsOf(ana)).as("rows of the deleted account, by table.column").isEmpty();
        long accountRows = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM accounts WHERE id = :id")
                .bind("id", ana).mapTo(Long.class).one());
        assertThat(accountRows).isZero();
        assertThat(secrets.get(ana, "garmin")).isEmpty();
        assertThat(secrets.get(ana, "garmin-staged")).isEmpty();
        assertThat(secrets.names(ana)).as("every secret of the account, flow values too").isEmpty();
        assertThat(garmin.revoked()).contains(ana + " tokens-ana-garmin", ana + " staged-ana-garmin");

        assertThat(rowsOf(ben)).as("the other account keeps every row").isEqualTo(benBefore);
        assertThat(secrets.get(ben, "garmin")).contains("tokens-ben-garmin");
        assertThat(secrets.get(ben, "garmin-staged")).contains("staged-ben-garmin");
        assertThat(secrets.get(ben, "flow:mfa:mfa-ben-garmin")).contains("sso-ben-garmin");
        assertThat(garmin.revoked()).noneMatch(r -> r.startsWith(ben));
    }

    @Test
    void theAuditKeepsOnlyTheAccountIdOfTheDeletion() throws Exception {
        String ana = fillAccount(ANA, "ana-garmin");
        say(ANA, "/delete confirm " + code(say(ANA, "/delete").plainText()));

        List<Map<String, Object>> audit = jdbi.withHandle(h -> h.createQuery("SELECT actor, action, target "
                + "FROM audit_log").mapToMap().list());
        assertThat(audit).extracting(row -> row.get("actor") + " " + row.get("target"))
                .as("no chat id of the deleted account is left").noneMatch(s -> s.contains(ANA.toString()))
                .noneMatch(s -> s.contains("ana-garmin"));
        assertThat(audit).filteredOn(row -> "delete account".equals(row.get("action")))
                .extracting(row -> row.get("actor") + " " + row.get("target"))
                .containsExactly("account:" + ana + " " + ana);
        assertThat(audit).filteredOn(row -> "link garmin staged".equals(row.get("action")))
                .extracting(row -> row.get("actor")).containsExactly("deleted:" + ana);
    }

    @Test
    void aWrongOrMissingCodeDeletesNothingAndTheNextMessageStartsANewAccount() throws Exception {
        String ana = fillAccount(ANA, "ana-garmin");
        String code = code(say(ANA, "/delete").plainText());
        String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);

        assertThat(say(ANA, "/delete confirm " + wrong).plainText()).contains("nothing was deleted", "4 tries left");
        assertThat(say(ANA, "/delete confirm").plainText()).contains("Send /delete first");
        assertThat(say(BEN, "/delete confirm " + code).plainText()).contains("No deletion is waiting");
        assertThat(accountOf(ANA)).isEqualTo(ana);
        assertThat(secrets.get(ana, "garmin")).isPresent();

        say(ANA, "/delete confirm " + code);
        assertThat(say(ANA, "/status").plainText()).as("settings start over").contains("**Units:** km");
        assertThat(accountOf(ANA)).as("a fresh account").isNotEqualTo(ana);
    }

    @Test
    void groupsAreRefused() throws Exception {
        String ana = fillAccount(ANA, "ana-garmin");
        Inbound inGroup = new Inbound(ANA, new ConversationRef(Platform.TELEGRAM, "", "-42", ANA.userId()),
                "/delete", List.of(), false, Instant.now(), "", "Ana", "r", "");
        assertThat(core.dispatcher().onInbound(inGroup).get(20, TimeUnit.SECONDS).plainText())
                .contains("private chat").doesNotContainPattern("\\d{6}");
        assertThat(accountOf(ANA)).isEqualTo(ana);
    }

    private static String code(String asked) {
        Matcher m = DELETE_CODE.matcher(asked);
        assertThat(m.find()).as("a code in: " + asked).isTrue();
        return m.group(1);
    }

    /** Rows holding {@code accountId}, per {@code table.column} of every column naming an account or owner. */
    private Map<String, Long> rowsOf(String accountId) throws SQLException {
        return jdbi.withHandle(h -> {
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String[] column : ownerColumns(h)) {
                long n = h.createQuery("SELECT COUNT(*) FROM " + column[0] + " WHERE CAST(" + column[1]
                        + " AS TEXT) = :id").bind("id", accountId).mapTo(Long.class).one();
                if (n > 0) {
                    rows.put(column[0] + "." + column[1], n);
                }
            }
            return rows;
        });
    }

    /** Every (table, column) whose name says it holds an account, from the catalogue (SQLite or PostgreSQL). */
    private static List<String[]> ownerColumns(Handle h) throws SQLException {
        List<String[]> all = new ArrayList<>();
        String product = h.getConnection().getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("sqlite")) {
            List<String> tables = h.createQuery("SELECT name FROM sqlite_master WHERE type = 'table'")
                    .mapTo(String.class).list();
            for (String table : tables) {
                for (String column : h.createQuery("SELECT name FROM pragma_table_info('" + table + "')")
                        .mapTo(String.class).list()) {
                    all.add(new String[] {table, column});
                }
            }
        } else {
            h.createQuery("SELECT table_name, column_name FROM information_schema.columns "
                            + "WHERE table_schema = current_schema()")
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).forEach(all::add);
        }
        assertThat(all).as("the catalogue lists columns").isNotEmpty();
        return all.stream().filter(c -> {
            String name = c[1].toLowerCase(Locale.ROOT);
            return name.contains("account") || name.contains("owner");
        }).toList();
    }
}
