package ai.pace42.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/start.sh in a terminal shows short plain lines; the log file, and stdout when asked, stay JSON. */
class ConsoleLogFormatTest {

    private static final String OFF = "telegram: off (set TELEGRAM_BOT_TOKEN to turn it on)";

    @Test
    void theConsoleGetsOnePlainLineAndTheFileJson(@TempDir Path dir) throws Exception {
        ProductionLogging.Output out = ProductionLogging.capture(dir, null,
                c -> c.getLogger("ai.pace42.server.TelegramWiring").info(OFF));

        assertThat(out.console()).matches("\\d\\d:\\d\\d:\\d\\d INFO  TelegramWiring: "
                + "telegram: off \\(set TELEGRAM_BOT_TOKEN to turn it on\\)\\R");
        assertThat(out.file()).startsWith("{").contains("\"message\":\"" + OFF + "\"", "\"level\":\"INFO\"",
                "\"logger_name\":\"ai.pace42.server.TelegramWiring\"");
    }

    @Test
    void aFailureIsOneConsoleLineWithItsCauseAndRequestIdAndTheFileKeepsTheTrace(@TempDir Path dir)
            throws Exception {
        ProductionLogging.Output out = ProductionLogging.capture(dir, null, c -> {
            c.getMDCAdapter().put("requestId", "req_42");
            c.getLogger("ai.pace42.bot.conversation.ConversationDispatcher")
                    .error("message handling failed", new IllegalStateException("coach on fire"));
        });

        assertThat(out.console()).matches("\\d\\d:\\d\\d:\\d\\d ERROR ConversationDispatcher \\[req_42\\]: "
                + "message handling failed \\(java.lang.IllegalStateException: coach on fire; "
                + "stack trace in pace42.log\\)\\R");
        assertThat(out.file()).contains("\"requestId\":\"req_42\"",
                "\"stack_trace\":\"java.lang.IllegalStateException: coach on fire", "ConsoleLogFormatTest");
    }

    @Test
    void pace42LogFormatJsonPutsTheJsonOnTheConsole(@TempDir Path dir) throws Exception {
        ProductionLogging.Output out = ProductionLogging.capture(dir, "json",
                c -> c.getLogger("ai.pace42.server.TelegramWiring").info(OFF));

        assertThat(out.console()).startsWith("{").contains("\"message\":\"" + OFF + "\"", "\"level\":\"INFO\"")
                .endsWith("}\n");
    }
}
