package ai.pace42.server.link;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.linking.PendingLink;
import ai.pace42.server.ChatClient;
import ai.pace42.server.Pace42Application;
import ai.pace42.server.Pace42Configuration;
import ai.pace42.server.TestServers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The link page end to end through the browser chat: /link, arriving with the token, the CSRF-protected form,
 * single use under concurrency, and what a forwarded link can and cannot do. The Garmin side is a stand-in
 * method here (the real methods have their own contract tests); everything else is the production path.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class LinkPageTest {

    /**
     * Accepts the code "ok" as Garmin would accept valid credentials; "mfa" asks for a second step, which accepts
     * the security code 123456, like Garmin's sign-in with MFA.
     */
    static final class StandInMethod implements LinkMethod {
        @Override
        public String id() {
            return "standin";
        }

        @Override
        public String title() {
            return "Stand-in";
        }

        @Override
        public String description() {
            return "Used by tests";
        }

        @Override
        public List<Field> fields() {
            return List.of(new Field("code", "Code", Field.Kind.TEXT, ""));
        }

        @Override
        public Outcome complete(PendingLink link, Map<String, String> form) {
            if ("p1".equals(form.get("pendingId"))) {
                return "123456".equals(form.get("code"))
                        ? new Outcome.Linked("Runner On Garmin", "{\"access_token\":\"after-mfa\"}")
                        : new Outcome.Failed("That security code was not accepted.");
            }
            if ("mfa".equals(form.get("code"))) {
                return new Outcome.NeedsMore("Garmin sent a security code to r***@example.com.",
                        List.of(new Field("code", "Security code", Field.Kind.TEXT, "")), Map.of("pendingId", "p1"));
            }
            return "ok".equals(form.get("code"))
                    ? new Outcome.Linked("Runner On Garmin", "{\"access_token\":\"garmin-secret-for-" + link.accountId() + "\"}")
                    : new Outcome.Failed("That code was not accepted.");
        }
    }

    public static class AppWithStandIn extends Pace42Application {
        @Override
        protected List<LinkMethod> linkMethods(ai.pace42.server.garmin.GarminWiring garmin) {
            return List.of(new StandInMethod());
        }
    }

    static final DropwizardAppExtension<Pace42Configuration> APP = TestServers.sqlite(AppWithStandIn.class);

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private ChatClient browser() {
        return new ChatClient(APP.getLocalPort());
    }

    /** Asks for a link in the browser chat and returns its path, e.g. /link/abc… */
    private static String linkPath(ChatClient chat) {
        String url = chat.say("/link").json().path("reply").path("parts").findValues("url").get(0).asText();
        return url.substring(url.indexOf("/link/"));
    }

    private static String csrfOf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a CSRF field on the page").isTrue();
        return m.group(1);
    }

    private static String form(Map<String, String> fields) {
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return sb.toString();
    }

    private static ChatClient.Result submit(ChatClient browser, String csrf, String code) {
        return browser.post("/link/standin", "application/x-www-form-urlencoded",
                form(Map.of("csrf", csrf, "code", code)), Map.of());
    }

    @Test
    void arrivingSwapsTheTokenForACookieAndTheFormLinksGarmin() {
        ChatClient runner = browser();
        String path = linkPath(runner);

        ChatClient.Result arrival = runner.request("GET", path, Map.of());
        assertThat(arrival.status()).isEqualTo(303);
        assertThat(arrival.header("Location")).endsWith("/link");
        assertThat(arrival.header("Set-Cookie")).contains("pace42_link=", "HttpOnly", "SameSite=Lax", "Path=/link");
        assertThat(arrival.header("Referrer-Policy")).isEqualTo("no-referrer");

        ChatClient.Result page = runner.request("GET", "/link", Map.of());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Connect Garmin", "Garmin to <strong>the browser chat started on ",
                "never asks for your Garmin password");
        assertThat(page.body()).doesNotContain(path.substring("/link/".length()));

        assertThat(submit(runner, csrfOf(page.body()), "wrong").body()).contains("That code was not accepted.");
        ChatClient.Result done = submit(runner, csrfOf(page.body()), "ok");

        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("Now confirm in the browser chat", "Garmin accepted <strong>Runner On Garmin",
                "the browser chat started on ", "which asked for it on ");
        assertThat(runner.say("/status").text()).as("nothing used before the chat confirms")
                .contains("**Data:** none yet");
        assertThat(runner.say(ConfirmCommands.on(done.body())).text().strip())
                .isEqualTo("Garmin connected as **Runner On Garmin**. Not you? Send /unlink.");
        assertThat(runner.say("/status").text()).contains("**Data:** Garmin");
        ChatClient.Result replay = runner.request("GET", path, Map.of());
        assertThat(replay.status()).as("replay").isEqualTo(410);
        assertThat(replay.body()).contains("This link was already used", "/link");
    }

    @Test
    void aLinkReplacedByANewerOneSaysSo() {
        ChatClient runner = browser();
        String older = linkPath(runner);
        String newer = linkPath(runner);

        ChatClient.Result stale = runner.request("GET", older, Map.of());
        assertThat(stale.status()).isEqualTo(410);
        assertThat(stale.body()).contains("A newer link replaced this one");
        assertThat(runner.request("GET", newer, Map.of()).status()).isEqualTo(303);
    }

    @Test
    void formsWithoutTheRightCsrfTokenOrFromAnotherOriginAreRefusedAndTheLinkSurvives() {
        ChatClient runner = browser();
        runner.request("GET", linkPath(runner), Map.of());
        String csrf = csrfOf(runner.request("GET", "/link", Map.of()).body());

        assertThat(submit(runner, "forged", "ok").status()).isEqualTo(403);
        assertThat(runner.post("/link/standin", "application/x-www-form-urlencoded",
                form(Map.of("csrf", csrf, "code", "ok")), Map.of("Origin", "https://evil.example")).status())
                .isEqualTo(403);
        assertThat(runner.say("/status").text()).contains("**Data:** none yet");
        assertThat(submit(runner, csrf, "ok").status()).isEqualTo(200);
    }

    @Test
    void withoutTheCookieThereIsNothingToComplete() {
        ChatClient stranger = browser();

        assertThat(stranger.request("GET", "/link", Map.of()).status()).isEqualTo(410);
        assertThat(submit(stranger, "x", "ok").status()).isEqualTo(410);
        assertThat(stranger.request("GET", "/link/" + "A".repeat(43), Map.of()).status()).isEqualTo(410);
    }

    @Test
    void aForwardedLinkNamesItsOwnerAndCanNeverLinkTheForwardee() {
        ChatClient ana = browser();
        ChatClient ben = browser();
        ben.say("/status");
        String anasLink = linkPath(ana);

        ben.request("GET", anasLink, Map.of());
        String page = ben.request("GET", "/link", Map.of()).body();
        // The page says whose chat is being connected, so Ben can see it is not his.
        assertThat(page).contains("If that is not you, close this page");
        String confirm = ConfirmCommands.on(submit(ben, csrfOf(page), "ok").body());

        // The code works only in the chat that asked (Ana's); whatever Ben did can only ever reach Ana's account.
        assertThat(ben.say(confirm).text()).contains("No Garmin connection is waiting");
        assertThat(ana.say(confirm).text()).contains("Garmin connected");
        assertThat(ben.say("/status").text()).contains("**Data:** none yet");
        assertThat(ana.say("/status").text()).contains("**Data:** Garmin");
    }

    /**
     * Link capture: Ana asks for a link in her chat and gets Ben to connect his Garmin with it. The page tells Ben
     * which chat it goes to and gives him the code; without it Ana's chat gets nothing, and guessing is bounded.
     */
    @Test
    void aCapturedLinkGivesTheAskingChatNothingWithoutTheCodeTheForwardeeSaw() {
        ChatClient ana = browser();
        ChatClient ben = browser();
        String anasLink = linkPath(ana);
        ben.request("GET", anasLink, Map.of());
        String bensPage = submit(ben, csrfOf(ben.request("GET", "/link", Map.of()).body()), "ok").body();
        assertThat(bensPage).contains("Now confirm in the browser chat", "If you did not ask for this link");
        String code = ConfirmCommands.on(bensPage).substring("/link confirm ".length());
        String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);

        assertThat(ana.say("/status").text()).contains("**Data:** none yet");
        assertThat(ana.say("Analyze my last run").text()).doesNotContain("Runner On Garmin");
        for (int i = 0; i < 4; i++) {
            assertThat(ana.say("/link confirm " + wrong).text()).contains("doesn't match");
        }
        assertThat(ana.say("/link confirm " + wrong).text()).contains("Too many wrong codes");
        assertThat(ana.say("/link confirm " + code).text()).contains("No Garmin connection is waiting");
        assertThat(ana.say("/status").text()).contains("**Data:** none yet");
    }

    @Test
    void exactlyOneOfManyConcurrentCompletionsWins() throws Exception {
        ChatClient runner = browser();
        runner.request("GET", linkPath(runner), Map.of());
        String csrf = csrfOf(runner.request("GET", "/link", Map.of()).body());
        int tries = 8;
        ExecutorService pool = Executors.newFixedThreadPool(tries);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < tries; i++) {
                statuses.add(pool.submit(() -> {
                    go.await();
                    return submit(runner, csrf, "ok").status();
                }));
            }
            go.countDown();
            List<Integer> seen = new ArrayList<>();
            for (Future<Integer> f : statuses) {
                seen.add(f.get());
            }
            assertThat(seen).containsOnly(200, 410);
            assertThat(seen.stream().filter(s -> s == 200).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
