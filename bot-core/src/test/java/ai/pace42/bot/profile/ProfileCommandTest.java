package ai.pace42.bot.profile;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.conversation.FileAnalysis;
import ai.pace42.bot.data.DataSourceKind;
import ai.pace42.bot.data.LinkedSource;
import ai.pace42.bot.testing.RecordingAdapter;
import ai.pace42.bot.testing.TestDatabases;
import ai.pace42.bot.testing.TestSecretStores;
import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivityHeader;
import ai.pace42.coach.model.ActivitySource;
import ai.pace42.coach.model.AthleteProfile;
import ai.pace42.coach.model.Sourced;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /profile end to end through the core: stored per account, shown, cleared, and laid over the linked source's
 * profile as the coach sees it (the fake coach answers with the profile it was given).
 */
class ProfileCommandTest {

    private static final PlatformIdentity RUNNER = PlatformIdentity.of(Platform.TELEGRAM, "777");
    private static final PlatformIdentity OTHER = PlatformIdentity.of(Platform.DISCORD, "888");

    /** Garmin's own settings: an LTHR its watch estimated. */
    private static final AthleteProfile GARMIN_PROFILE = AthleteProfile.unknown()
            .withLactateThresholdHeartRate(Sourced.estimated(165.0));

    @TempDir
    Path dir;

    private BotCore core;
    private RecordingAdapter telegram;
    private RecordingAdapter discord;

    @BeforeEach
    void setUp() {
        Jdbi jdbi = TestDatabases.sqlite(dir);
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T08:00:00Z"), ZoneOffset.UTC);
        core = BotCore.create(jdbi, sources -> q -> CoachAnswer.text(sources.resolve(q.accountId())
                        .map(ActivitySource::profile).map(ProfileCommandTest::describe).orElse("no source")),
                TestSecretStores.local(jdbi, dir), new GarminWithProfile(), FileAnalysis.none(),
                BotCore.Settings.defaults(), clock);
        telegram = new RecordingAdapter(Platform.TELEGRAM);
        telegram.start(core.dispatcher());
        discord = new RecordingAdapter(Platform.DISCORD);
        discord.start(core.dispatcher());
    }

    @AfterEach
    void tearDown() {
        core.close();
    }

    private String say(RecordingAdapter chat, PlatformIdentity who, String text) throws Exception {
        return chat.receive(Inbound.directText(who, text, "req-" + text.hashCode())).get(5, TimeUnit.SECONDS)
                .plainText();
    }

    private static String describe(AthleteProfile p) {
        return "max " + p.maxHeartRate().map(s -> s.value() + " " + s.source()).orElse("none")
                + "; lthr " + p.lactateThresholdHeartRate().map(s -> s.value() + " " + s.source()).orElse("none")
                + "; pace " + p.thresholdPaceSPerKm().map(s -> s.value() + " " + s.source()).orElse("none");
    }

    @Test
    void aSetValueIsShownAndIsTheRunnersOwnInTheCoachsProfile() throws Exception {
        String set = say(telegram, RUNNER, "/profile max-hr 188");
        String lthr = say(telegram, RUNNER, "/profile lthr 171");
        say(telegram, RUNNER, "/profile threshold-pace 4:15");
        core.dataSources().choose(core.accounts().resolve(RUNNER, "").id(), DataSourceKind.GARMIN);

        assertThat(set).contains("188 bpm");
        assertThat(lthr).contains("171 bpm");
        assertThat(say(telegram, RUNNER, "/profile")).contains("Maximum heart rate: 188 bpm",
                "Lactate-threshold heart rate: 171 bpm", "Threshold pace: 4:15 /km", "Birth year: not set");
        // The runner's LTHR replaces the one Garmin estimated; the pace is stored per km (255 s).
        assertThat(say(telegram, RUNNER, "How was my run?"))
                .isEqualTo("max 188.0 USER_SET; lthr 171.0 USER_SET; pace 255.0 USER_SET");
    }

