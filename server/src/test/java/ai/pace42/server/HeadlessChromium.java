package ai.pace42.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium and chromium-driver (installed by scripts/test.sh), started headless with the flags this
 * closed network needs. Selenium is pointed at those binaries so it never tries to download a browser.
 */
public final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String OLD_PAGE = "pace42TestOldPage";

    private HeadlessChromium() {
    }

    public static ChromeDriver start() {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("headless Chromium is required: run scripts/test.sh, which installs chromium and chromium-driver")
                .isTrue();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=420,860");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /**
     * Clicks something that loads a new page and waits until a new document has loaded and shows what the caller
     * expects of it (a heading, a message, the URL). Waiting for the old page's element to go stale raced the
     * navigation: Chromium can answer a question about a node of the page being replaced with "Node with given id
     * does not belong to the document", which is not reported as staleness. Here every question goes to whatever
     * document is current, and such answers only mean "not there yet".
     */
    public static void clickAndWaitForPage(ChromeDriver browser, By target, ExpectedCondition<?> newPageShows) {
        // A property of the current window: a new document comes with a new window object, without it.
        browser.executeScript("window." + OLD_PAGE + " = true;");
        browser.findElement(target).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .withMessage(() -> "the page after clicking " + target + " never showed " + newPageShows
                        + "; it shows: " + visibleText(browser))
                .until(driver -> aNewDocumentHasLoaded(browser) && shows(newPageShows, driver));
    }

    /**
     * Opens {@code url} as a browser seen for the first time: the browser chat shows a browser's kept conversation,
     * so tests sharing one Chromium must not share its cookie.
     */
    public static void openAsNewVisitor(ChromeDriver browser, String url) {
        browser.get(url);
        browser.manage().deleteAllCookies();
        browser.get(url);
    }

    /** The new page's heading reads exactly {@code text}. */
    public static ExpectedCondition<Boolean> heading(String text) {
        return ExpectedConditions.textToBe(By.tagName("h1"), text);
    }

    /** The new page's main content contains {@code text}. */
    public static ExpectedCondition<Boolean> mainShows(String text) {
        return ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), text);
    }

    private static boolean aNewDocumentHasLoaded(ChromeDriver browser) {
        try {
            return Boolean.TRUE.equals(browser.executeScript(
                    "return window." + OLD_PAGE + " !== true && document.readyState === 'complete';"));
        } catch (WebDriverException e) {
            return notThereYet(e);
        }
    }

    private static boolean shows(ExpectedCondition<?> condition, WebDriver driver) {
        try {
            Object result = condition.apply(driver);
            return result != null && !Boolean.FALSE.equals(result);
        } catch (WebDriverException e) {
            return notThereYet(e);
        }
    }

    /** The answers a driver gives while a navigation replaces the document; anything else is a real failure. */
    private static boolean notThereYet(WebDriverException e) {
        String message = String.valueOf(e.getMessage());
        if (e instanceof StaleElementReferenceException || e instanceof NoSuchElementException
                || message.contains("does not belong to the document")
                || message.contains("Execution context was destroyed")
                || message.contains("Cannot find context with specified id")) {
            return false;
        }
        throw e;
    }

    private static String visibleText(ChromeDriver browser) {
        try {
            return browser.getCurrentUrl() + " " + browser.findElement(By.tagName("body")).getText();
        } catch (WebDriverException e) {
            return "(unreadable: " + e.getClass().getSimpleName() + ")";
        }
    }

    /** Saves what the browser shows under target/screenshots, for a person to look at. */
    public static void screenshot(ChromeDriver browser, String name) throws IOException {
        Path shot = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
    }
}
