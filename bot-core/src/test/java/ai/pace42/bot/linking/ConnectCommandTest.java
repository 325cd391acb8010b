package ai.pace42.bot.linking;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.data.DataSourceKind;
import ai.pace42.bot.testing.TestDatabases;
import ai.pace42.bot.testing.TestSecretStores;
import ai.pace42.coach.CoachAnswer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectCommandTest {

    private static final PlatformIdentity ON_TELEGRAM = PlatformIdentity.of(Platform.TELEGRAM, "100");
    private static final PlatformIdentity ON_SLACK = new PlatformIdentity(Platform.SLACK, "T1", "U100");

    @TempDir
    Path dir;

    private BotCore core;

    @BeforeEach
    void setUp() {
        Jdbi jdbi = TestDatabases.sqlite(dir);
        core = BotCore.create(jdbi, sources -> q -> CoachAnswer.text("ok"), TestSecretStores.local(jdbi, dir),
                BotCore.Settings.defaults(), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        core.close();
    }

    private Reply say(PlatformIdentity who, String text) throws Exception {
        return core.dispatcher().onInbound(Inbound.directText(who, text, "r")).get(10, TimeUnit.SECONDS);
    }

    private String codeFrom(Reply reply) {
        String text = reply.plainText();
        return text.substring(text.lastIndexOf("/connect ") + "/connect ".length()).strip();
    }

    private String accountOf(PlatformIdentity who) {
        return core.accounts().find(who).orElseThrow().id();
    }

    @Test
    void aCodeFromOneAppJoinsTheOtherToTheSameAccount() throws Exception {
        Reply codeReply = say(ON_TELEGRAM, "/connect");
        assertThat(codeReply.ephemeral()).isTrue();
        say(ON_SLACK, "/units mi");

        assertThat(say(ON_SLACK, "/connect " + codeFrom(codeReply)).plainText()).contains("share one pace42 account");

        assertThat(accountOf(ON_SLACK)).isEqualTo(accountOf(ON_TELEGRAM));
        assertThat(say(ON_SLACK, "/status").plainText()).contains("Telegram", "Slack");
    }

    @Test
    void theAccountWithGarminSurvives() throws Exception {
        say(ON_SLACK, "/status");
        String slackAccount = accountOf(ON_SLACK);
        core.dataSources().choose(slackAccount, DataSourceKind.GARMIN);

        say(ON_SLACK, "/connect " + codeFrom(say(ON_TELEGRAM, "/connect")));

        assertThat(accountOf(ON_TELEGRAM)).isEqualTo(slackAccount);
    }

    @Test
    void twoGarminAccountsAreNotJoined() throws Exception {
        String code = codeFrom(say(ON_TELEGRAM, "/connect"));
        say(ON_SLACK, "/status");
        core.dataSources().choose(accountOf(ON_TELEGRAM), DataSourceKind.GARMIN);
        core.dataSources().choose(accountOf(ON_SLACK), DataSourceKind.GARMIN);

        assertThat(say(ON_SLACK, "/connect " + code).plainText()).contains("Both accounts already have Garmin");
        assertThat(accountOf(ON_SLACK)).isNotEqualTo(accountOf(ON_TELEGRAM));
    }

    @Test
    void aCodeWorksOnceAndAGarminLinkTokenIsNotAConnectCode() throws Exception {
        String code = codeFrom(say(ON_TELEGRAM, "/connect"));
        say(ON_SLACK, "/connect " + code);
        PlatformIdentity third = PlatformIdentity.of(Platform.DISCORD, "300");

        assertThat(say(third, "/connect " + code).plainText()).contains("doesn't work");
        String linkUrl = ((Reply.Part.LinkButton) say(ON_TELEGRAM, "/link").parts().get(1)).url();
        assertThat(say(third, "/connect " + linkUrl.substring(linkUrl.lastIndexOf('/') + 1)).plainText())
                .contains("doesn't work");
        assertThat(accountOf(third)).isNotEqualTo(accountOf(ON_TELEGRAM));
    }
}
