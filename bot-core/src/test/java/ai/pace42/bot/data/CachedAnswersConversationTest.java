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
import ai.pace42.coach.cache.CachingCoach;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The answer cache behind the core as the server wires it: /sample prepares, /sample off forgets. */
class CachedAnswersConversationTest {

    private static final PlatformIdentity ANA = PlatformIdentity.of(Platform.TELEGRAM, "ana");

    @TempDir
    Path dir;

    private BotCore core;
    private CachingCoach coach;

    @BeforeEach
    void setUp() {
        var jdbi = TestDatabases.sqlite(dir);
        core = BotCore.create(jdbi, sources -> coach = new CachingCoach(sources, DeterministicCoach::new),
                TestSecretStores.local(jdbi, dir), BotCore.Settings.defaults(), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        core.close();
    }

    private Reply say(String text) throws Exception {
        return core.dispatcher().onInbound(Inbound.directText(ANA, text, "r-" + text.hashCode()))
                .get(20, TimeUnit.SECONDS);
    }

    @Test
    void theFirstQuestionAfterSampleIsPreparedAndSampleOffForgetsIt() throws Exception {
        say("/sample");
        long preparedEntries = coach.stats().entries();
        assertThat(preparedEntries).as("answers prepared by the warm-up").isPositive();

        Reply first = say("Analyze my last run");

        assertThat(first.parts()).anySatisfy(p -> assertThat(p).isInstanceOf(Reply.Part.Image.class));
        assertThat(coach.stats().hits()).as("the first question was answered from the prepared answer").isEqualTo(1);

        say("/sample off");
        assertThat(coach.stats().entries()).as("the sample's answers are gone").isZero();
        assertThat(say("Analyze my last run").parts())
                .noneSatisfy(p -> assertThat(p).isInstanceOf(Reply.Part.Image.class));
    }
}
