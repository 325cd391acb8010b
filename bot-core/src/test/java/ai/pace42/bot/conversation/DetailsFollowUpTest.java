package ai.pace42.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.testing.RecordingAdapter;
import ai.pace42.bot.testing.TestDatabases;
import ai.pace42.bot.testing.TestSecretStores;
import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.CoachService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "details" / "more" after a concise answer gives that answer's full breakdown, for that account only. */
class DetailsFollowUpTest {

    private static final PlatformIdentity ANA = PlatformIdentity.of(Platform.TELEGRAM, "1");
    private static final PlatformIdentity BEN = PlatformIdentity.of(Platform.TELEGRAM, "2");

    @TempDir
    Path dir;

    private final CoachService coach = q -> q.text().startsWith("analyze")
            ? CoachAnswer.text("short about " + q.text()).withDetails("FULL breakdown of " + q.text())
            : CoachAnswer.text("coach: " + q.text());

    private BotCore core;
    private RecordingAdapter telegram;

    @BeforeEach
    void setUp() {
        Jdbi jdbi = TestDatabases.sqlite(dir);
        core = BotCore.create(jdbi, sources -> coach, TestSecretStores.local(jdbi, dir), BotCore.Settings.defaults(),
                Clock.fixed(Instant.parse("2026-11-26T08:00:00Z"), ZoneOffset.UTC));
        telegram = new RecordingAdapter(Platform.TELEGRAM);
        telegram.start(core.dispatcher());
    }

    @AfterEach
    void tearDown() {
        core.close();
    }

    private String say(PlatformIdentity who, String text) throws Exception {
        return telegram.receive(Inbound.directText(who, text, "req-" + text.hashCode())).get(5, TimeUnit.SECONDS)
                .plainText();
    }

    @Test
    void detailsGivesTheBreakdownOfTheAnswerJustGiven() throws Exception {
        assertThat(say(ANA, "analyze run A")).isEqualTo("short about analyze run A");

        assertThat(say(ANA, "details")).isEqualTo("FULL breakdown of analyze run A");
        assertThat(say(ANA, "More")).isEqualTo("FULL breakdown of analyze run A");
    }

    @Test
    void anotherAnswerReplacesTheMemoryAndOthersNeverSeeIt() throws Exception {
        say(ANA, "analyze run A");

        assertThat(say(BEN, "details")).isEqualTo("coach: details");
        say(ANA, "how is my fitness");
        assertThat(say(ANA, "details")).isEqualTo("coach: details");
    }
}
