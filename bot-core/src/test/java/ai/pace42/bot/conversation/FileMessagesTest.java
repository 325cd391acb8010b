package ai.pace42.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.channel.Attachment;
import ai.pace42.bot.channel.ChannelTexts;
import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.data.LinkedSource;
import ai.pace42.bot.testing.TestDatabases;
import ai.pace42.bot.testing.TestSecretStores;
import ai.pace42.coach.CoachAnswer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file sent in chat arrives with its content; the core applies the shared rules (private chats, activity files,
 * size) and reads the content itself, never asking the adapter for anything.
 */
class FileMessagesTest {

    private static final PlatformIdentity ANA = PlatformIdentity.of(Platform.TELEGRAM, "100");

    @TempDir
    Path dir;

    private BotCore core;
    private final List<Long> limitsAsked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        Jdbi jdbi = TestDatabases.sqlite(dir);
        FileAnalysis analysis = (account, fileName, content, askedAt) -> Optional.of(CoachAnswer.text(
                "Analysed " + fileName + ": " + new String(content, StandardCharsets.UTF_8)));
        core = BotCore.create(jdbi, sources -> q -> CoachAnswer.text("question"), TestSecretStores.local(jdbi, dir),
                LinkedSource.none(), analysis, BotCore.Settings.defaults(), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        core.close();
    }

    private Reply send(Attachment attachment, boolean direct) throws Exception {
        Inbound upload = new Inbound(ANA, ConversationRef.direct(ANA), "", List.of(attachment), direct,
                Instant.now(), "m", "Ana", "r-1", "");
        return core.dispatcher().onInbound(upload).get(10, TimeUnit.SECONDS);
    }

    private Attachment gpx(long size, Attachment.Content content) {
        return new Attachment("morning.gpx", "application/gpx+xml", size, "file-1", content);
    }

    @Test
    void theContentIsReadWithinTheCoresLimitAndAnalysed() throws Exception {
        Attachment.Content content = max -> {
            limitsAsked.add(max);
            return "<gpx/>".getBytes(StandardCharsets.UTF_8);
        };

        assertThat(send(gpx(6, content), true).plainText()).isEqualTo("Analysed morning.gpx: <gpx/>");
        assertThat(limitsAsked).containsExactly(20L * 1024 * 1024);
    }

    @Test
    void aFailedFetchAsksForTheFileAgain() throws Exception {
        Attachment.Content broken = max -> {
            throw new IOException("CDN said 404");
        };

        assertThat(send(gpx(6, broken), true).plainText()).contains("couldn't download morning.gpx");
    }

    @Test
    void aFileReportedTooLargeIsNeverFetched() throws Exception {
        Attachment.Content counting = max -> {
            limitsAsked.add(max);
            return new byte[0];
        };

        assertThat(send(gpx(21L * 1024 * 1024, counting), true).plainText()).isEqualTo(ChannelTexts.FILE_TOO_BIG);
        assertThat(limitsAsked).isEmpty();
    }

    @Test
    void aFileThatGrowsPastTheLimitWhileReadIsTooLarge() throws Exception {
        byte[] big = new byte[(int) ChannelTexts.MAX_FILE_BYTES + 1];

        assertThat(send(gpx(-1, Attachment.Content.of(big)), true).plainText()).isEqualTo(ChannelTexts.FILE_TOO_BIG);
    }

    @Test
    void otherFilesAreNotReadAndTheAnswerNamesZip() throws Exception {
        Attachment photo = new Attachment("IMG_1.jpg", "image/jpeg", 1000, "p", Attachment.Content.of(new byte[3]));

        String answer = send(photo, true).plainText();

        assertThat(answer).isEqualTo(ChannelTexts.UNSUPPORTED_FILE).contains("ZIP");
    }

    @Test
    void filesInAGroupArePointedToThePrivateChat() throws Exception {
        assertThat(send(gpx(6, Attachment.Content.of(new byte[6])), false).plainText())
                .isEqualTo(ChannelTexts.FILES_IN_PRIVATE);
    }
}
