package ai.pace42.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The browser chat in headless Chromium. */
@ExtendWith(DropwizardExtensionsSupport.class)
class BrowserChatTest {

    static final DropwizardAppExtension<Pace42Configuration> APP = TestServers.sqlite();

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

    private static void freshBrowser() {
        HeadlessChromium.openAsNewVisitor(browser, "http://localhost:" + APP.getLocalPort() + "/");
    }

    @Test
    void typingHelpShowsTheRenderedAnswer() throws Exception {
        freshBrowser();
        WebElement input = browser.findElement(By.id("message"));

        input.sendKeys("/help", Keys.ENTER);

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        WebElement answer = wait.until(d -> {
            List<WebElement> bots = d.findElements(By.cssSelector(".msg.bot:not(.intro):not(.thinking)"));
            return bots.isEmpty() ? null : bots.get(bots.size() - 1);
        });
        // Markup became real elements: bold as <strong>, bullets as list items; nothing shown raw.
        assertThat(answer.findElement(By.tagName("strong")).getText()).isEqualTo("Ask me about your running");
        assertThat(answer.findElements(By.tagName("li"))).extracting(WebElement::getText)
                .anySatisfy(t -> assertThat(t).startsWith("/units km|mi"));
        assertThat(answer.getText()).doesNotContain("**");
        assertThat(browser.findElement(By.cssSelector(".msg.me")).getText()).isEqualTo("/help");

        HeadlessChromium.screenshot(browser, "browser-chat-help");
    }

    @Test
    void theSampleAthleteChipThenAQuestionShowsAChart() throws Exception {
        freshBrowser();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.findElement(By.cssSelector("button.chip[data-say='/sample']")).click();
        wait.until(d -> d.findElements(By.cssSelector(".msg.bot:not(.intro):not(.thinking)")).size() >= 1);

        browser.findElement(By.id("message")).sendKeys("Analyze my last run", Keys.ENTER);

        WebElement chart = wait.until(d -> d.findElements(By.cssSelector(".msg.bot img")).stream()
                .findFirst().orElse(null));
        assertThat(chart.getAttribute("alt")).isNotBlank();
        Number width = (Number) browser.executeScript("return arguments[0].naturalWidth", chart);
        assertThat(width.intValue()).as("the PNG decoded in the browser").isGreaterThan(100);
        HeadlessChromium.screenshot(browser, "browser-chat-sample-analysis");
    }

    @Test
    void aSuggestionChipAsksForTheRunnerAndTheCookieKeepsSettings() {
        freshBrowser();
        browser.findElement(By.id("message")).sendKeys("/units mi", Keys.ENTER);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(d -> d.findElements(By.cssSelector(".msg.bot:not(.intro):not(.thinking)")).size() >= 1);

        browser.findElement(By.cssSelector("button.chip[data-say='/status']")).click();

        wait.until(d -> d.findElements(By.cssSelector(".msg.bot:not(.intro):not(.thinking)")).size() >= 2);
        List<WebElement> answers = browser.findElements(By.cssSelector(".msg.bot:not(.intro)"));
        assertThat(answers.get(answers.size() - 1).getText()).contains("Units: mi");
    }
}
