package ai.pace42.server.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code /link confirm 123456} a finished link page shows, as the runner would copy it into the chat. */
public final class ConfirmCommands {

    private static final Pattern COMMAND = Pattern.compile("/link confirm \\d{6}");

    private ConfirmCommands() {
    }

    public static String on(String page) {
        Matcher m = COMMAND.matcher(page);
        assertThat(m.find()).as("a /link confirm command on the page").isTrue();
        return m.group();
    }
}
