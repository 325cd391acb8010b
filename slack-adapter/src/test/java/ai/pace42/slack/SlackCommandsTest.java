package ai.pace42.slack;

import ai.pace42.bot.testing.TestCore;
import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.channel.Attachment;
import ai.pace42.bot.conversation.Command;
import ai.pace42.bot.testing.TestCommands;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slack offers the core's command set: {@code /coach <name>} runs every public command of the real registry
 * (commands added later included), {@code /coach-admin <subcommand>} the admin command.
 */
class SlackCommandsTest {

    private static String textOf(InboundMapper mapper, String slash, String text) {
        MappedEvent mapped = mapper.map(new InboundMapper.Command(null, "T1", "U1", "runner", "D1", "directmessage",
                slash, text, "trigger", "https://hooks.slack.com/commands/x"), "r-1");
        return ((MappedEvent.ForCore) mapped).inbound().text();
    }

    @Test
    void everyPublicCommandOfTheCoreIsASubcommandOfCoach(@TempDir Path dir) {
        TestCore test = Fixtures.core(dir, Fixtures.ECHO_COACH);
        try {
            test.core.commands().register(TestCommands.stub("shoes", true, false));
            InboundMapper mapper = new InboundMapper(SlackSettings.ADMIN_COMMAND, test.core.commands(),
                    ref -> Attachment.Content.unavailable());

            for (Command c : test.core.commands().publicCommands()) {
                assertThat(textOf(mapper, SlackSettings.COACH_COMMAND, c.name() + " x")).as(c.name())
                        .isEqualTo("/" + c.name() + " x");
            }
            assertThat(test.core.commands().publicCommands()).extracting(Command::name)
                    .contains("shoes", "timezone", "connect", "start");
            assertThat(textOf(mapper, SlackSettings.ADMIN_COMMAND, "stats")).isEqualTo("/admin stats");
        } finally {
            test.core.close();
        }
    }
}
