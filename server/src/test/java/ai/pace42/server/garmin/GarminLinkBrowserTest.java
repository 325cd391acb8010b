package ai.pace42.server.garmin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.garmin.GarminWireMock;
import ai.pace42.server.AppWithRecordedChat;
import ai.pace42.server.HeadlessChromium;
import ai.pace42.server.Pace42Configuration;
import ai.pace42.server.TestServers;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The link page with the real Garmin methods, in headless Chromium, against a WireMock Garmin that follows the
 * sign-in, MFA and OAuth2 PKCE contracts. The link is asked for in a (recorded) Telegram chat, so the test also
 * sees the notice that chat gets.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class GarminLinkBrowserTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String PARTNER_USER = "d3315b1072421d0dd7c8f6b8e1de4df8";
    private static final WireMockServer GARMIN = started();

    static final DropwizardAppExtension<Pace42Configuration> APP = TestServers.sqlite(AppWithRecordedChat.class,
            garmin("GARMIN_CONNECTAPI_URL"), garmin("GARMIN_SSO_URL"), garmin("GARMIN_DIAUTH_URL"),
            garmin("GARMIN_APIS_URL"), garmin("GARMIN_CONNECT_URL"),
            ConfigOverride.config("garmin.GARMIN_OAUTH_CLIENT_ID", "pace42-partner"),
            ConfigOverride.config("garmin.GARMIN_OAUTH_CLIENT_SECRET", "partner-secret"));

    private static ChromeDriver browser;

    private static ConfigOverride garmin(String key) {
        return ConfigOverride.config("garmin." + key, "http://127.0.0.1:" + GARMIN.port());
    }

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        String access = GarminWireMock.jwt(Instant.now().plusSeconds(20 * 3600), "GARMIN_CONNECT_MOBILE_ANDROID_DI_2025Q2");
        // Sign-in: the SSO page sets a session cookie, the JSON login asks for MFA, the right code succeeds.
        server.stubFor(get(urlPathEqualTo("/mobile/sso/en/sign-in")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withHeader("Set-Cookie", "SESSION=s1; Path=/")
                .withBody("<html><title>Garmin SSO Portal</title></html>")));
        server.stubFor(post(urlPathEqualTo("/mobile/api/login"))
                .withRequestBody(matchingJsonPath("$.username", equalTo("ada@example.com")))
                .willReturn(okJson("{\"serviceURL\":null,\"serviceTicketId\":null,\"responseStatus\":{\"type\":"
                        + "\"MFA_REQUIRED\",\"message\":\"\",\"httpStatus\":\"OK\"},\"customerMfaInfo\":{\"email\":"
                        + "\"a***@example.com\",\"phoneNumber\":null,\"mfaLastMethodUsed\":\"email\"},"
                        + "\"consentTypeList\":[],\"captchaAlreadyPassed\":false,\"authType\":null}")));
        server.stubFor(post(urlPathEqualTo("/mobile/api/mfa/verifyCode"))
                .withRequestBody(matchingJsonPath("$.mfaVerificationCode", equalTo("228798")))
                .willReturn(okJson("{\"serviceURL\":\"https://mobile.integration.garmin.com/gcm/android\","
                        + "\"serviceTicketId\":\"ST-1-abc-sso\",\"responseStatus\":{\"type\":\"SUCCESSFUL\","
                        + "\"message\":\"\",\"httpStatus\":\"OK\"},\"customerMfaInfo\":null,\"authType\":\"CAS\"}")));
        server.stubFor(post(urlPathEqualTo("/di-oauth2-service/oauth/token"))
                .withRequestBody(containing("service_ticket=ST-1-abc-sso")).willReturn(okJson("{\"access_token\":\""
                        + access + "\",\"refresh_token\":\"r1\",\"expires_in\":75017,\"refresh_token_expires_in\":"
                        + "2591999,\"token_type\":\"bearer\",\"scope\":\"CONNECT_READ\"}")));
        server.stubFor(get(urlPathEqualTo("/userprofile-service/socialProfile"))
                .withHeader("Authorization", equalTo("Bearer " + access))
                .willReturn(okJson("{\"profileId\":3001,\"displayName\":\"3f2a-uuid\",\"fullName\":\"Ada Runner\"}")));
        // Official OAuth2 PKCE: the token exchange and the partner user id.
        server.stubFor(post(urlPathEqualTo("/di-oauth2-service/oauth/token"))
                .withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(containing("code=approved-code"))
                .willReturn(okJson("{\"access_token\":\"partner-access\",\"refresh_token\":\"pr1\","
                        + "\"expires_in\":86400,\"token_type\":\"bearer\"}")));
        server.stubFor(get(urlPathEqualTo("/partner-gateway/rest/user/id"))
                .withHeader("Authorization", equalTo("Bearer partner-access"))
                .willReturn(okJson("{\"userId\":\"" + PARTNER_USER + "\"}")));
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(
                        urlPathEqualTo("/partner-gateway/rest/user/registration"))
                .withHeader("Authorization", equalTo("Bearer partner-access"))
                .willReturn(aResponse().withStatus(204)));
        return server;
    }

    @BeforeAll
    static void startBrowserAndGarminsConsentPage() {
        // Garmin's consent page, approved at once: back to pace42's callback with the code and the same state.
        GARMIN.stubFor(get(urlPathEqualTo("/oauth2Confirm")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://localhost:" + APP.getLocalPort()
                        + "/link/oauth/callback?code=approved-code&state={{request.query.state}}")
                .withTransformers("response-template")));
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        GARMIN.stop();
        Path log = Path.of(System.getProperty("PACE42_LOG_DIR"), "pace42.log");
        assertThat(Files.readString(log)).as("no password or OAuth secret in any log line")
                .doesNotContain(PASSWORD).doesNotContain("approved-code").doesNotContain("partner-access");
    }

    private static AppWithRecordedChat app() {
        return APP.getApplication();
    }

    /** Asks for a link in the Telegram chat, as the runner would, and returns it for this test server. */
    private static String linkFromChat(PlatformIdentity runner, String name) {
        return AppWithRecordedChat.linkUrl(app().say(runner, name, "/link"), APP.getLocalPort());
    }

    /** What the chat is told when the page finished: confirm there, with the code only the page shows. */
    private static String noticeTo(PlatformIdentity runner) {
        return app().received(runner, "A Garmin account was signed in").stream().findFirst().orElse("");
    }

    /** The command the finished page shows, typed into the chat as the runner would. */
    private static String confirmInChat(PlatformIdentity runner, String name) {
        String command = browser.findElement(By.id("confirm-command")).getText();
        return app().say(runner, name, command).plainText();
    }

    private static String main() {
        return browser.findElement(By.tagName("main")).getText();
    }

    @Test
    void signInThroughGarminsSecurityCodeStepThenTheChatIsTold() throws Exception {
        PlatformIdentity ada = PlatformIdentity.of(Platform.TELEGRAM, "7001");
        String url = linkFromChat(ada, "Ada");

        browser.get(url);
        assertThat(main()).contains("connecting Garmin to Telegram user Ada");
        browser.findElement(By.id("signin-username")).sendKeys("ada@example.com");
        browser.findElement(By.id("signin-password")).sendKeys(PASSWORD);
        HeadlessChromium.clickAndWaitForPage(browser, By.cssSelector("form[action='/link/signin'] button"),
                HeadlessChromium.mainShows("security code to"));

        assertThat(main()).contains("security code to a***@example.com");
        browser.findElement(By.id("signin-code")).sendKeys("228798");
        HeadlessChromium.clickAndWaitForPage(browser, By.cssSelector("form[action='/link/signin'] button"),
                HeadlessChromium.heading("Now confirm in Telegram (Ada)"));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Now confirm in Telegram (Ada)");
        assertThat(main()).contains("Ada Runner", "Telegram user Ada", "/link confirm ");
        assertThat(noticeTo(ada)).contains("/link confirm").doesNotContain("Ada Runner");
        assertThat(confirmInChat(ada, "Ada")).isEqualTo("Garmin connected as **Ada Runner**. Not you? Send /unlink.");
        GARMIN.verify(1, postRequestedFor(urlPathEqualTo("/mobile/api/login")));

        browser.get(url);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This link was already used");
    }

    @Test
    void connectThroughGarminsOwnPageWithPkceAndConfirm() throws Exception {
        PlatformIdentity ben = PlatformIdentity.of(Platform.TELEGRAM, "7002");
        browser.get(linkFromChat(ben, "Ben"));

        HeadlessChromium.clickAndWaitForPage(browser, By.linkText("Continue to Garmin"),
                ExpectedConditions.urlContains("/link/oauth/callback"));

        // Back from Garmin: what was approved is shown, and nothing is connected until the runner confirms.
        assertThat(browser.getCurrentUrl()).contains("/link/oauth/callback");
        assertThat(main()).contains("Garmin approved pace42", "Connect it to Telegram user Ben?");
        assertThat(noticeTo(ben)).isEmpty();
        HeadlessChromium.clickAndWaitForPage(browser, By.cssSelector("form[action='/link/oauth'] button"),
                HeadlessChromium.heading("Now confirm in Telegram (Ben)"));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Now confirm in Telegram (Ben)");
        assertThat(noticeTo(ben)).contains("/link confirm");
        assertThat(confirmInChat(ben, "Ben")).startsWith("Garmin connected as ");
        LoggedRequest exchange = GARMIN.findAll(postRequestedFor(urlPathEqualTo("/di-oauth2-service/oauth/token"))
                .withRequestBody(containing("grant_type=authorization_code"))).get(0);
        String form = URLDecoder.decode(exchange.getBodyAsString(), StandardCharsets.UTF_8);
        assertThat(form).contains("client_id=pace42-partner", "code_verifier=",
                "redirect_uri=http://localhost:8080/link/oauth/callback");
        String consent = GARMIN.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/oauth2Confirm"))).get(0).getUrl();
        assertThat(consent).contains("code_challenge_method=S256", "response_type=code");

        // Disconnecting an official link also withdraws the registration at Garmin.
        assertThat(app().say(ben, "Ben", "/unlink confirm").plainText()).contains("Garmin has withdrawn");
        GARMIN.verify(1, com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(
                        urlPathEqualTo("/partner-gateway/rest/user/registration"))
                .withHeader("Authorization", equalTo("Bearer partner-access")));
    }

    @Test
    void declinedOnGarminsPageSaysSoAndTheLinkStillWorks() throws Exception {
        browser.get(linkFromChat(PlatformIdentity.of(Platform.TELEGRAM, "7003"), "Cai"));
        browser.get("http://localhost:" + APP.getLocalPort() + "/link/oauth/callback?error=access_denied&state=x");

        assertThat(browser.findElement(By.cssSelector(".error")).getText()).contains("Garmin did not approve");
        assertThat(browser.findElements(By.linkText("Continue to Garmin"))).hasSize(1);
    }

    @Test
    void anExpiredLinkSaysSoAndReachesNoGarmin() throws Exception {
        browser.get(linkFromChat(PlatformIdentity.of(Platform.TELEGRAM, "7004"), "Dee"));
        browser.findElement(By.id("signin-username")).sendKeys("late@example.com");
        browser.findElement(By.id("signin-password")).sendKeys("whatever");

        app().clock.advance(Duration.ofMinutes(16));
        try {
            HeadlessChromium.clickAndWaitForPage(browser, By.cssSelector("form[action='/link/signin'] button"),
                HeadlessChromium.heading("This link has expired"));
        } finally {
            app().clock.advance(Duration.ofMinutes(-16));
        }

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This link has expired");
        GARMIN.verify(0, postRequestedFor(urlPathEqualTo("/mobile/api/login"))
                .withRequestBody(containing("late@example.com")));
    }
}
