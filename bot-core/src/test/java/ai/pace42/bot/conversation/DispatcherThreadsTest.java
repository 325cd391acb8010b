package ai.pace42.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.testing.TestDatabases;
import ai.pace42.bot.testing.TestSecretStores;
import ai.pace42.coach.CoachAnswer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter's thread only hands a message over: the first-contact database write runs on the core's workers. */
class DispatcherThreadsTest {

    @Test
    void theAccountIsCreatedOnACoreWorkerAndASendersMessagesStayInOrder(@TempDir Path dir) throws Exception {
        Jdbi jdbi = TestDatabases.sqlite(dir);
        List<String> identityWriters = new CopyOnWriteArrayList<>();
        jdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                if (context.getRawSql().startsWith("INSERT INTO platform_identities")) {
                    identityWriters.add(Thread.currentThread().getName());
                }
            }
        });
        List<String> asked = new CopyOnWriteArrayList<>();
        try (BotCore core = BotCore.create(jdbi, sources -> q -> {
            asked.add(q.text());
            return CoachAnswer.text("ok");
        }, TestSecretStores.local(jdbi, dir), BotCore.Settings.defaults().withWorkers(4, 100), Clock.systemUTC())) {
            PlatformIdentity ana = PlatformIdentity.of(Platform.TELEGRAM, "42");
            List<CompletableFuture<?>> replies = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                replies.add(core.dispatcher().onInbound(Inbound.directText(ana, "question " + i, "r-" + i)));
            }
            CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

            assertThat(identityWriters).isNotEmpty().allSatisfy(t -> assertThat(t).startsWith("conversation-"));
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                expected.add("question " + i);
            }
            assertThat(asked).containsExactlyElementsOf(expected);
        }
    }
}
