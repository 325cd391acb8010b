package ai.pace42.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pure translation of DMs and slash-command payloads into what the core reads. */
class InboundMapperTest {

    private final InboundMapper mapper = Fixtures.mapper();

    private static Inbound forCore(Mapped mapped) {
        assertThat(mapped).isInstanceOf(Mapped.ForCore.class);
        return ((Mapped.ForCore) mapped).inbound();
    }

    @Test
    void aDirectMessageGoesToTheConversationAsTheUsersSnowflake() {
        Inbound in = forCore(mapper.map(Fixtures.dm("1300000000000000001", "  How was my last run? ", List.of())));
        assertThat(in.from()).isEqualTo(PlatformIdentity.of(Platform.DISCORD, Fixtures.USER_ID));
        assertThat(in.where().channelId()).isEqualTo("1200000000000000077");
        assertThat(in.text()).isEqualTo("How was my last run?");
        assertThat(in.direct()).isTrue();
        assertThat(in.requestId()).isEqualTo("dc-1300000000000000001");
        assertThat(in.displayName()).isEqualTo("Dana");
    }

    @Test
    void botsAndServerChannelsAreIgnored() {
        IncomingMessage fromBot = new IncomingMessage("1", "2", true, "3", true, "other bot", "hi", List.of(),
                Instant.now());
        IncomingMessage inServer = new IncomingMessage("1", "2", false, "3", false, "Dana", "hi", List.of(),
                Instant.now());
        assertThat(mapper.map(fromBot)).isInstanceOf(Mapped.Ignored.class);
        assertThat(mapper.map(inServer)).isInstanceOf(Mapped.Ignored.class);
    }

    @Test
    void anActivityFileBecomesAnAttachmentFetchedFromItsCdnUrl() {
        IncomingMessage.FileRef fit = new IncomingMessage.FileRef("Morning_Run.FIT", null, 48_213,
                "https://cdn.discordapp.com/attachments/1200000000000000077/1/Morning_Run.FIT?ex=1&is=2&hm=3");
        Inbound in = forCore(mapper.map(Fixtures.dm("1300000000000000002", "", List.of(fit))));
        assertThat(in.attachments()).hasSize(1);
        assertThat(in.attachments().get(0).platformFileId()).isEqualTo(fit.url());
        assertThat(in.attachments().get(0).mimeType()).isEqualTo("application/vnd.ant.fit");
        assertThat(in.attachments().get(0).fileName()).isEqualTo("Morning_Run.FIT");
    }

    @Test
    void otherFilesHugeFilesAndStickersAreReportedAsFactsForTheCore() throws Exception {
        IncomingMessage.FileRef photo = new IncomingMessage.FileRef("watch.png", "image/png", 1000, "https://x/y");
        IncomingMessage.FileRef huge = new IncomingMessage.FileRef("year.gpx", "application/gpx+xml",
                30L * 1024 * 1024, "https://x/z");
        Inbound unsupported = forCore(mapper.map(Fixtures.dm("1", "look", List.of(photo))));
        Inbound tooBig = forCore(mapper.map(Fixtures.dm("2", "", List.of(huge))));
        Inbound sticker = forCore(mapper.map(Fixtures.dm("3", "   ", List.of())));
        assertThat(unsupported.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("watch.png");
            assertThat(a.mimeType()).isEqualTo("image/png");
        });
        assertThat(tooBig.attachments()).singleElement().satisfies(a -> {
            assertThat(a.sizeBytes()).isEqualTo(30L * 1024 * 1024);
            assertThat(a.read(100)).isEqualTo("https://x/z".getBytes());
        });
        assertThat(sticker.attachments()).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({
            "coach_guild.json,  How was my last run?,                       false, false",
            "link_guild.json,   /link,                                      true,  true",
            "link_dm.json,      /link,                                      true,  true",
            "link_confirm.json, /link confirm 482913,                       true,  true",
            "unlink_guild.json, /unlink,                                    true,  true",
            "unlink_confirm.json, /unlink confirm,                          true,  true",
            "delete_confirm.json, /delete confirm 305172,                   true,  true",
            "status_guild.json, /status,                                    true,  true",
            "units_guild.json,  /units mi,                                  false, false",
            "sample_guild.json, /sample,                                    false, false",
            "help_guild.json,   /help,                                      false, false",
            "start_dm.json,     /start,                                     false, true",
            "connect_dm.json,   /connect k7Qm2xPz,                          true,  true",
            "timezone_guild.json, /timezone Europe/Berlin,                  true,  true",
            "admin_stats.json,  /admin stats,                               true,  true",
            "admin_user.json,   /admin user discord:80351110224678912,      true,  true"})
    void eachSlashCommandBecomesTheCoresText(String fixture, String text, boolean ephemeral, boolean direct) {
        Mapped mapped = mapper.map(Fixtures.invocation(fixture, "1310000000000000099"));
        Inbound in = forCore(mapped);
        assertThat(in.text()).isEqualTo(text);
        assertThat(((Mapped.ForCore) mapped).ephemeral()).as("ephemeral").isEqualTo(ephemeral);
        assertThat(in.direct()).as("direct").isEqualTo(direct);
        assertThat(in.requestId()).isEqualTo("dc-1310000000000000099");
    }

    @Test
    void aServerCommandKeepsTheServerAsTenantOfTheConversationNotOfTheIdentity() {
        Inbound in = forCore(mapper.map(Fixtures.invocation("coach_guild.json", "1")));
        assertThat(in.from().tenantId()).isEmpty();
        assertThat(in.where().tenantId()).isEqualTo("1000000000000000100");
        assertThat(in.displayName()).isEqualTo("Dana *Runs*");
    }

    @Test
    void anUnknownCommandGoesToTheCorePrivatelyWhichSaysItDoesNotKnowIt() {
        SlashInvocation old = new SlashInvocation("5", Fixtures.APP_ID, Fixtures.TOKEN, "retired", "", null,
                Fixtures.USER_ID, "Dana", "", "", Instant.now());
        Mapped.ForCore mapped = mapper.map(old);
        assertThat(mapped.ephemeral()).isTrue();
        assertThat(mapped.inbound().text()).isEqualTo("/retired");
    }

    @Test
    void everyRegisteredCommandIsUnderstood() {
        for (SlashCommands.Spec spec : Fixtures.commands().all()) {
            SlashInvocation i = new SlashInvocation("7", Fixtures.APP_ID, Fixtures.TOKEN, spec.name(), "", null,
                    Fixtures.USER_ID, "", "", "", Instant.now());
            assertThat(mapper.map(i)).as(spec.name()).isInstanceOf(Mapped.ForCore.class);
        }
    }

    @Test
    void anInteractionWithoutTokenIsRejected() {
        var broken = ((com.fasterxml.jackson.databind.node.ObjectNode) Fixtures.json("coach_guild.json"));
        broken.remove("token");
        assertThatThrownBy(() -> InteractionJson.toInvocation(broken)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theInteractionTimeComesFromItsSnowflake() {
        // Discord's documented example: 175928847299117063 was created 2016-04-30T11:18:25.796Z.
        assertThat(InteractionJson.snowflakeTime("175928847299117063"))
                .isEqualTo(Instant.parse("2016-04-30T11:18:25.796Z"));
    }

    @Test
    void theTokenNeverShowsInToString() {
        assertThat(Fixtures.invocation("coach_guild.json", "1").toString()).doesNotContain(Fixtures.TOKEN);
        assertThat(new InteractionRef(Fixtures.APP_ID, Fixtures.TOKEN, "dc-1").toString())
                .doesNotContain(Fixtures.TOKEN);
    }
}
