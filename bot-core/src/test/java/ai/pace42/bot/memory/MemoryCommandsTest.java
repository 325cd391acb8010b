package ai.pace42.bot.memory;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.secrets.LocalSecretStore;
import ai.pace42.bot.testing.MutableClock;
import ai.pace42.bot.testing.TestDatabases;
import ai.pace42.bot.testing.TestSecretStores;
import ai.pace42.coach.CoachAnswer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /memory shows and edits the coach memory, /forget clears the conversation window, each for its own account. */
class MemoryCommandsTest {

    private static final PlatformIdentity ANA = PlatformIdentity.of(Platform.TELEGRAM, "100");
    private static final PlatformIdentity BEN = PlatformIdentity.of(Platform.TELEGRAM, "200");

    @TempDir
    Path dir;
    private Jdbi jdbi;
    private BotCore core;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T08:00:00Z"));

    @BeforeEach
    void setUp() {
        jdbi = TestDatabases.sqlite(dir);
        LocalSecretStore secrets = TestSecretStores.local(jdbi, dir);
        core = BotCore.create(jdbi, sources -> q -> CoachAnswer.text("ok"), secrets, BotCore.Settings.defaults(), clock);
    }

    @AfterEach
    void tearDown() {
        core.close();
    }

    private String say(PlatformIdentity who, String text) throws Exception {
        Inbound in = new Inbound(who, ConversationRef.direct(who), text, List.of(), true, clock.instant(), "", "Runner",
                "req-1", "");
        return core.dispatcher().onInbound(in).get(20, TimeUnit.SECONDS).plainText();
    }

    private String account(PlatformIdentity who) {
        return core.accounts().find(who).orElseThrow().id();
    }

    @Test
    void memoryIsShownSetClearedAndCleanedPerAccount() throws Exception {
        assertThat(say(ANA, "/memory")).contains("don't remember anything");
        assertThat(say(ANA, "/memory goal Berlin marathon\u200b on 27 September\u0007")).contains("Goal race")
                .contains("Berlin marathon on 27 September");
        say(ANA, "/memory injuries tight left calf");
        say(BEN, "/memory days Mondays only");

        assertThat(say(ANA, "/memory")).contains("Goal race", "Berlin marathon on 27 September", "tight left calf",
                "Days available", "not set").doesNotContain("Mondays only");
        say(ANA, "/memory clear injuries");
        assertThat(new CoachMemory(jdbi, clock).of(account(ANA))).containsOnlyKeys(CoachMemory.Field.GOAL);
        assertThat(say(ANA, "/memory shoe size 44")).contains("/memory goal");
        say(ANA, "/memory clear");
        assertThat(new CoachMemory(jdbi, clock).of(account(ANA))).isEmpty();
        assertThat(new CoachMemory(jdbi, clock).of(account(BEN))).containsOnlyKeys(CoachMemory.Field.DAYS);
        assertThat(CoachMemory.clean("x".repeat(500))).hasSize(CoachMemory.MAX_CHARS);
    }

    @Test
    void theConversationKeepsItsWindowAndForgetClearsOnlyItsOwnAccount() throws Exception {
        say(ANA, "/status");
        say(BEN, "/status");
        ConversationMemory memory = new ConversationMemory(jdbi, clock, 4);
        for (int i = 1; i <= 3; i++) {
            memory.remember(account(ANA), "q" + i, "a" + i);
        }
        memory.remember(account(BEN), "ben q", "ben a");

        assertThat(memory.recent(account(ANA))).extracting(ConversationMemory.Turn::content)
                .containsExactly("q2", "a2", "q3", "a3");
        assertThat(say(ANA, "/forget")).contains("forgotten our conversation (4 messages)");
        assertThat(memory.recent(account(ANA))).isEmpty();
        assertThat(memory.recent(account(BEN))).hasSize(2);
        assertThat(say(ANA, "/forget")).contains("no conversation to forget");
    }
}
