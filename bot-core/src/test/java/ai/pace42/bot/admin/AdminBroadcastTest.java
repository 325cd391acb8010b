package ai.pace42.bot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.testing.MutableClock;
import ai.pace42.bot.testing.RecordingAdapter;
import ai.pace42.bot.testing.TestDatabases;
import ai.pace42.bot.testing.TestSecretStores;
import ai.pace42.coach.CoachAnswer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /admin broadcast} and {@code /admin tokens} through the core, as an operator and as a runner. */
class AdminBroadcastTest {

    private static final PlatformIdentity OPERATOR = PlatformIdentity.of(Platform.TELEGRAM, "1");
    private static final PlatformIdentity ADA = PlatformIdentity.of(Platform.TELEGRAM, "701");
    private static final PlatformIdentity BO = PlatformIdentity.of(Platform.TELEGRAM, "702");
    private static final PlatformIdentity WEB = PlatformIdentity.of(Platform.WEB, "w-703");
    private static final Pattern CODE = Pattern.compile("/admin broadcast confirm (\\S+)");

    @TempDir
    Path dir;

    private Jdbi jdbi;
    private MutableClock clock;
    private BotCore core;
    private RecordingAdapter telegram;
    private RecordingAdapter browser;

    @BeforeEach
    void setUp() throws Exception {
        jdbi = TestDatabases.sqlite(dir);
        clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
        core = BotCore.create(jdbi, sources -> q -> CoachAnswer.text("ok"), TestSecretStores.local(jdbi, dir),
                BotCore.Settings.defaults().withAdmins(AdminAllowList.parse("telegram:1")), clock);
        telegram = new RecordingAdapter(Platform.TELEGRAM);
        core.adapters().register(telegram);
        telegram.start(core.dispatcher());
        browser = new RecordingAdapter(Platform.WEB); // receives, but is not registered for push (like the page)
        browser.start(core.dispatcher());
        say(telegram, ADA, "hello");
        say(telegram, BO, "hi");
        say(browser, WEB, "hey");
    }

    @AfterEach
    void tearDown() {
        core.close();
    }

    private String say(RecordingAdapter on, PlatformIdentity who, String text) throws Exception {
        return on.receive(Inbound.directText(who, text, "req-" + Math.abs(text.hashCode())))
                .get(5, TimeUnit.SECONDS).plainText();
    }

    /** Messages the core pushed to a runner (replies to their own messages are recorded too: left out). */
    private long pushedTo(PlatformIdentity who) {
        return telegram.sent().stream().filter(s -> s.where().userId().equals(who.userId()))
                .filter(s -> s.reply().plainText().startsWith("Maintenance") || s.reply().plainText().startsWith("Hello")
                        || s.reply().plainText().startsWith("free")).count();
    }

    private List<String> audit() {
        List<String> rows = jdbi.withHandle(h -> h.createQuery("SELECT action || ' ' || COALESCE(target, '-') || ' ' "
                + "|| outcome FROM audit_log WHERE action LIKE 'admin broadcast%' ORDER BY at, action")
                .mapTo(String.class).list());
        return rows;
    }

    @Test
    void theDryRunCountsAndSendsNothingThenTheConfirmationSends() throws Exception {
        String dry = say(telegram, OPERATOR, "/admin broadcast Maintenance tonight 22:00-22:15 UTC.");

        // Ada, Bo, the browser runner and the operator wrote directly: four accounts, four conversations.
        assertThat(dry).contains("Dry run:", "would go to 4 conversation(s)", "Nothing was sent");
        assertThat(pushedTo(ADA) + pushedTo(BO)).isZero();

        Matcher code = CODE.matcher(dry);
        assertThat(code.find()).isTrue();
        String sent = say(telegram, OPERATOR, "/admin broadcast confirm " + code.group(1));

        assertThat(sent).contains("Broadcast sent to 3 of 4 conversation(s)", "without push");
        assertThat(pushedTo(ADA)).isEqualTo(1);
        assertThat(pushedTo(BO)).isEqualTo(1);
        assertThat(telegram.sent()).anyMatch(s -> s.reply().plainText().equals("Maintenance tonight 22:00-22:15 UTC."));
        assertThat(audit()).containsExactly("admin broadcast confirm sent 3 of 4 ALLOWED",
                "admin broadcast draft 4 recipients, 36 chars ALLOWED");
    }

    @Test
    void aWrongOrLateCodeSendsNothingAndUsesTheDraftUp() throws Exception {
        String dry = say(telegram, OPERATOR, "/admin broadcast Hello all");
        Matcher code = CODE.matcher(dry);
        assertThat(code.find()).isTrue();

        assertThat(say(telegram, OPERATOR, "/admin broadcast confirm NOPE00")).contains("does not match");
        assertThat(say(telegram, OPERATOR, "/admin broadcast confirm " + code.group(1))).contains("No broadcast is waiting");

        Matcher again = CODE.matcher(say(telegram, OPERATOR, "/admin broadcast Hello again"));
        assertThat(again.find()).isTrue();
        clock.advance(Duration.ofMinutes(11));
        assertThat(say(telegram, OPERATOR, "/admin broadcast confirm " + again.group(1)))
                .contains("No broadcast is waiting");
        assertThat(pushedTo(ADA) + pushedTo(BO)).isZero();
    }

    @Test
    void aRunnerCannotBroadcastAndTheTextIsNotAudited() throws Exception {
        String reply = say(telegram, ADA, "/admin broadcast free shoes for everyone");

        assertThat(reply).contains("for pace42 operators only");
        assertThat(pushedTo(BO)).isZero();
        List<String> denied = jdbi.withHandle(h -> h.createQuery("SELECT action || ' ' || COALESCE(target, '-') "
                + "|| ' ' || outcome FROM audit_log WHERE actor = 'telegram:701'").mapTo(String.class).list());
        assertThat(denied).containsExactly("admin broadcast - DENIED");
    }

    @Test
    void tokensAreCountedByHealthAndNeverShown() throws Exception {
        jdbi.useHandle(h -> h.execute("UPDATE accounts SET data_source = 'garmin'"));

        String reply = say(telegram, OPERATOR, "/admin tokens");

        // Ada, Bo and the browser runner (the operator's account is created by this very message, unlinked).
        assertThat(reply).contains("Garmin links by health", "healthy:** 0", "needs relink:** 0",
                "permission removed:** 0", "unchecked:** 3").doesNotContain("acc_");
    }
}
