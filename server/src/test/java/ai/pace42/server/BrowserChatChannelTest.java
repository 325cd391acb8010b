package ai.pace42.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.Reply;
import ai.pace42.garmin.files.TestFiles;
import ai.pace42.server.web.WebIdentity;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser chat as a channel, in headless Chromium: a file sent with the upload button is analysed with its
 * chart, the conversation is still there after a reload, and a notice the core sends on its own appears without
 * the runner asking.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class BrowserChatChannelTest {

    /** The application, keeping the core so the test can send a notice the way linking does. */
    public static class AppWithCore extends Pace42Application {
        static volatile BotCore core;

        @Override
        protected void addChannels(Environment environment, BotCore botCore) {
            core = botCore;
        }
    }

    static final DropwizardAppExtension<Pace42Configuration> APP = TestServers.sqlite(AppWithCore.class);

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

    private static WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    private static void freshBrowser() {
        HeadlessChromium.openAsNewVisitor(browser, "http://localhost:" + APP.getLocalPort() + "/");
    }

    @Test
    void anUploadedGpxShowsItsChartAndTheConversationSurvivesAReload(@TempDir Path dir) throws Exception {
        Path gpx = Files.writeString(dir.resolve("Morning_Run.gpx"), TestFiles.gpx(1800, true, "running"),
                StandardCharsets.UTF_8);
        freshBrowser();

        browser.findElement(By.id("file")).sendKeys(gpx.toString());

        WebElement chart = waitUpTo(60).until(d -> d.findElements(By.cssSelector(".msg.bot img")).stream()
                .findFirst().orElse(null));
        assertThat(((Number) browser.executeScript("return arguments[0].naturalWidth", chart)).intValue())
                .as("the PNG decoded in the browser").isGreaterThan(100);
        assertThat(browser.findElement(By.cssSelector(".msg.me .file-chip")).getText())
                .isEqualTo("Morning_Run.gpx");
        String analysis = browser.findElements(By.cssSelector(".msg.bot:not(.intro)")).get(0).getText();
        assertThat(analysis).contains("km");
        HeadlessChromium.screenshot(browser, "browser-chat-upload");

        browser.navigate().refresh();

        waitUpTo(20).until(d -> !d.findElements(By.cssSelector(".msg.bot img")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".msg.me .file-chip")).getText()).isEqualTo("Morning_Run.gpx");
        assertThat(browser.findElements(By.cssSelector(".msg.bot:not(.intro)")).get(0).getText())
                .isEqualTo(analysis);
    }

    @Test
    void aNoticeFromTheCoreIsPushedToTheOpenPage() {
        freshBrowser();
        browser.findElement(By.id("message")).sendKeys("/status", org.openqa.selenium.Keys.ENTER);
        waitUpTo(20).until(d -> d.findElements(By.cssSelector(".msg.bot:not(.intro):not(.thinking)")).size() >= 1);
        Cookie cookie = browser.manage().getCookieNamed(WebIdentity.COOKIE);
        var who = WebIdentity.identityOf(cookie.getValue());

        AppWithCore.core.adapters().notify(ConversationRef.direct(who), Reply.text("**Garmin connected**"));

        WebElement notice = waitUpTo(30).until(d -> d.findElements(By.cssSelector(".msg.notice")).stream()
                .findFirst().orElse(null));
        assertThat(notice.getText()).isEqualTo("Garmin connected");
        assertThat(notice.findElement(By.tagName("strong")).getText()).isEqualTo("Garmin connected");
    }

    @Test
    void aFileTheCoachCannotReadIsRefusedOnThePageWithoutAnUpload(@TempDir Path dir) throws Exception {
        Path photo = Files.write(dir.resolve("watch.png"), new byte[] {1, 2, 3});
        freshBrowser();

        browser.findElement(By.id("file")).sendKeys(photo.toString());

        List<WebElement> bots = waitUpTo(10).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(".msg.bot:not(.intro)"));
            return found.isEmpty() ? null : found;
        });
        assertThat(bots.get(0).getText()).contains("FIT, GPX or TCX", "ZIP");
        assertThat(browser.findElements(By.cssSelector(".msg.bot.thinking"))).isEmpty();
    }
}
