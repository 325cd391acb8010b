package ai.pace42.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.conversation.Command;
import ai.pace42.bot.testing.TestCommands;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

/** Telegram's "/" menu is the core's registry: every public command for everyone, all of them for admins. */
class CommandMenuTest {

    private static List<String> names(SetMyCommands request) {
        return request.getCommands().stream().map(BotCommand::getCommand).toList();
    }

    @Test
    void theMenuListsExactlyTheCoresCommandsIncludingOnesAddedLater(@TempDir Path dir) {
        try (BotCore core = Fixtures.core(dir, Fixtures.ECHO_COACH)) {
            core.commands().register(TestCommands.stub("shoes", true, false));
            List<String> publicNames = core.commands().publicCommands().stream().map(Command::name).toList();
            List<String> allNames = core.commands().all().stream().map(Command::name).toList();

            List<SetMyCommands> requests = CommandMenu.requests(core.commands().all(), List.of(999L));

            assertThat(names(requests.get(0))).containsExactlyElementsOf(publicNames).contains("shoes", "timezone");
            assertThat(names(requests.get(1))).containsExactlyElementsOf(allNames).contains("admin");
        }
    }

    @Test
    void aPrivateCommandTheCoreAddsIsPointedToThePrivateChatInAGroup() {
        UpdateMapper mapper = new UpdateMapper(Fixtures.BOT, TestCommands.likeTheCore()
                .register(TestCommands.stub("shoes", true, false))::isPrivateOnly, id -> null);

        MappedUpdate mapped = mapper.map(Fixtures.parse(Fixtures.raw("group_mention")
                .replace("@pace42_bot how was my week?", "@pace42_bot /shoes")));

        assertThat(mapped).isInstanceOf(MappedUpdate.Answer.class);
    }

    @Test
    void planInAGroupIsPointedToThePrivateChatBecauseItShowsTrainingData() {
        UpdateMapper mapper = new UpdateMapper(Fixtures.BOT, TestCommands.likeTheCore()
                .register(new ai.pace42.bot.plans.PlanCommand(null, java.time.Clock.systemUTC()))::isPrivateOnly, id -> null);

        MappedUpdate mapped = mapper.map(Fixtures.parse(Fixtures.raw("group_mention")
                .replace("@pace42_bot how was my week?", "@pace42_bot /plan week")));

        assertThat(mapped).isInstanceOf(MappedUpdate.Answer.class);
        assertThat(((MappedUpdate.Answer) mapped).reply().plainText()).contains(ai.pace42.bot.channel.ChannelTexts.GO_PRIVATE);
    }
}