    @Test
    void withoutAProfileTheCoachSeesOnlyTheSourcesValues() throws Exception {
        core.dataSources().choose(core.accounts().resolve(RUNNER, "").id(), DataSourceKind.GARMIN);

        assertThat(say(telegram, RUNNER, "How was my run?")).isEqualTo("max none; lthr 165.0 ESTIMATED; pace none");
    }

    @Test
    void aBirthYearSeedsAnAgeEstimatedMaximumLabelledAsSuch() throws Exception {
        say(telegram, RUNNER, "/profile birth-year 1986");
        core.dataSources().choose(core.accounts().resolve(RUNNER, "").id(), DataSourceKind.GARMIN);

        // 2026 − 1986 = 40 years; 208 − 0.7 × 40 = 180.
        assertThat(say(telegram, RUNNER, "How was my run?")).startsWith("max 180.0 AGE_FORMULA;");
    }

    @Test
    void aThresholdPaceInMilesIsStoredPerKilometre() throws Exception {
        say(telegram, RUNNER, "/units mi");
        say(telegram, RUNNER, "/profile threshold-pace 7:00");
        core.dataSources().choose(core.accounts().resolve(RUNNER, "").id(), DataSourceKind.GARMIN);

        // 420 s per mile / 1.609344 = 260.98 s per km.
        assertThat(say(telegram, RUNNER, "How was my run?")).endsWith("pace 261.0 USER_SET");
        assertThat(say(telegram, RUNNER, "/profile")).contains("Threshold pace: 7:00 /mi");
    }

    @Test
    void implausibleValuesChangeNothingAndSayWhatIsAllowed() throws Exception {
        say(telegram, RUNNER, "/profile max-hr 188");

        assertThat(say(telegram, RUNNER, "/profile max-hr 300")).contains("Nothing was changed", "120 to 230");
        assertThat(say(telegram, RUNNER, "/profile sex other")).contains("male or female");
        assertThat(say(telegram, RUNNER, "/profile weight 70")).contains("max-hr, resting-hr, lthr");
        assertThat(say(telegram, RUNNER, "/profile")).contains("Maximum heart rate: 188 bpm", "Sex: not set");
    }

    @Test
    void clearRemovesOneValueOrAll() throws Exception {
        say(telegram, RUNNER, "/profile max-hr 188");
        say(telegram, RUNNER, "/profile resting-hr 48");

        say(telegram, RUNNER, "/profile clear max-hr");
        String afterOne = say(telegram, RUNNER, "/profile");
        say(telegram, RUNNER, "/profile clear");
        String afterAll = say(telegram, RUNNER, "/profile");

        assertThat(afterOne).contains("Maximum heart rate: not set", "Resting heart rate: 48 bpm");
        assertThat(afterAll).contains("Resting heart rate: not set")
                .contains("a single file's highest heart rate is only a lower bound");
    }

    @Test
    void profilesBelongToOneAccountAndTheCommandExistsOnEveryPlatform() throws Exception {
        say(telegram, RUNNER, "/profile max-hr 188");

        assertThat(say(discord, OTHER, "/profile")).contains("Maximum heart rate: not set");
        assertThat(core.commands().find("profile")).isPresent();
    }

    /** A linked source with no runs whose profile is {@link #GARMIN_PROFILE}. */
    private static final class GarminWithProfile implements LinkedSource {

        @Override
        public Optional<ActivitySource> resolve(String accountId) {
            return Optional.of(new ActivitySource() {
                @Override
                public String label() {
                    return "Garmin";
                }

                @Override
                public List<ActivityHeader> list(Instant from, Instant to) {
                    return List.of();
                }

                @Override
                public Optional<Activity> load(String activityId) {
                    return Optional.empty();
                }

                @Override
                public AthleteProfile profile() {
                    return GARMIN_PROFILE;
                }
            });
        }

        @Override
        public void forget(String accountId) {
        }

        @Override
        public boolean revoke(String accountId, String storedSecret) {
            return false;
        }
    }
}
