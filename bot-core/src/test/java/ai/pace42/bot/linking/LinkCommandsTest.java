package ai.pace42.bot.linking;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.data.DataSourceKind;
import ai.pace42.bot.secrets.LocalSecretStore;
import ai.pace42.bot.testing.TestDatabases;
import ai.pace42.bot.testing.TestSecretStores;
import ai.pace42.coach.CoachAnswer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkCommandsTest {

    private static final PlatformIdentity ANA = PlatformIdentity.of(Platform.TELEGRAM, "100");
    private static final PlatformIdentity BEN = PlatformIdentity.of(Platform.TELEGRAM, "200");

    @TempDir
    Path dir;

    private BotCore core;
    private LocalSecretStore secrets;

    @BeforeEach
    void setUp() {
        Jdbi jdbi = TestDatabases.sqlite(dir);
        secrets = TestSecretStores.local(jdbi, dir);
        core = BotCore.create(jdbi, sources -> q -> CoachAnswer.text("ok"), secrets, BotCore.Settings.defaults(),
                Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        core.close();
    }

    private Reply send(Inbound inbound) throws Exception {
        return core.dispatcher().onInbound(inbound).get(10, TimeUnit.SECONDS);
    }

    private static Inbound inGroup(String text) {
        ConversationRef group = new ConversationRef(Platform.TELEGRAM, "", "-100555", ANA.userId());
        return new Inbound(ANA, group, text, List.of(), false, Instant.now(), "m1", "Ana", "r1", "");
    }

    @Test
    void linkInAGroupIsRefusedAndIssuesNothing() throws Exception {
        Reply reply = send(inGroup("/link"));

        assertThat(reply.plainText()).contains("private chat");
        assertThat(reply.parts()).noneSatisfy(p -> assertThat(p).isInstanceOf(Reply.Part.LinkButton.class));
    }

    @Test
    void linkInPrivateSendsAnEphemeralButtonToTheLinkPage() throws Exception {
        Reply reply = send(Inbound.directText(ANA, "/link", "r2"));

        assertThat(reply.ephemeral()).isTrue();
        Reply.Part.LinkButton button = reply.parts().stream().filter(Reply.Part.LinkButton.class::isInstance)
                .map(Reply.Part.LinkButton.class::cast).findFirst().orElseThrow();
        assertThat(button.url()).matches("http://localhost:8080/link/[A-Za-z0-9_-]{43}");
        String token = button.url().substring(button.url().lastIndexOf('/') + 1);
        PendingLink pending = core.links().peek("garmin", token).orElseThrow();
        assertThat(pending.identity()).isEqualTo(ANA);
        assertThat(pending.accountId()).isEqualTo(core.accounts().find(ANA).orElseThrow().id());
        assertThat(reply.plainText()).contains("expires in 15 minutes", "never ask for your Garmin password");
    }

    @Test
    void unlinkAsksFirstThenDeletesTheTokensAndStopsUsingGarmin() throws Exception {
        send(Inbound.directText(ANA, "/status", "r3"));
        String accountId = core.accounts().find(ANA).orElseThrow().id();
        secrets.put(accountId, "garmin", "{\"access_token\":\"t\"}");
        core.dataSources().choose(accountId, DataSourceKind.GARMIN);

        assertThat(send(Inbound.directText(ANA, "/unlink", "r4")).plainText()).contains("/unlink confirm");
        assertThat(secrets.get(accountId, "garmin")).isPresent();

        assertThat(send(Inbound.directText(ANA, "/unlink confirm", "r5")).plainText()).contains("disconnected");
        assertThat(secrets.get(accountId, "garmin")).isEmpty();
        assertThat(core.dataSources().kindOf(accountId)).isEqualTo(DataSourceKind.NONE);
        assertThat(core.audit().recent(5)).anySatisfy(line -> assertThat(line).contains("unlink garmin", "ALLOWED"));
        assertThat(send(Inbound.directText(ANA, "/unlink confirm", "r6")).plainText()).contains("wasn't connected");
    }

    /** Tokens staged by a link not yet confirmed, and a flow's sealed value, are the account's secrets too. */
    @Test
    void unlinkDeletesEverySecretOfTheAccountIncludingStagedOnes() throws Exception {
        Reply link = send(Inbound.directText(ANA, "/link", "r7"));
        String accountId = core.accounts().find(ANA).orElseThrow().id();
        String url = link.parts().stream().filter(Reply.Part.LinkButton.class::isInstance)
                .map(p -> ((Reply.Part.LinkButton) p).url()).findFirst().orElseThrow();
        assertThat(core.garminLinking().complete(url.substring(url.lastIndexOf('/') + 1), "ana-garmin",
                "{\"staged\":\"t\"}", "r8")).isPresent();
        secrets.put(accountId, "flow:mfa:9c1e", "sso-cookies");
        send(Inbound.directText(BEN, "/status", "r10"));
        String other = core.accounts().find(BEN).orElseThrow().id();
        secrets.put(other, "garmin", "someone else's");
        assertThat(secrets.names(accountId)).containsExactlyInAnyOrder("garmin-staged", "flow:mfa:9c1e");

        String done = send(Inbound.directText(ANA, "/unlink confirm", "r9")).plainText();

        assertThat(secrets.names(accountId)).as("nothing of the account is left in the secret store").isEmpty();
        assertThat(done).contains("tokens are deleted").doesNotContain("nothing to delete");
        assertThat(secrets.get(other, "garmin")).contains("someone else's");
    }
}
