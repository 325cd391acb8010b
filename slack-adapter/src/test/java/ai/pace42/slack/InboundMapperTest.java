package ai.pace42.slack;

import ai.pace42.bot.channel.Attachment;
import ai.pace42.bot.conversation.CommandRegistry;
import ai.pace42.bot.testing.TestCommands;
import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InboundMapperTest {

    private static final CommandRegistry COMMANDS = TestCommands.likeTheCore();
    private final InboundMapper mapper = new InboundMapper("/coach-admin", COMMANDS,
            ref -> Attachment.Content.of(ref.getBytes()));

    private static InboundMapper.Message dm(String text, List<InboundMapper.SharedFile> files) {
        return new InboundMapper.Message("Ev1", null, "T1", "U1", null, files.isEmpty() ? null : "file_share", "D1",
                "im", text, "1700000000.000100", null, files, false);
    }

    private static InboundMapper.Command command(String command, String text, String channel) {
        return new InboundMapper.Command(null, "T1", "U1", "runner", channel, channel.startsWith("D")
                ? "directmessage" : "general", command, text, "trigger-1", "https://hooks.slack.com/commands/x");
    }

    @Test
    void directMessageBecomesADirectInboundWithTheTeamInTheIdentity() {
        MappedEvent.ForCore mapped = (MappedEvent.ForCore) mapper.map(dm("How far?", List.of()), "UBOT");

        Inbound in = mapped.inbound();
        assertThat(in.from()).isEqualTo(new PlatformIdentity(Platform.SLACK, "T1", "U1"));
        assertThat(in.where().tenantId()).isEqualTo("T1");
        assertThat(in.where().channelId()).isEqualTo("D1");
        assertThat(in.text()).isEqualTo("How far?");
        assertThat(in.direct()).isTrue();
        assertThat(in.requestId()).isEqualTo("sl-Ev1");
        assertThat(in.receivedAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 100_000));
        assertThat(mapped.to().ephemeral()).isFalse();
        assertThat(mapped.to().threadTs()).isNull();
    }

    @Test
    void sameUserIdInTwoTeamsIsTwoIdentities() {
        InboundMapper.Message other = new InboundMapper.Message("Ev2", null, "T2", "U1", null, null, "D9", "im", "hi",
                "1.0", null, List.of(), false);
        PlatformIdentity one = ((MappedEvent.ForCore) mapper.map(dm("hi", List.of()), "UBOT")).inbound().from();
        PlatformIdentity two = ((MappedEvent.ForCore) mapper.map(other, "UBOT")).inbound().from();
        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void mentionIsAnsweredInAThreadWithTheMentionRemoved() {
        InboundMapper.Message m = new InboundMapper.Message("Ev3", null, "T1", "U1", null, null, "C1", "channel",
                "<@UBOT> my pace?", "1700000000.000200", null, List.of(), true);

        MappedEvent.ForCore mapped = (MappedEvent.ForCore) mapper.map(m, "UBOT");

        assertThat(mapped.inbound().text()).isEqualTo("my pace?");
        assertThat(mapped.inbound().direct()).isFalse();
        assertThat(mapped.to().threadTs()).isEqualTo("1700000000.000200");
    }

    @Test
    void botMessagesEditsAndPlainChannelMessagesAreIgnored() {
        InboundMapper.Message fromBot = new InboundMapper.Message("E", null, "T1", "U1", "B1", null, "D1", "im", "x",
                "1.0", null, List.of(), false);
        InboundMapper.Message ourselves = new InboundMapper.Message("E", null, "T1", "UBOT", null, null, "D1", "im",
                "x", "1.0", null, List.of(), false);
        InboundMapper.Message edited = new InboundMapper.Message("E", null, "T1", "U1", null, "message_changed", "D1",
                "im", "x", "1.0", null, List.of(), false);
        InboundMapper.Message channel = new InboundMapper.Message("E", null, "T1", "U1", null, null, "C1", "channel",
                "x", "1.0", null, List.of(), false);

        assertThat(List.of(fromBot, ourselves, edited, channel))
                .allSatisfy(m -> assertThat(mapper.map(m, "UBOT")).isInstanceOf(MappedEvent.Ignored.class));
    }

    @Test
    void activityFileBecomesAnAttachmentNamingTeamAndFile() throws Exception {
        MappedEvent.ForCore mapped = (MappedEvent.ForCore) mapper.map(
                dm("", List.of(new InboundMapper.SharedFile("F1", "Morning Run.FIT", null, 1234))), "UBOT");

        assertThat(mapped.inbound().attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("Morning Run.FIT");
            assertThat(a.mimeType()).isEqualTo("application/vnd.ant.fit");
            assertThat(a.platformFileId()).isEqualTo("_/T1/F1");
            assertThat(new String(a.read(100))).isEqualTo("_/T1/F1");
        });
    }

    @Test
    void otherOrHugeFilesAreReportedAsFactsForTheCore() {
        MappedEvent pdf = mapper.map(dm("", List.of(new InboundMapper.SharedFile("F1", "plan.pdf", null, 10))), "UBOT");
        MappedEvent huge = mapper.map(dm("", List.of(new InboundMapper.SharedFile("F1", "a.gpx", null,
                30L * 1024 * 1024))), "UBOT");

        assertThat(((MappedEvent.ForCore) pdf).inbound().attachments().get(0).fileName()).isEqualTo("plan.pdf");
        assertThat(((MappedEvent.ForCore) huge).inbound().attachments().get(0).sizeBytes())
                .isEqualTo(30L * 1024 * 1024);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/coach||/help",
            "/coach|help|/help",
            "/coach|link|/link",
            "/coach|Units mi|/Units mi",
            "/coach|status|/status",
            "/coach|sample|/sample",
            "/coach|unlink|/unlink",
            "/coach|delete|/delete",
            "/coach|admin stats|admin stats",
            "/coach|how far did I run?|how far did I run?",
            "/coach|linking my watch?|linking my watch?",
            "/coach-admin|stats|/admin stats",
            "/coach-admin||/admin"})
    void slashCommandsBecomeCommandsOrQuestions(String command, String text, String expected) {
        MappedEvent.ForCore mapped = (MappedEvent.ForCore) mapper.map(command(command, text == null ? "" : text, "C1"),
                "req-1");

        assertThat(mapped.inbound().text()).isEqualTo(expected);
        assertThat(mapped.to().ephemeral()).isTrue();
        assertThat(mapped.to().responseUrl()).isEqualTo("https://hooks.slack.com/commands/x");
        assertThat(mapped.inbound().requestId()).isEqualTo("req-1");
    }

    @Test
    void slashCommandIsDirectOnlyInADirectMessage() {
        assertThat(((MappedEvent.ForCore) mapper.map(command("/coach", "link", "D1"), "r")).inbound().direct()).isTrue();
        assertThat(((MappedEvent.ForCore) mapper.map(command("/coach", "link", "C1"), "r")).inbound().direct()).isFalse();
    }
}
