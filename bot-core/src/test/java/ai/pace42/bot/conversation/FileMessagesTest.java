package ai.pace42.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.channel.Attachment;
import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.data.LinkedSource;
import ai.pace42.bot.testing.RecordingAdapter;
import ai.pace42.bot.testing.TestDatabases;
import ai.pace42.bot.testing.TestSecretStores;
import ai.pace42.coach.CoachAnswer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file sent in chat is downloaded through its own adapter and handed to the file analysis. */
class FileMessagesTest {

    private static final PlatformIdentity ANA = PlatformIdentity.of(Platform.TELEGRAM, "100");

    @TempDir
    Path dir;

    private BotCore core;
    private RecordingAdapter telegram;

    @BeforeEach
    void setUp() throws Exception {
        Jdbi jdbi = TestDatabases.sqlite(dir);
        FileAnalysis analysis = (account, fileName, content, askedAt) -> Optional.of(CoachAnswer.text(
                "Analysed " + fileName + ": " + new String(content, StandardCharsets.UTF_8)));
        core = BotCore.create(jdbi, sources -> q -> CoachAnswer.text("question"), TestSecretStores.local(jdbi, dir),
                LinkedSource.none(), analysis, BotCore.Settings.defaults(), Clock.systemUTC());
        telegram = new RecordingAdapter(Platform.TELEGRAM);
        telegram.start(core.dispatcher());
        core.adapters().register(telegram);
    }

    @AfterEach
    void tearDown() {
        core.close();
    }

    private Reply send(String fileId) throws Exception {
        Inbound upload = new Inbound(ANA, ConversationRef.direct(ANA), "", List.of(
                new Attachment("morning.gpx", "application/gpx+xml", 5, fileId)), true, Instant.now(), "m", "Ana",
                "r-" + fileId, "");
        return telegram.receive(upload).get(10, TimeUnit.SECONDS);
    }

    @Test
    void anUploadedFileIsDownloadedAndAnalysed() throws Exception {
        telegram.serveFile("file-1", "<gpx/>".getBytes(StandardCharsets.UTF_8));

        assertThat(send("file-1").plainText()).isEqualTo("Analysed morning.gpx: <gpx/>");
    }

    @Test
    void aFailedDownloadAsksForTheFileAgain() throws Exception {
        assertThat(send("missing").plainText()).contains("couldn't download morning.gpx");
    }

    @Test
    void aPlatformWithoutDownloadsSaysSo() throws Exception {
        PlatformIdentity web = PlatformIdentity.of(Platform.WEB, "w1");
        Inbound upload = new Inbound(web, ConversationRef.direct(web), "", List.of(
                new Attachment("run.fit", "application/octet-stream", 5, "x")), true, Instant.now(), "", "", "r", "");

        assertThat(core.dispatcher().onInbound(upload).get(10, TimeUnit.SECONDS).plainText())
                .contains("can't read files here");
    }
}
