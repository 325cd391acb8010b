package ai.pace42.bot.notice;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.testing.RecordingAdapter;
import ai.pace42.bot.testing.TestDatabases;
import ai.pace42.bot.testing.TestSecretStores;
import ai.pace42.coach.CoachAnswer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The late-data notice goes to the chat the runner last wrote from, and nowhere for a browser-only runner. */
class LateDataNoticeTest {

    private static final PlatformIdentity ADA = PlatformIdentity.of(Platform.TELEGRAM, "811");
    private static final PlatformIdentity WEB = PlatformIdentity.of(Platform.WEB, "w-812");

    @TempDir
    Path dir;

    private BotCore core;
    private final RecordingAdapter telegram = new RecordingAdapter(Platform.TELEGRAM);

    @BeforeEach
    void setUp() {
        var jdbi = TestDatabases.sqlite(dir);
        core = BotCore.create(jdbi, sources -> q -> CoachAnswer.text("answered"), TestSecretStores.local(jdbi, dir),
                BotCore.Settings.defaults(), Clock.systemUTC());
        core.adapters().register(telegram);
    }

    @AfterEach
    void tearDown() {
        core.close();
    }

    private String accountOf(PlatformIdentity who) throws Exception {
        core.dispatcher().onInbound(Inbound.directText(who, "How was my last run?", "r-1")).get(10, TimeUnit.SECONDS);
        return core.accounts().find(who).orElseThrow().id();
    }

    @Test
    void theRunnerHearsOnceInTheChatTheyAskedFrom() throws Exception {
        String ada = accountOf(ADA);

        core.lateData().arrived(ada);

        assertThat(telegram.sent()).hasSize(1);
        assertThat(telegram.sent().get(0).where().userId()).isEqualTo("811");
        assertThat(telegram.sent().get(0).reply().plainText())
                .isEqualTo("Your newer Garmin data has arrived. Ask again and I'll answer from it.");
    }

    @Test
    void aBrowserOnlyRunnerGetsNoPushAndNothingFails() throws Exception {
        String web = accountOf(WEB);

        core.lateData().arrived(web);

        assertThat(telegram.sent()).isEmpty();
    }
}
