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
import ai.pace42.bot.testing.MutableClock;
import ai.pace42.bot.testing.RecordingAdapter;
import ai.pace42.bot.testing.RecordingLinkedSource;
import ai.pace42.bot.testing.TestDatabases;
import ai.pace42.bot.testing.TestSecretStores;
import ai.pace42.bot.conversation.FileAnalysis;
import ai.pace42.coach.CoachAnswer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One account across chat apps: a code from one chat, used in the other, only asks; both chats must confirm with
 * their own code, each shown the other identity. Either side may be an attacker.
 */
class ConnectCommandTest {

    private static final PlatformIdentity ON_TELEGRAM = PlatformIdentity.of(Platform.TELEGRAM, "100");
    private static final PlatformIdentity ON_SLACK = new PlatformIdentity(Platform.SLACK, "T1", "U100");
    private static final Pattern CONFIRM = Pattern.compile("/connect confirm (\\d{6})");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.now());
    private BotCore core;
    private LocalSecretStore secrets;
    private final RecordingAdapter telegram = new RecordingAdapter(Platform.TELEGRAM);
    private final RecordingLinkedSource garmin = new RecordingLinkedSource();

    @BeforeEach
    void setUp() {
        Jdbi jdbi = TestDatabases.sqlite(dir);
        secrets = TestSecretStores.local(jdbi, dir);
        core = BotCore.create(jdbi, sources -> q -> CoachAnswer.text("ok"), secrets, garmin, FileAnalysis.none(),
                BotCore.Settings.defaults(), clock);
        core.adapters().register(telegram);
    }

    @AfterEach
    void tearDown() {
        core.close();
    }

    private Reply say(PlatformIdentity who, String text) throws Exception {
        String name = who.platform() == Platform.TELEGRAM ? "Ana" : "Ana S.";
        Inbound in = new Inbound(who, ConversationRef.direct(who), text, List.of(), true, Instant.now(), "", name,
                "r", "");
        return core.dispatcher().onInbound(in).get(10, TimeUnit.SECONDS);
    }

    private static String codeFrom(Reply reply) {
        String text = reply.plainText();
        return text.substring(text.lastIndexOf("/connect ") + "/connect ".length()).strip();
    }

    private static String confirmCode(String text) {
        Matcher m = CONFIRM.matcher(text);
        assertThat(m.find()).as("a confirmation code in: " + text).isTrue();
        return m.group(1);
    }

    private String noticeToTelegram() {
        return telegram.last().reply().plainText();
    }

    private String accountOf(PlatformIdentity who) {
        return core.accounts().find(who).orElseThrow().id();
    }

    /** Telegram issues, Slack uses the code; returns Slack's reply. */
    private String slackAsksToJoinTelegram() throws Exception {
        Reply codeReply = say(ON_TELEGRAM, "/connect");
        assertThat(codeReply.ephemeral()).isTrue();
        return say(ON_SLACK, "/connect " + codeFrom(codeReply)).plainText();
    }

    @Test
    void usingACodeOnlyAsksAndBothChatsMustConfirmNamingTheOther() throws Exception {
        say(ON_SLACK, "/units mi");

        String slackAsked = slackAsksToJoinTelegram();

        assertThat(slackAsked).contains("Telegram user Ana (id 100) asks to share one pace42 account");
        assertThat(noticeToTelegram()).contains("Slack user Ana S. (id T1:U100) asks to share one pace42 account");
        assertThat(accountOf(ON_SLACK)).as("nothing joined yet").isNotEqualTo(accountOf(ON_TELEGRAM));

        assertThat(say(ON_SLACK, "/connect confirm " + confirmCode(slackAsked)).plainText())
                .contains("Confirmed here", "Telegram user Ana (id 100)");
        assertThat(accountOf(ON_SLACK)).as("one side is not enough").isNotEqualTo(accountOf(ON_TELEGRAM));

        assertThat(say(ON_TELEGRAM, "/connect confirm " + confirmCode(noticeToTelegram())).plainText())
                .contains("share one pace42 account");
        assertThat(accountOf(ON_SLACK)).isEqualTo(accountOf(ON_TELEGRAM));
        assertThat(say(ON_SLACK, "/status").plainText()).contains("Telegram", "Slack");
        assertThat(core.audit().recent(20))
                .anySatisfy(l -> assertThat(l).contains("telegram:100 connect slack:T1:U100 ALLOWED"))
                .anySatisfy(l -> assertThat(l).contains("slack:T1:U100 connect telegram:100 ALLOWED"));
    }

    @Test
    void aHomeLocationComesAlongWhenTheSurvivorHasNone() throws Exception {
        ai.pace42.coach.weather.Place berlin = new ai.pace42.coach.weather.Place("Berlin", "Land Berlin", "Germany",
                52.52437, 13.41053, java.time.ZoneId.of("Europe/Berlin"));
        say(ON_SLACK, "/status");
        say(ON_TELEGRAM, "/status");
        core.homeLocations().set(accountOf(ON_SLACK), berlin);

        String slackAsked = slackAsksToJoinTelegram();
        say(ON_SLACK, "/connect confirm " + confirmCode(slackAsked));
        say(ON_TELEGRAM, "/connect confirm " + confirmCode(noticeToTelegram()));

        assertThat(accountOf(ON_SLACK)).isEqualTo(accountOf(ON_TELEGRAM));
        assertThat(core.homeLocations().home(accountOf(ON_TELEGRAM))).contains(berlin);
    }

    @Test
    void aGarminHolderTrickedIntoSendingAnAttackersCodeKeepsTheirDataUnlessTheyConfirm() throws Exception {
        say(ON_SLACK, "/status");
        String victim = accountOf(ON_SLACK);
        secrets.put(victim, "garmin", "{\"victim\":1}");
        core.dataSources().choose(victim, DataSourceKind.GARMIN);

        String victimSees = slackAsksToJoinTelegram(); // the attacker issued on Telegram
        assertThat(victimSees).contains("Telegram user Ana (id 100)", "would see your runs from Garmin");
        // The attacker confirms their own side and guesses at the victim's code.
        say(ON_TELEGRAM, "/connect confirm " + confirmCode(noticeToTelegram()));
        String wrong = String.format("%06d", (Integer.parseInt(confirmCode(victimSees)) + 1) % 1_000_000);
        assertThat(say(ON_TELEGRAM, "/connect confirm " + wrong).plainText()).contains("No request");

        assertThat(accountOf(ON_TELEGRAM)).isNotEqualTo(victim);
        assertThat(say(ON_TELEGRAM, "/status").plainText()).contains("**Data:** none yet");
    }

    @Test
    void aGarminHolderWhoseCodeWasPassedOnIsAskedAndTheJoinWaitsForThem() throws Exception {
        say(ON_TELEGRAM, "/status");
        String victim = accountOf(ON_TELEGRAM);
        secrets.put(victim, "garmin", "{\"victim\":1}");

        String attackerSees = slackAsksToJoinTelegram(); // the victim issued; the attacker on Slack uses it
        say(ON_SLACK, "/connect confirm " + confirmCode(attackerSees));
        assertThat(noticeToTelegram()).contains("Slack user Ana S. (id T1:U100)", "would see your runs from Garmin");

        clock.advance(Duration.ofMinutes(16));
        assertThat(say(ON_TELEGRAM, "/connect confirm " + confirmCode(noticeToTelegram())).plainText())
                .contains("No request");
        assertThat(accountOf(ON_SLACK)).isNotEqualTo(victim);
    }

    @Test
    void wrongCodesAreBoundedAndEndTheRequest() throws Exception {
        String asked = slackAsksToJoinTelegram();
        String right = confirmCode(asked);
        String wrong = String.format("%06d", (Integer.parseInt(right) + 1) % 1_000_000);

        assertThat(say(ON_SLACK, "/connect confirm " + wrong).plainText()).contains("4 tries left");
        for (int i = 0; i < 3; i++) {
            say(ON_SLACK, "/connect confirm " + wrong);
        }
        assertThat(say(ON_SLACK, "/connect confirm " + wrong).plainText()).contains("Too many wrong codes");
        assertThat(say(ON_SLACK, "/connect confirm " + right).plainText()).contains("No request");
        say(ON_TELEGRAM, "/connect confirm " + confirmCode(noticeToTelegram()));
        assertThat(accountOf(ON_SLACK)).isNotEqualTo(accountOf(ON_TELEGRAM));
    }

    @Test
    void aChatIMayNotWriteToFirstSeesTheRequestWithAFreshCodeOnConnect() throws Exception {
        PlatformIdentity browser = PlatformIdentity.of(Platform.WEB, "w1");
        String code = codeFrom(say(browser, "/connect"));
        String asked = say(ON_SLACK, "/connect " + code).plainText();
        assertThat(asked).contains("send /connect in Browser chat");

        String shown = say(browser, "/connect").plainText();
        assertThat(shown).contains("Slack user Ana S. (id T1:U100) asks");
        say(browser, "/connect confirm " + confirmCode(shown));
        say(ON_SLACK, "/connect confirm " + confirmCode(asked));

        assertThat(accountOf(ON_SLACK)).isEqualTo(accountOf(browser));
    }

    @Test
    void theAccountHoldingGarminTokensSurvivesEvenWhileItExploresTheSample() throws Exception {
        say(ON_SLACK, "/status");
        String slackAccount = accountOf(ON_SLACK);
        secrets.put(slackAccount, "garmin", "{\"slack\":1}");
        say(ON_SLACK, "/sample"); // switches the data-source flag; the tokens stay

        String asked = slackAsksToJoinTelegram();
        say(ON_SLACK, "/connect confirm " + confirmCode(asked));
        say(ON_TELEGRAM, "/connect confirm " + confirmCode(noticeToTelegram()));

        assertThat(accountOf(ON_TELEGRAM)).isEqualTo(slackAccount);
        assertThat(secrets.get(slackAccount, "garmin")).contains("{\"slack\":1}");
    }

    @Test
    void twoAccountsHoldingGarminTokensAreNotJoinedWhateverTheirFlags() throws Exception {
        String code = codeFrom(say(ON_TELEGRAM, "/connect"));
        say(ON_SLACK, "/status");
        secrets.put(accountOf(ON_TELEGRAM), "garmin", "{\"t\":1}");
        core.dataSources().choose(accountOf(ON_TELEGRAM), DataSourceKind.GARMIN);
        secrets.put(accountOf(ON_SLACK), "garmin", "{\"s\":1}");
        say(ON_SLACK, "/sample");

        assertThat(say(ON_SLACK, "/connect " + code).plainText()).contains("Both accounts already have Garmin");
        assertThat(accountOf(ON_SLACK)).isNotEqualTo(accountOf(ON_TELEGRAM));
    }

    @Test
    void theAbsorbedAccountsSecretsAreDeletedAndGivenUpAtGarmin() throws Exception {
        say(ON_TELEGRAM, "/status");
        String telegramAccount = accountOf(ON_TELEGRAM);
        secrets.put(telegramAccount, "garmin", "{\"kept\":1}");
        say(ON_SLACK, "/status");
        String absorbed = accountOf(ON_SLACK);
        secrets.put(absorbed, GarminLinking.STAGED_SECRET, "{\"unconfirmed\":1}");

        String asked = slackAsksToJoinTelegram();
        say(ON_SLACK, "/connect confirm " + confirmCode(asked));
        say(ON_TELEGRAM, "/connect confirm " + confirmCode(noticeToTelegram()));

        assertThat(accountOf(ON_SLACK)).isEqualTo(telegramAccount);
        assertThat(secrets.get(absorbed, GarminLinking.STAGED_SECRET)).isEmpty();
        assertThat(garmin.revoked()).containsExactly(absorbed + " {\"unconfirmed\":1}");
        assertThat(secrets.get(telegramAccount, "garmin")).contains("{\"kept\":1}");
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
