package ai.pace42.discord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;

/**
 * The JDA edge: copies what pace42 needs out of JDA events into primitives and hands them on. Runs on JDA's
 * event threads, so it does no I/O of its own; the acknowledgement is queued through JDA.
 */
final class JdaListener extends ListenerAdapter {

    private final DiscordAdapter adapter;
    private final DiscordGateway gateway;

    JdaListener(DiscordAdapter adapter, DiscordGateway gateway) {
        this.adapter = adapter;
        this.gateway = gateway;
    }

    @Override
    public void onReady(ReadyEvent event) {
        gateway.onReady(event.getJDA());
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        if (!event.isFromType(ChannelType.PRIVATE)) {
            return;
        }
        Message m = event.getMessage();
        User author = event.getAuthor();
        List<IncomingMessage.FileRef> files = m.getAttachments().stream()
                .map(a -> new IncomingMessage.FileRef(a.getFileName(), a.getContentType(), a.getSize(), a.getUrl()))
                .toList();
        adapter.onMessage(new IncomingMessage(m.getId(), event.getChannel().getId(), true, author.getId(),
                author.isBot() || author.isSystem(), author.getEffectiveName(), m.getContentRaw(), files,
                m.getTimeCreated().toInstant()), gateway.sender());
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        Map<String, String> options = new LinkedHashMap<>();
        for (OptionMapping o : event.getOptions()) {
            options.put(o.getName(), o.getAsString());
        }
        SlashInvocation invocation = new SlashInvocation(event.getId(),
                event.getJDA().getSelfUser().getApplicationId(), event.getToken(), event.getName(),
                event.getSubcommandName(), options, event.getUser().getId(), event.getUser().getEffectiveName(),
                event.getGuild() == null ? "" : event.getGuild().getId(), event.getChannelId(),
                event.getTimeCreated().toInstant());
        adapter.onInteraction(invocation,
                ephemeral -> event.deferReply(ephemeral).submit().thenApply(hook -> null), gateway.sender());
    }
}
