package ai.pace42.bot.data;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.testing.TestDatabases;
import ai.pace42.bot.testing.TestSecretStores;
import ai.pace42.coach.DeterministicCoach;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real deterministic coach behind the core: /sample switches one account, and only that account. */
class SampleAthleteConversationTest {

    private static final PlatformIdentity ANA = PlatformIdentity.of(Platform.TELEGRAM, "ana");
    private static final PlatformIdentity BEN = PlatformIdentity.of(Platform.TELEGRAM, "ben");

    @TempDir
    Path dir;

    private BotCore core;

    @BeforeEach
    void setUp() {
        var jdbi = TestDatabases.sqlite(dir);
        core = BotCore.create(jdbi, DeterministicCoach::new, TestSecretStores.local(jdbi, dir),
                BotCore.Settings.defaults(), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        core.close();
    }

    private Reply say(PlatformIdentity who, String text) throws Exception {
        return core.dispatcher().onInbound(Inbound.directText(who, text, "r-" + text.hashCode()))
                .get(20, TimeUnit.SECONDS);
    }

    @Test
    void aNewRunnerIsToldHowToGetDataInsteadOfAnError() throws Exception {
        String answer = say(BEN, "Analyze my last run").plainText();

        assertThat(answer).contains("/sample");
        assertThat(say(BEN, "/status").plainText()).contains("**Data:** none yet");
    }

    @Test
    void sampleGivesTextAndAChartAndStaysWithThatAccount() throws Exception {
        assertThat(say(ANA, "/sample").plainText()).contains("exploring the sample athlete");

        Reply analysis = say(ANA, "Analyze my last run");

        assertThat(analysis.parts()).anySatisfy(p -> assertThat(p).isInstanceOf(Reply.Part.Image.class));
        assertThat(analysis.plainText()).containsIgnoringCase("sample");
        assertThat(say(ANA, "/status").plainText()).contains("**Data:** the sample athlete");
        // Ben never chose the sample: he still has no data.
        assertThat(say(BEN, "Analyze my last run").parts())
                .noneSatisfy(p -> assertThat(p).isInstanceOf(Reply.Part.Image.class));
    }

    @Test
    void sampleOffPutsItAway() throws Exception {
        say(ANA, "/sample");
        say(ANA, "/sample off");

        assertThat(say(ANA, "Analyze my last run").parts())
                .noneSatisfy(p -> assertThat(p).isInstanceOf(Reply.Part.Image.class));
        assertThat(say(ANA, "/sample maybe").plainText()).contains("/sample off");
    }
}
