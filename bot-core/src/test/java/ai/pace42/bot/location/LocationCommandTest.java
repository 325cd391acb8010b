package ai.pace42.bot.location;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.account.Account;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.channel.SharedLocation;
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

    private String share(SharedLocation at, boolean direct) throws Exception {
        Inbound plain = Inbound.directText(RUNNER, "", "req-8");
        Inbound in = new Inbound(plain.from(), plain.where(), "", List.of(), direct, plain.receivedAt(), "", "",
                "req-8", "", at);
        return telegram.receive(in).get(5, TimeUnit.SECONDS).plainText();
    }

    @Test
    void aSharedLiveLocationSetsTheHomeRoundedWithTheLocatorsZoneAndIsReadOnce() throws Exception {
        List<double[]> located = new java.util.ArrayList<>();
        core.enableWeather(name -> List.of(), (lat, lon) -> {
            located.add(new double[] {lat, lon});
            return ZoneId.of("Europe/Berlin");
        });

        String reply = share(new SharedLocation(52.517037, 13.38886, "", true), true);

        assertThat(reply).startsWith("Home set to **52.5° N, 13.4° E**; weather answers now use it.")
                .contains("read your live location once", "time zone to Europe/Berlin");
        assertThat(located).singleElement().satisfies(p -> assertThat(p).containsExactly(52.5, 13.4));
        assertThat(core.homeLocations().home(account().id())).hasValueSatisfying(p -> {
            assertThat(p.latitude()).isEqualTo(52.5);
            assertThat(p.longitude()).isEqualTo(13.4);
            assertThat(p.label()).isEqualTo("52.5° N, 13.4° E");
        });
    }

    @Test
    void aVenueKeepsItsTitleAndSouthernWesternCoordinatesReadRight() throws Exception {
        core.enableWeather(name -> List.of(), (lat, lon) -> ZoneId.of("America/Sao_Paulo"));

        assertThat(share(new SharedLocation(-22.97, -43.21, "", false), true)).contains("**23.0° S, 43.2° W**");
        assertThat(share(new SharedLocation(-22.95, -43.21, "Parque Lage", false), true)).contains("**Parque Lage**")
                .doesNotContain("live");
        assertThat(core.homeLocations().home(account().id()).orElseThrow().name()).isEqualTo("Parque Lage");
    }

    @Test
    void aSharedLocationInAGroupOrWithWeatherOffSetsNothing() throws Exception {
        assertThat(share(new SharedLocation(52.5, 13.4, "", false), true)).contains("weather is switched off");
        enable();
        assertThat(share(new SharedLocation(52.5, 13.4, "", false), false)).contains("private chat");
        assertThat(core.homeLocations().home(account().id())).isEmpty();
    }

    @Test
    void aFailingZoneLookupIsWeatherUnavailableWithTheRequestId() throws Exception {
        core.enableWeather(name -> List.of(), (lat, lon) -> {
            throw new WeatherUnavailableException("forecast: HTTP 502");
        });

        assertThat(share(new SharedLocation(52.5, 13.4, "", false), true)).contains("WEATHER_UNAVAILABLE", "req-8")
                .doesNotContain("502");
        assertThat(core.homeLocations().home(account().id())).isEmpty();
    }

    @Test
    void locationOffersTheTelegramLocationButtonInPrivateOnlyAndTellsDiscordThereIsNone() throws Exception {
        enable();
        RecordingAdapter discord = new RecordingAdapter(Platform.DISCORD);
        discord.start(core.dispatcher());

        ai.pace42.bot.channel.Reply onTelegram = telegram.receive(Inbound.directText(RUNNER, "/location", "r1"))
                .get(5, TimeUnit.SECONDS);
        String onDiscord = discord.receive(Inbound.directText(PlatformIdentity.of(Platform.DISCORD, "77"), "/location",
                "r2")).get(5, TimeUnit.SECONDS).plainText();

        assertThat(onTelegram.parts()).contains(new ai.pace42.bot.channel.Reply.Part.LocationRequest("Share my location"));
        assertThat(onDiscord).contains("Discord cannot share a location with bots, so name a town.");
    }

    @Test
    void coordinatesOutOfRangeAreRefusedAndAVenueTitleIsCapped() {
        assertThat(SharedLocation.of(95, 13.4, "", false)).isEmpty();
        assertThat(SharedLocation.of(52.5, 181, "", false)).isEmpty();
        assertThat(SharedLocation.of(Double.NaN, 13.4, "", false)).isEmpty();
        assertThat(SharedLocation.of(-90, -180, "", false)).isPresent();
        assertThat(SharedLocation.of(1, 1, "x".repeat(500), false).orElseThrow().placeName())
                .hasSize(SharedLocation.MAX_NAME_CHARS + 1).endsWith("…");
    }
}
