package ai.pace42.server.link;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.server.ChatClient;
import ai.pace42.server.HeadlessChromium;
import ai.pace42.server.Pace42Configuration;
import ai.pace42.server.TestServers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The link page in headless Chromium, as a runner's phone browser would use it: open the link from the chat,
 * see whose chat is being connected, pass the security-code step, get the code to confirm in the chat, confirm
 * there; the same link again is refused.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class LinkPageBrowserTest {

    static final DropwizardAppExtension<Pace42Configuration> APP =
            TestServers.sqlite(LinkPageTest.AppWithStandIn.class);

    private static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static String linkUrl(ChatClient chat) {
        return chat.say("/link").json().path("reply").path("parts").findValues("url").get(0).asText()
                .replace("http://localhost:8080", "http://localhost:" + APP.getLocalPort());
    }

    @Test
    void openTheLinkPassTheSecurityCodeStepAndConnect() throws Exception {
        ChatClient chat = new ChatClient(APP.getLocalPort());
        String url = linkUrl(chat);

        browser.get(url);

        // The token left the address bar; the page names the chat identity being connected.
        assertThat(browser.getCurrentUrl()).endsWith("/link");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("connecting Garmin to the browser chat started on ");
        HeadlessChromium.screenshot(browser, "link-page");
        browser.findElement(By.id("standin-code")).sendKeys("mfa");
        HeadlessChromium.clickAndWaitForPage(browser, By.cssSelector("form[action='/link/standin'] button"),
                HeadlessChromium.mainShows("security code to"));

        assertThat(browser.findElement(By.tagName("main")).getText()).contains("security code to r***@example.com");
        browser.findElement(By.id("standin-code")).sendKeys("123456");
        HeadlessChromium.clickAndWaitForPage(browser, By.cssSelector("form[action='/link/standin'] button"),
                HeadlessChromium.heading("Now confirm in the browser chat"));

        // Garmin accepted; nothing is used until the code the page shows is sent in the chat that asked.
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Now confirm in the browser chat");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Runner On Garmin",
                "the browser chat started on ", "If you did not ask for this link");
        HeadlessChromium.screenshot(browser, "link-page-confirm-in-chat");
        assertThat(chat.say("/status").text()).contains("**Data:** none yet");
        assertThat(chat.say(browser.findElement(By.id("confirm-command")).getText()).text().strip())
                .isEqualTo("Garmin connected as **Runner On Garmin**. Not you? Send /unlink.");
        assertThat(chat.say("/status").text()).contains("**Data:** Garmin");

        browser.get(url);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This link was already used");
    }

    @Test
    void aWrongSecurityCodeSaysSoAndTheLinkStillWorks() {
        ChatClient chat = new ChatClient(APP.getLocalPort());
        browser.get(linkUrl(chat));
        browser.findElement(By.id("standin-code")).sendKeys("nope");
        HeadlessChromium.clickAndWaitForPage(browser, By.cssSelector("form[action='/link/standin'] button"),
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error")));

        assertThat(browser.findElement(By.cssSelector(".error")).getText()).isEqualTo("That code was not accepted.");
        browser.findElement(By.id("standin-code")).sendKeys("ok");
        HeadlessChromium.clickAndWaitForPage(browser, By.cssSelector("form[action='/link/standin'] button"),
                HeadlessChromium.heading("Now confirm in the browser chat"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Now confirm in the browser chat");
    }
}
