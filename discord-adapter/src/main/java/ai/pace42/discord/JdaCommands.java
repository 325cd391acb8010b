package ai.pace42.discord;

import java.util.List;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@link SlashCommands} as JDA command data. Global commands work in servers and in the bot's DM; {@code /admin}
 * is for the operations server only and hidden from everyone but server administrators by default — which is
 * visibility, not security: the core checks the allow-list on every call.
 */
final class JdaCommands {

    private JdaCommands() {
    }

    static List<SlashCommandData> global(SlashCommands commands) {
        return commands.global().stream()
                .map(spec -> build(spec).setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM))
                .toList();
    }

    static List<SlashCommandData> ops(SlashCommands commands) {
        return commands.ops().stream()
                .map(spec -> build(spec).setContexts(InteractionContextType.GUILD)
                        .setDefaultPermissions(DefaultMemberPermissions.DISABLED))
                .toList();
    }

    private static SlashCommandData build(SlashCommands.Spec spec) {
        SlashCommandData data = Commands.slash(spec.name(), spec.description());
        spec.options().forEach(o -> data.addOptions(option(o)));
        return data;
    }

    private static OptionData option(SlashCommands.Option o) {
        OptionData data = new OptionData(OptionType.STRING, o.name(), o.description(), o.required());
        o.choices().forEach(c -> data.addChoice(c, c));
        return data;
    }
}
