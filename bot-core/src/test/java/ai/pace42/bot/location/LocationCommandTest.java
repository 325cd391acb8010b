package ai.pace42.bot.location;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.account.Account;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.testing.RecordingAdapter;
import ai.pace42.bot.testing.TestDatabases;
import ai.pace42.bot.testing.TestSecretStores;
import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.weather.Place;
import ai.pace42.coach.weather.WeatherUnavailableException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /location through the core: geocoding choices, proposals accepted with "yes", the friendly no-match question. */
class LocationCommandTest {

    private static final PlatformIdentity RUNNER = PlatformIdentity.of(Platform.TELEGRAM, "501");
    private static final Place ILLINOIS = new Place("Springfield", "Illinois", "United States", 39.80172, -89.64371,
            ZoneId.of("America/Chicago"));
    private static final Place MASSACHUSETTS = new Place("Springfield", "Massachusetts", "United States", 42.10148,
            -72.58981, ZoneId.of("America/New_York"));

    @TempDir
    Path dir;

    private BotCore core;
    private RecordingAdapter telegram;
    private boolean searchFails;

    @BeforeEach
    void setUp() throws Exception {
        Jdbi jdbi = TestDatabases.sqlite(dir);
        core = BotCore.create(jdbi, sources -> q -> CoachAnswer.text("coach"), TestSecretStores.local(jdbi, dir),
                BotCore.Settings.defaults(), Clock.fixed(Instant.parse("2026-12-02T08:00:00Z"), ZoneOffset.UTC));
        telegram = new RecordingAdapter(Platform.TELEGRAM);
        telegram.start(core.dispatcher());
    }

    @AfterEach
    void tearDown() {
        core.close();
    }

    private void enable() {
        core.enableWeather(name -> {
            if (searchFails) {
                throw new WeatherUnavailableException("geocoding: HTTP 502");
            }
            return name.equalsIgnoreCase("springfield") ? List.of(ILLINOIS, MASSACHUSETTS) : List.of();
        });
    }

    private String say(String text) throws Exception {
        return telegram.receive(Inbound.directText(RUNNER, text, "req-7")).get(5, TimeUnit.SECONDS).plainText();
    }

    private Account account() {
        return core.accounts().find(RUNNER).orElseThrow();
    }

    @Test
    void anAmbiguousNameIsAChoiceAndTheNumberPicksIt() throws Exception {
        enable();

        String offer = say("/location Springfield");
        String picked = say("/location 2");

        assertThat(offer).contains("Which one do you mean?", "/location 1", "Springfield, Illinois, United States",
                "/location 2", "Springfield, Massachusetts, United States");
        assertThat(picked).contains("Springfield, Massachusetts, United States")
                .contains("I also set your time zone to America/New_York");
        assertThat(core.homeLocations().home(account().id())).contains(MASSACHUSETTS);
        assertThat(account().timeZone()).contains(ZoneId.of("America/New_York"));
    }

    @Test
    void aPlaceThatIsNotFoundGetsAFriendlyQuestion() throws Exception {
        enable();

        String reply = say("/location Xqzzyville");

        assertThat(reply).contains("couldn't find a place called \"Xqzzyville\"", "Which town is it near?");
        assertThat(core.homeLocations().home(account().id())).isEmpty();
    }

    @Test
    void aFailingSearchCarriesTheCodeAndRequestId() throws Exception {
        enable();
        searchFails = true;

        String reply = say("/location Springfield");

        assertThat(reply).contains("WEATHER_UNAVAILABLE", "req-7").doesNotContain("502");
    }

    @Test
    void aProposedRunStartIsOnlySetWhenTheRunnerSaysYes() throws Exception {
        enable();
        say("/start");
        Place start = new Place("", "", "", 52.5163, 13.3777, ZoneId.of("Europe/Berlin"));
        core.homeLocations().propose(account().id(), start);
        assertThat(core.homeLocations().home(account().id())).isEmpty();

        String reply = say("/location yes");

        assertThat(reply).contains("your last run's start");
        assertThat(core.homeLocations().home(account().id())).contains(start);
    }

    @Test
    void offForgetsTheLocation() throws Exception {
        enable();
        say("/location Springfield");
        say("/location 1");

        assertThat(say("/location off")).contains("forgot your location");
        assertThat(core.homeLocations().home(account().id())).isEmpty();
    }

    @Test
    void withoutWeatherTheCommandSaysSo() throws Exception {
        assertThat(say("/location Berlin")).contains("Weather is switched off");
    }
}
