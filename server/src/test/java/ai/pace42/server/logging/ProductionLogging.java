package ai.pace42.server.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The production logback.xml in a fresh logger context of its own, so a test sees exactly what the console and
 * the log file get (the application's own context is left alone).
 */
public final class ProductionLogging {

    /** What one configuration wrote: the console (stdout) and {@code pace42.log}. */
    public record Output(String console, String file) {
    }

    private ProductionLogging() {
    }

    /**
     * @param format  PACE42_LOG_FORMAT, or null for the default
     * @param writes  logs through the context (e.g. {@code c -> c.getLogger("x").info("…")})
     */
    public static Output capture(Path logDir, String format, Consumer<LoggerContext> writes) throws Exception {
        URL config = SecretMaskingDecorator.class.getResource("/logback.xml");
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.putProperty("PACE42_LOG_DIR", logDir.toString());
        if (format != null) {
            context.putProperty("PACE42_LOG_FORMAT", format);
        }
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(config);
            writes.accept(context);
        } finally {
            context.stop();
            System.setOut(stdout);
        }
        return new Output(console.toString(StandardCharsets.UTF_8),
                Files.readString(logDir.resolve("pace42.log"), StandardCharsets.UTF_8));
    }
}
