package ai.pace42.discord;

import ai.pace42.bot.channel.ActivityFiles;
import ai.pace42.bot.channel.Attachment;
import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Translates Discord messages and slash commands into what the core understands. Pure: no JDA, no I/O.
 * Identities are the user's snowflake (global across servers and DMs), so one person is one identity everywhere.
 */
final class InboundMapper {

    private final SlashCommands commands;
    private final Function<String, Attachment.Content> files;

    /** @param files the content of an attachment by its CDN URL, fetched only when the core reads it */
    InboundMapper(SlashCommands commands, Function<String, Attachment.Content> files) {
        this.commands = commands;
        this.files = files;
    }

    Mapped map(IncomingMessage m) {
        if (m.authorIsBot()) {
            return new Mapped.Ignored("message from a bot");
        }
        if (!m.direct()) {
            // Only DMs are read; server channels would need the privileged message-content intent.
            return new Mapped.Ignored("not a direct message");
        }
        String requestId = "dc-" + m.messageId();
        // Facts only: the core decides which files it reads. An activity file is preferred over others.
        Optional<IncomingMessage.FileRef> file = m.files().stream()
                .filter(f -> ActivityFiles.isActivityFile(f.fileName())).findFirst()
                .or(() -> m.files().stream().findFirst());
        List<Attachment> attachments = file.map(f -> List.of(new Attachment(f.fileName(),
                ActivityFiles.mediaType(f.fileName(), f.contentType()), f.size(), f.url(), files.apply(f.url()))))
                .orElse(List.of());
        if (attachments.isEmpty() && m.content().isBlank()) {
            // Stickers, embeds only, polls: reported as such, without content.
            attachments = List.of(new Attachment("sticker or embed", "", -1, ""));
        }
        PlatformIdentity who = identity(m.authorId());
        ConversationRef where = new ConversationRef(Platform.DISCORD, "", m.channelId(), who.userId());
        return new Mapped.ForCore(new Inbound(who, where, m.content().strip(), attachments, true, m.sentAt(),
                m.messageId(), m.authorName(), requestId, ""), false);
    }

    Mapped.ForCore map(SlashInvocation i) {
        Optional<SlashCommands.Spec> spec = commands.find(i.command());
        if (spec.isEmpty()) {
            // A command registered by an older version: the core answers that it does not know it, privately.
            spec = Optional.of(new SlashCommands.Spec(i.command(), "", List.of(), true, false));
        }
        boolean ephemeral = spec.get().ephemeral();
        PlatformIdentity who = identity(i.userId());
        ConversationRef where = new ConversationRef(Platform.DISCORD, i.guildId(), i.channelId(), who.userId());
        // An ephemeral answer is seen by the invoker alone: as private as a DM, which is what the core's
        // "direct" guards (e.g. /link refuses to put a link in front of a server).
        boolean direct = i.guildId().isEmpty() || ephemeral;
        Inbound inbound = new Inbound(who, where, text(i, spec.get()), List.of(), direct, i.at(), i.interactionId(),
                i.userName(), i.requestId(), "");
        return new Mapped.ForCore(inbound, ephemeral);
    }

    /**
     * The text form the core parses: {@code /coach} is a plain question, every other command is its name, the
     * subcommand and the option values in table order ({@code /admin user discord:1}, {@code /units mi}).
     */
    private static String text(SlashInvocation i, SlashCommands.Spec spec) {
        if (spec.name().equals(SlashCommands.COACH)) {
            return i.option("question").strip();
        }
        // The codes of the link page and of /delete are confirmed with the core's "/link confirm CODE" form.
        if ((spec.name().equals("link") || spec.name().equals("delete")) && !i.option("code").isBlank()) {
            return "/" + spec.name() + " confirm " + i.option("code").strip();
        }
        List<SlashCommands.Option> options = spec.options();
        StringBuilder text = new StringBuilder("/").append(spec.name());
        Stream.concat(Stream.of(i.subcommand()), options.stream().map(o -> i.option(o.name())))
                .map(String::strip).filter(value -> !value.isEmpty())
                .forEach(value -> text.append(' ').append(value));
        return text.toString();
    }

    private static PlatformIdentity identity(String userId) {
        return PlatformIdentity.of(Platform.DISCORD, userId);
    }


}
