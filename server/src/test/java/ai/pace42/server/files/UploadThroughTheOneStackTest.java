package ai.pace42.server.files;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.channel.Attachment;
import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.data.LinkedSource;
import ai.pace42.bot.testing.TestDatabases;
import ai.pace42.bot.testing.TestSecretStores;
import ai.pace42.coach.CoachService;
import ai.pace42.coach.DeterministicCoach;
import ai.pace42.coach.model.ActivitySource;
import ai.pace42.garmin.files.TestFiles;
import ai.pace42.server.garmin.ActivityFileAnalysis;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file sent in chat is answered by the core's one configured stack (question gate, plan coach, the configured
 * coach), with the upload as the runs of that turn: counted like a question, and no second stack built per file.
 */
class UploadThroughTheOneStackTest {

    private static final Instant NOW = Instant.parse("2026-05-04T08:00:00Z");
    private static final PlatformIdentity RUNNER = PlatformIdentity.of(Platform.TELEGRAM, "77");

    @TempDir
    Path dir;

    private final AtomicInteger stacksBuilt = new AtomicInteger();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private BotCore core;

    private BotCore start() {
        Jdbi jdbi = TestDatabases.sqlite(dir);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        core = BotCore.create(jdbi, sources -> {
            stacksBuilt.incrementAndGet();
            CoachService real = new DeterministicCoach(sources);
            return question -> {
                seen.add(question.text() + " on " + sources.resolve(question.accountId())
                        .map(ActivitySource::label).orElse("nothing"));
                return real.answer(question);
            };
        }, TestSecretStores.local(jdbi, dir), LinkedSource.none(), new ActivityFileAnalysis(new ImportedRuns(jdbi, clock)),
                BotCore.Settings.defaults(), clock);
        return core;
    }

    @AfterEach
    void stop() {
        if (core != null) {
            core.close();
        }
    }

    private Reply send(String text, Attachment... files) throws Exception {
        ConversationRef where = new ConversationRef(Platform.TELEGRAM, "", "77", RUNNER.userId());
        Inbound in = new Inbound(RUNNER, where, text, List.of(files), true, NOW, "m-" + seen.size(), "Ada",
                "rq-" + seen.size(), "");
        return core.dispatcher().onInbound(in).get(30, TimeUnit.SECONDS);
    }

    private static Attachment gpx(String name) {
        byte[] run = TestFiles.gpx(1800, true, "running").getBytes(StandardCharsets.UTF_8);
        return new Attachment(name, "application/gpx+xml", run.length, name, max -> run);
    }

    @Test
    void anUploadIsAskedOfTheOneStackAndCountedOnce() throws Exception {
        start();
        assertThat(stacksBuilt).hasValue(1);

        Reply reply = send("", gpx("morning.gpx"));

        assertThat(reply.parts().get(0)).isInstanceOf(Reply.Part.Text.class);
        // The configured coach answered, on the uploaded run as the account's runs for this turn.
        assertThat(seen).containsExactly("Analyze my last run on imported files");
        String accountId = core.accounts().find(RUNNER).orElseThrow().id();
        assertThat(core.subscriptions().questionsThisMonth(accountId)).isEqualTo(1);

        send("", gpx("evening.gpx"));
        send("How was my last run?");

        assertThat(stacksBuilt).hasValue(1); // no stack per file
        assertThat(core.subscriptions().questionsThisMonth(accountId)).isEqualTo(3);
    }
}
