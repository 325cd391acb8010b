package ai.pace42.bot.plans;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.testing.MutableClock;
import ai.pace42.bot.testing.TestDatabases;
import ai.pace42.bot.testing.TestSecretStores;
import ai.pace42.coach.DeterministicCoach;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;

/** A core with the real coach on SQLite and a clock the test moves: one runner chatting about plans. */
final class PlanChat implements AutoCloseable {

    final Jdbi jdbi;
    final MutableClock clock;
    final BotCore core;
    private final PlatformIdentity runner;

    PlanChat(Path dir, Instant now, PlatformIdentity runner) {
        this.jdbi = TestDatabases.sqlite(dir);
        this.clock = new MutableClock(now);
        this.core = BotCore.create(jdbi, DeterministicCoach::new, TestSecretStores.local(jdbi, dir), BotCore.Settings.defaults(), clock);
        this.runner = runner;
    }

    Reply say(String text) throws Exception {
        return core.dispatcher().onInbound(Inbound.directText(runner, text, "req-" + Math.abs(text.hashCode())))
                .get(60, TimeUnit.SECONDS);
    }

    String account() {
        return core.accounts().find(runner).orElseThrow().id();
    }

    StoredPlan plan() {
        return new PlanStore(jdbi, clock).current(account()).orElseThrow();
    }

    @Override
    public void close() {
        core.close();
    }
}
