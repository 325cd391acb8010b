package ai.pace42.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;

/** The command registration as JSON Discord receives: JDA's own serialisation of our table, no network. */
class JdaCommandsTest {

    private static DataObject byName(List<SlashCommandData> commands, String name) {
        return commands.stream().filter(c -> c.getName().equals(name)).findFirst().orElseThrow().toData();
    }

    @Test
    void theGlobalCommandsAreTheEightUserCommandsUsableInServersAndTheBotDm() {
        List<SlashCommandData> global = JdaCommands.global();
        assertThat(global).extracting(SlashCommandData::getName)
                .containsExactly("coach", "link", "unlink", "delete", "status", "units", "sample", "help");
        DataObject coach = byName(global, "coach");
        assertThat(coach.toString()).contains("\"contexts\":[\"0\",\"1\"]");
        DataObject question = coach.getArray("options").getObject(0);
        assertThat(question.getString("name")).isEqualTo("question");
        assertThat(question.getBoolean("required")).isTrue();
        assertThat(question.getInt("type")).isEqualTo(3);
    }

    @Test
    void adminIsOnlyForTheOpsServerWithDefaultPermissionsDisabled() {
        assertThat(JdaCommands.global()).extracting(SlashCommandData::getName).doesNotContain("admin");
        DataObject admin = byName(JdaCommands.ops(), "admin");
        assertThat(admin.getString("default_member_permissions")).isEqualTo("0");
        assertThat(admin.toString()).contains("\"contexts\":[\"0\"]");
        assertThat(admin.getArray("options").toString()).contains("\"stats\"").contains("\"user\"")
                .contains("\"identity\"");
    }

    @Test
    void unitsOffersExactlyKmAndMi() {
        String units = byName(JdaCommands.global(), "units").toString();
        assertThat(units).contains("\"value\":\"km\"").contains("\"value\":\"mi\"");
    }
}
