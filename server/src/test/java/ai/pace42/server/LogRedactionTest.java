package ai.pace42.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.server.logging.ProductionLogging;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gives the running app credential-shaped strings in every place a client controls (body, path, headers) and
 * proves none reaches the log file written by the production logback.xml; masking takes values, never the
 * names around them.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class LogRedactionTest {

    static final DropwizardAppExtension<Pace42Configuration> APP = TestServers.sqlite();

    private static final List<String> SECRETS = List.of(
            "8123456789:AAHf3kL9x2QmZp7vYt0bN4cR6sW1eU8iO5a",            // Telegram bot token shape
            "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GxRfk3.aB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0u", // Discord bot token shape
            "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx",      // Slack bot token shape
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJydW5uZXIifQ.c2lnbmF0dXJlLXZhbHVl", // JWT shape
            "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG8");        // 43+ random chars (link token)

    @Test
    void tokenShapedStringsNeverAppearInTheLog() throws IOException {
        ChatClient client = new ChatClient(APP.getLocalPort());
        for (String secret : SECRETS) {
            client.say("my token is " + secret);
            client.request("GET", "/link/" + secret, Map.of("Authorization", "Bearer " + secret));
            client.request("GET", "/nowhere", Map.of("X-Request-Id", secret));
        }
        ChatClient.Result marker = client.request("GET", "/marker-" + System.nanoTime(), Map.of());

        // The access line is written after the response is sent; wait for it, which also proves the log is live.
        String log = awaitLogContaining(marker.header("X-Request-Id"));
        assertThat(log).contains("\"requestId\"", "/link/****");
        for (String secret : SECRETS) {
            assertThat(log).doesNotContain(secret);
        }
        assertThat(log).doesNotContain("my token is");
    }

    @Test
    void variableNamesInTheStartupLinesAreNotMasked() throws IOException {
        String log = awaitLogContaining("pace42 ready");

        assertThat(log).contains("telegram: off (set TELEGRAM_BOT_TOKEN to turn it on)",
                "discord: off (set DISCORD_BOT_TOKEN and/or DISCORD_PUBLIC_KEY to turn it on)");
    }

    @Test
    void aTokenValueIsMaskedOnTheConsoleAndInTheFileWhileItsNameStays(@TempDir Path dir) throws Exception {
        ProductionLogging.Output out = ProductionLogging.capture(dir, null, c -> c.getLogger("ai.pace42.Config")
                .info("TELEGRAM_BOT_TOKEN=" + SECRETS.get(0) + ", password: hunter2, Authorization: Bearer abc.def"));

        for (String written : List.of(out.console(), out.file())) {
            assertThat(written).contains("TELEGRAM_BOT_TOKEN=****, password: ****, Authorization: Bearer ****")
                    .doesNotContain(SECRETS.get(0)).doesNotContain("hunter2").doesNotContain("abc.def");
        }
    }

    private static String awaitLogContaining(String text) throws IOException {
        String log = "";
        for (int i = 0; i < 100 && !log.contains(text); i++) {
            sleep(50);
            log = Files.readString(logFile(), StandardCharsets.UTF_8);
        }
        assertThat(log).contains(text);
        return log;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path logFile() {
        return Path.of(System.getProperty("PACE42_LOG_DIR"), "pace42.log");
    }
}
