package ai.pace42.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.server.db.Storage;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** /logout and /delete through the browser chat API of the running application. */
@ExtendWith(DropwizardExtensionsSupport.class)
class BrowserLogoutTest {

    static final DropwizardAppExtension<Pace42Configuration> APP = TestServers.sqlite();

    private static final Pattern COOKIE = Pattern.compile("pace42_web=([^;]*)");

    private ManagedDataSource dataSource;
    private Jdbi jdbi;

    @BeforeEach
    void setUp() {
        Pace42Configuration config = APP.getConfiguration();
        dataSource = Storage.dataSourceFactory(config.database(), config.dataDir()).build(new MetricRegistry(), "t");
        jdbi = Jdbi.create(dataSource);
    }

    @AfterEach
    void tearDown() throws Exception {
        dataSource.stop();
    }

    private ChatClient browser() {
        return new ChatClient(APP.getLocalPort());
    }

    /** Signs up with /units mi; returns the cookie value the browser was given. */
    private static String signUp(ChatClient browser) {
        Matcher m = COOKIE.matcher(browser.say("/units mi").header("Set-Cookie"));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private String accountOfWebUser(String cookie) {
        return jdbi.withHandle(h -> h.createQuery("SELECT account_id FROM platform_identities WHERE platform = 'web' "
                        + "AND user_id = :u").bind("u", ai.pace42.server.web.WebIdentity.userIdOf(cookie))
                .mapTo(String.class).findOne().orElse("none"));
    }

    /** Another chat app of the same account, as a finished /connect leaves it. */
    private void addTelegramIdentity(String accountId, String telegramId) {
        jdbi.useHandle(h -> h.execute("INSERT INTO platform_identities (platform, tenant_id, user_id, account_id, "
                + "created_at) VALUES ('telegram', '', ?, ?, 1)", telegramId, accountId));
    }

    private static ChatClient.Result withCookie(String cookie, String message) {
        return new ChatClient(APP.getLocalPort()).post("/api/v1/chat", "application/json",
                ChatClient.jsonString(message), Map.of("Cookie", "pace42_web=" + cookie));
    }

    @Test
    void afterLogoutTheOldCookieNoLongerReachesTheAccountWhichStaysForItsOtherChat() {
        ChatClient browser = browser();
        String cookie = signUp(browser);
        String account = accountOfWebUser(cookie);
        addTelegramIdentity(account, "7001");

        ChatClient.Result out = browser.say("/logout");

        assertThat(out.text()).contains("Logged out");
        assertThat(out.header("Set-Cookie")).contains("pace42_web=", "Max-Age=0", "HttpOnly");
        assertThat(accountOfWebUser(cookie)).as("the identity row is gone").isEqualTo("none");
        List<String> left = jdbi.withHandle(h -> h.createQuery("SELECT user_id FROM platform_identities "
                + "WHERE account_id = :a").bind("a", account).mapTo(String.class).list());
        assertThat(left).as("the account stays with its other chat").containsExactly("7001");

        ChatClient.Result replay = withCookie(cookie, "/status");
        assertThat(replay.text()).as("the old cookie starts a fresh account").contains("**Units:** km");
        assertThat(replay.header("Set-Cookie")).as("the server read the old cookie").isNull();
        assertThat(accountOfWebUser(cookie)).isNotEqualTo(account).isNotEqualTo("none");
        assertThat(browser.say("/status").text()).as("the browser itself starts afresh").contains("**Units:** km");
    }

    @Test
    void theOnlyChatOfAnAccountCannotLogOutSoTheAccountStaysReachable() {
        ChatClient browser = browser();
        String cookie = signUp(browser);
        String account = accountOfWebUser(cookie);

        ChatClient.Result out = browser.say("/logout");

        assertThat(out.text()).contains("only chat of your account", "/connect", "/delete");
        assertThat(out.header("Set-Cookie")).isNull();
        assertThat(accountOfWebUser(cookie)).isEqualTo(account);
        assertThat(withCookie(cookie, "/status").text()).contains("**Units:** mi");
    }

    @Test
    void deleteAfterTheCodeLeavesTheBrowserWithAFreshAccount() {
        ChatClient browser = browser();
        String cookie = signUp(browser);
        String account = accountOfWebUser(cookie);
        Matcher code = Pattern.compile("/delete confirm (\\d{6})").matcher(browser.say("/delete").text());
        assertThat(code.find()).isTrue();

        assertThat(browser.say("/delete confirm " + code.group(1)).text()).contains("account is deleted");

        long accountRows = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM accounts WHERE id = :a")
                .bind("a", account).mapTo(Long.class).one());
        assertThat(accountRows).isZero();
        assertThat(browser.say("/status").text()).contains("**Units:** km");
        assertThat(accountOfWebUser(cookie)).isNotEqualTo(account).isNotEqualTo("none");
    }
}
