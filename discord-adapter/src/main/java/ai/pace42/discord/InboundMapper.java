package ai.pace42.discord;

import ai.pace42.bot.channel.ActivityFiles;
import ai.pace42.bot.channel.Attachment;
import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.channel.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Translates Discord messages and slash commands into what the core understands. Pure: no JDA, no I/O.
 * Identities are the user's snowflake (global across servers and DMs), so one person is one identity everywhere.
 */
final class InboundMapper {

    /** Discord lets users upload up to 10 MiB without Nitro; activity files are far smaller. */
    static final long MAX_FILE_BYTES = 25L * 1024 * 1024;

    static final String UNSUPPORTED = "I read text questions and activity files from your watch (FIT, GPX or TCX). "
            + "Images, voice messages and other files I can't read — try asking \"How was my last run?\"";
    static final String TOO_BIG = "That file is larger than I can download. Export just the activity "
            + "(a FIT file is usually well under 1 MB) and send it again.";
    static final String UNKNOWN_COMMAND = "I don't know that command. Type /help to see what I understand.";

    Mapped map(IncomingMessage m) {
        if (m.authorIsBot()) {
            return new Mapped.Ignored("message from a bot");
        }
        if (!m.direct()) {
            // Only DMs are read; server channels would need the privileged message-content intent.
            return new Mapped.Ignored("not a direct message");
        }
        String requestId = "dc-" + m.messageId();
        Optional<IncomingMessage.FileRef> activity = m.files().stream().filter(InboundMapper::isActivityFile)
                .findFirst();
        if (!m.files().isEmpty() && activity.isEmpty()) {
            return new Mapped.Answer(Reply.text(UNSUPPORTED), requestId, false);
        }
        if (activity.isPresent() && activity.get().size() > MAX_FILE_BYTES) {
            return new Mapped.Answer(Reply.text(TOO_BIG), requestId, false);
        }
        if (activity.isEmpty() && m.content().isBlank()) {
            // Stickers, embeds only, polls: nothing the coach can read.
            return new Mapped.Answer(Reply.text(UNSUPPORTED), requestId, false);
        }
        List<Attachment> attachments = activity.map(f -> List.of(new Attachment(f.fileName(),
                ActivityFiles.mediaType(f.fileName(), f.contentType()), f.size(), f.url()))).orElse(List.of());
        PlatformIdentity who = identity(m.authorId());
        ConversationRef where = new ConversationRef(Platform.DISCORD, "", m.channelId(), who.userId());
        return new Mapped.ForCore(new Inbound(who, where, m.content().strip(), attachments, true, m.sentAt(),
                m.messageId(), m.authorName(), requestId, ""), false);
    }

    Mapped map(SlashInvocation i) {
        Optional<SlashCommands.Spec> spec = SlashCommands.find(i.command());
        if (spec.isEmpty()) {
            return new Mapped.Answer(Reply.text(UNKNOWN_COMMAND), i.requestId(), true);
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
        List<SlashCommands.Option> options = new ArrayList<>(spec.options());
        spec.subcommands().stream().filter(sub -> sub.name().equals(i.subcommand()))
                .forEach(sub -> options.addAll(sub.options()));
        StringBuilder text = new StringBuilder("/").append(spec.name());
        Stream.concat(Stream.of(i.subcommand()), options.stream().map(o -> i.option(o.name())))
                .map(String::strip).filter(value -> !value.isEmpty())
                .forEach(value -> text.append(' ').append(value));
        return text.toString();
    }

    private static PlatformIdentity identity(String userId) {
        return PlatformIdentity.of(Platform.DISCORD, userId);
    }

    private static boolean isActivityFile(IncomingMessage.FileRef f) {
        return ActivityFiles.isActivityFile(f.fileName());
    }

}
