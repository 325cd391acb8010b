package ai.pace42.discord;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.conversation.Command;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command registration as JSON Discord receives: JDA's own serialisation of our table, no network. */
class JdaCommandsTest {

    private static final SlashCommands COMMANDS = Fixtures.commands();

    private static DataObject byName(List<SlashCommandData> commands, String name) {
        return commands.stream().filter(c -> c.getName().equals(name)).findFirst().orElseThrow().toData();
    }

    private static List<String> names(List<SlashCommandData> commands) {
        return commands.stream().map(SlashCommandData::getName).toList();
    }

    @Test
    void everyCommandOfTheCoreIsASlashCommandAndCoachAsksAQuestion(@TempDir Path dir) {
        List<String> userCommands;
        List<String> adminCommands;
        SlashCommands real;
        try (BotCore core = Fixtures.core(dir, Fixtures.ECHO_COACH)) {
            userCommands = core.commands().publicCommands().stream().map(Command::name).toList();
            adminCommands = core.commands().all().stream().filter(Command::adminOnly).map(Command::name).toList();
            real = new SlashCommands(core.commands());
        }

        assertThat(names(JdaCommands.global(real))).containsExactlyInAnyOrderElementsOf(
                Stream.concat(Stream.of("coach"), userCommands.stream()).toList());
        assertThat(names(JdaCommands.ops(real))).containsExactlyInAnyOrderElementsOf(adminCommands);
        assertThat(names(JdaCommands.global(real))).contains("timezone", "connect", "start");
    }

    @Test
    void theGlobalCommandsAreUsableInServersAndTheBotDmAndCoachNeedsAQuestion() {
        List<SlashCommandData> global = JdaCommands.global(COMMANDS);
        assertThat(global).allSatisfy(c -> assertThat(c.toData().toString()).contains("\"contexts\":[\"0\",\"1\"]"));
        DataObject question = byName(global, "coach").getArray("options").getObject(0);
        assertThat(question.getString("name")).isEqualTo("question");
        assertThat(question.getBoolean("required")).isTrue();
        assertThat(question.getInt("type")).isEqualTo(3);
    }

    @Test
    void timezoneAndConnectTakeAnOptionalFreeTextValue() {
        DataObject zone = byName(JdaCommands.global(COMMANDS), "timezone").getArray("options").getObject(0);
        DataObject code = byName(JdaCommands.global(COMMANDS), "connect").getArray("options").getObject(0);

        assertThat(zone.getString("name")).isEqualTo("zone");
        assertThat(code.getString("name")).isEqualTo("code");
        assertThat(List.of(zone, code)).allSatisfy(o -> {
            assertThat(o.getBoolean("required")).isFalse();
            assertThat(o.getInt("type")).isEqualTo(3);
            assertThat(o.hasKey("choices") && !o.getArray("choices").isEmpty()).isFalse();
        });
    }

    @Test
    void adminIsOnlyForTheOpsServerWithDefaultPermissionsDisabled() {
        assertThat(names(JdaCommands.global(COMMANDS))).doesNotContain("admin");
        DataObject admin = byName(JdaCommands.ops(COMMANDS), "admin");
        assertThat(admin.getString("default_member_permissions")).isEqualTo("0");
        assertThat(admin.toString()).contains("\"contexts\":[\"0\"]");
        DataObject command = admin.getArray("options").getObject(0);
        assertThat(command.getString("name")).isEqualTo("command");
        assertThat(command.getBoolean("required")).isTrue();
    }

    @Test
    void aCommandTheCoreAddsIsASlashCommandWithAFreeTextValueAndItsPrivacy() {
        var registry = ai.pace42.bot.testing.TestCommands.likeTheCore()
                .register(ai.pace42.bot.testing.TestCommands.stub("shoes", true, false));
        SlashCommands commands = new SlashCommands(registry);

        DataObject memory = byName(JdaCommands.global(commands), "shoes");
        assertThat(memory.getArray("options").getObject(0).getString("name")).isEqualTo("value");
        assertThat(commands.find("shoes").orElseThrow().ephemeral()).isTrue();
    }

    @Test
    void unitsOffersExactlyKmAndMi() {
        String units = byName(JdaCommands.global(COMMANDS), "units").toString();
        assertThat(units).contains("\"value\":\"km\"").contains("\"value\":\"mi\"");
    }
}
