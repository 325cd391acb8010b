package ai.pace42.slack;

import ai.pace42.bot.channel.ActivityFiles;
import ai.pace42.bot.channel.Attachment;
import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.channel.Reply;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Translates Slack messages and slash commands into what the core understands, from plain fields (the adapter
 * copies them out of Bolt's types), so every rule here is testable without Bolt. Identities always carry the
 * team id: user ids are only unique within a workspace.
 */
final class InboundMapper {

    /** Files larger than this are not downloaded; activity files are far smaller. */
    static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
    /** {@code /coach <word>}: these words are commands; anything else is a question for the coach. */
    static final Set<String> COACH_SUBCOMMANDS = Set.of("link", "unlink", "status", "units", "sample", "help",
            "start", "timezone", "connect", "profile");

    static final String UNSUPPORTED = "I read text questions and activity files from your watch (FIT, GPX or TCX). "
            + "Other files I can't read — try asking \"How was my last run?\"";
    static final String TOO_BIG = "That file is larger than the 20 MB I download. Export just the activity "
            + "(a FIT file is usually well under 1 MB) and share it again.";
    static final String FILES_IN_DM = "Please share activity files with me in a direct message, so your training "
            + "data stays between us.";

    /** A file shared with a message. */
    record SharedFile(String id, String name, String mimeType, long size) {
    }

    /**
     * A message event ({@code message.im} or {@code app_mention}).
     *
     * @param mention true for {@code app_mention} (a channel message that mentions the bot)
     */
    record Message(String eventId, String enterpriseId, String teamId, String userId, String botId, String subtype,
                   String channelId, String channelType, String text, String ts, String threadTs,
                   List<SharedFile> files, boolean mention) {
    }

    /** A slash command. */
    record Command(String enterpriseId, String teamId, String userId, String userName, String channelId,
                   String channelName, String command, String text, String triggerId, String responseUrl) {
    }

    private final String adminCommand;

    /** @param adminCommand the admin slash command, e.g. {@code /coach-admin} */
    InboundMapper(String adminCommand) {
        this.adminCommand = adminCommand;
    }

    MappedEvent map(Message m, String botUserId) {
        if (m.teamId() == null || m.userId() == null || m.channelId() == null) {
            return new MappedEvent.Ignored("event without team, user or channel");
        }
        if (m.botId() != null || (botUserId != null && botUserId.equals(m.userId()))) {
            return new MappedEvent.Ignored("message from a bot");
        }
        if (m.subtype() != null && !"file_share".equals(m.subtype())) {
            return new MappedEvent.Ignored("message subtype " + m.subtype());
        }
        boolean direct = "im".equals(m.channelType()) || m.channelId().startsWith("D");
        if (!direct && !m.mention()) {
            return new MappedEvent.Ignored("channel message not for the bot");
        }
        if (direct && m.mention()) {
            return new MappedEvent.Ignored("mention in a DM: the message event answers it");
        }
        String requestId = "sl-" + (m.eventId() == null ? m.ts() : m.eventId());
        // Mentions are answered in a thread, so the channel stays readable.
        String thread = direct ? m.threadTs() : (m.threadTs() != null ? m.threadTs() : m.ts());
        Destination to = new Destination(m.enterpriseId(), m.teamId(), m.channelId(), m.userId(), thread, false, null);
        String text = SlackText.toPlain(m.text(), botUserId);

        List<Attachment> attachments = new ArrayList<>();
        if (m.files() != null && !m.files().isEmpty()) {
            if (!direct) {
                return new MappedEvent.Answer(Reply.text(FILES_IN_DM), to, requestId);
            }
            SharedFile f = m.files().get(0);
            if (!ActivityFiles.isActivityFile(f.name())) {
                return new MappedEvent.Answer(Reply.text(UNSUPPORTED), to, requestId);
            }
            if (f.size() > MAX_FILE_BYTES) {
                return new MappedEvent.Answer(Reply.text(TOO_BIG), to, requestId);
            }
            // The file id alone cannot be fetched: the workspace decides which token may read it.
            attachments.add(new Attachment(f.name(), ActivityFiles.mediaType(f.name(), f.mimeType()), f.size(),
                    fileRef(m.enterpriseId(), m.teamId(), f.id())));
        }
        PlatformIdentity who = new PlatformIdentity(Platform.SLACK, m.teamId(), m.userId());
        ConversationRef where = new ConversationRef(Platform.SLACK, m.teamId(), m.channelId(), m.userId());
        Inbound inbound = new Inbound(who, where, text, attachments, direct, instantOf(m.ts()),
                m.ts() == null ? "" : m.ts(), "", requestId, "");
        return new MappedEvent.ForCore(inbound, to);
    }

    /**
     * {@code /coach <question>} asks the coach; {@code /coach link} (and the other subcommands) runs the command;
     * a bare {@code /coach} shows help. {@code /coach-admin <subcommand>} becomes {@code /admin <subcommand>},
     * which the core authorises.
     */
    MappedEvent map(Command c, String requestId) {
        if (c.teamId() == null || c.userId() == null || c.channelId() == null) {
            return new MappedEvent.Ignored("command without team, user or channel");
        }
        String args = SlackText.toPlain(c.text(), null);
        String text;
        if (adminCommand.equals(c.command())) {
            text = args.isEmpty() ? "/admin" : "/admin " + args;
        } else {
            String first = args.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
            if (args.isEmpty()) {
                text = "/help";
            } else if (COACH_SUBCOMMANDS.contains(first)) {
                text = "/" + args;
            } else {
                text = args;
            }
        }
        boolean direct = c.channelId().startsWith("D") || "directmessage".equals(c.channelName());
        Destination to = new Destination(c.enterpriseId(), c.teamId(), c.channelId(), c.userId(), null, true,
                c.responseUrl());
        PlatformIdentity who = new PlatformIdentity(Platform.SLACK, c.teamId(), c.userId());
        ConversationRef where = new ConversationRef(Platform.SLACK, c.teamId(), c.channelId(), c.userId());
        Inbound inbound = new Inbound(who, where, text, List.of(), direct, Instant.now(), c.triggerId(),
                c.userName(), requestId, "");
        return new MappedEvent.ForCore(inbound, to);
    }

    /** {@code enterprise/team/fileId}: what {@link SlackAdapter#download} needs to pick the right token. */
    static String fileRef(String enterpriseId, String teamId, String fileId) {
        return (enterpriseId == null ? "_" : enterpriseId) + "/" + teamId + "/" + fileId;
    }

    private static Instant instantOf(String ts) {
        if (ts == null || ts.isBlank()) {
            return Instant.now();
        }
        try {
            BigDecimal seconds = new BigDecimal(ts);
            return Instant.ofEpochSecond(seconds.longValue(),
                    seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        } catch (NumberFormatException e) {
            return Instant.now();
        }
    }

}
