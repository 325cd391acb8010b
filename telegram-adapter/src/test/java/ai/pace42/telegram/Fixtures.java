package ai.pace42.telegram;

import ai.pace42.bot.testing.TestCore;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.telegram.telegrambots.meta.api.objects.Update;

/** Update JSON shaped like the Bot API's, from src/test/resources/updates. */
final class Fixtures {

    static final String LONG_ANSWER = ParagraphText.of(10_000);
    static final ai.pace42.coach.CoachService ECHO_COACH = TestCore.echoCoach(LONG_ANSWER);

    /** The shared test core with Telegram's admin, answering files with {@code files}. */
    static ai.pace42.bot.BotCore core(java.nio.file.Path dir, ai.pace42.coach.CoachService coach,
                                      ai.pace42.bot.conversation.FileAnalysis files) {
        return TestCore.start(dir, coach, "telegram:999", 4, files).core;
    }

    static ai.pace42.bot.BotCore core(java.nio.file.Path dir, ai.pace42.coach.CoachService coach) {
        return core(dir, coach, ai.pace42.bot.conversation.FileAnalysis.none());
    }

    static final BotIdentity BOT = new BotIdentity(7000000001L, "pace42_bot");

    /** The mapper as the adapter builds it, with the core's private-only commands and content fetched by id. */
    static UpdateMapper mapper() {
        return new UpdateMapper(BOT, java.util.Set.of("link", "unlink", "status", "admin")::contains,
                fileId -> ai.pace42.bot.channel.Attachment.Content.of(fileId.getBytes()));
    }
    static final long ALICE = 111111111L;
    static final long BOB = 222222222L;
    static final long GROUP = -1001234567890L;

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Fixtures() {
    }

    static String raw(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/updates/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Update update(String name) {
        return parse(raw(name));
    }

    static Update parse(String json) {
        try {
            return JSON.readValue(json, Update.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A private text message from any user, for tests that need many distinct updates. */
    static Update privateText(int updateId, long userId, String firstName, String text) {
        String user = "{\"id\": " + userId + ", \"is_bot\": false, \"first_name\": " + quote(firstName) + "}";
        String chat = "{\"id\": " + userId + ", \"first_name\": " + quote(firstName) + ", \"type\": \"private\"}";
        return parse("{\"update_id\": " + updateId + ", \"message\": {\"message_id\": " + (updateId % 100000)
                + ", \"from\": " + user + ", \"chat\": " + chat + ", \"date\": 1764120000, \"text\": "
                + quote(text) + "}}");
    }

    static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
