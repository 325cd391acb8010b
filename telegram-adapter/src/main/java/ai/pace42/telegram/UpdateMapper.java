package ai.pace42.telegram;

import ai.pace42.bot.channel.ActivityFiles;
import ai.pace42.bot.channel.Attachment;
import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.conversation.CommandRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Translates a Telegram update into what the core understands. Private chats: every message. Groups: commands
 * for this bot and messages that mention it or reply to it; personal commands and files are pointed to the
 * private chat. Edited messages, callback queries and other update types are ignored.
 */
final class UpdateMapper {

    /** The Bot API serves files up to 20 MB through getFile. */
    static final long MAX_FILE_BYTES = 20L * 1024 * 1024;

    /** Commands that show or change someone's own data: never in front of a group. */
    private static final Set<String> PRIVATE_ONLY = Set.of("link", "unlink", "status", "admin");

    static final String UNSUPPORTED = "I read text questions and activity files from your watch (FIT, GPX or TCX). "
            + "Photos, stickers, voice messages and other files I can't read — try asking "
            + "\"How was my last run?\"";
    static final String TOO_BIG = "That file is larger than the 20 MB Telegram lets me download. "
            + "Export just the activity (a FIT file is usually well under 1 MB) and send it again.";
    static final String GO_PRIVATE = "Let's do that in a private chat, so your training data stays between us.";

    private final BotIdentity bot;

    UpdateMapper(BotIdentity bot) {
        this.bot = bot;
    }

    MappedUpdate map(Update update) {
        if (update.getUpdateId() == null) {
            return new MappedUpdate.Ignored("update without update_id");
        }
        String requestId = "tg-" + update.getUpdateId();
        if (update.hasMessage()) {
            return mapMessage(update.getMessage(), requestId);
        }
        if (update.hasEditedMessage()) {
            return new MappedUpdate.Ignored("edited message: the original was already answered");
        }
        if (update.hasCallbackQuery()) {
            return new MappedUpdate.Ignored("callback query: pace42 only sends URL buttons");
        }
        return new MappedUpdate.Ignored("update type not handled");
    }

    private MappedUpdate mapMessage(Message m, String requestId) {
        Chat chat = m.getChat();
        User from = m.getFrom();
        if (chat == null || chat.getId() == null || from == null || from.getId() == null) {
            return new MappedUpdate.Ignored("message without chat or sender");
        }
        if (Boolean.TRUE.equals(from.getIsBot())) {
            return new MappedUpdate.Ignored("message from a bot");
        }
        long chatId = chat.getId();
        boolean direct = "private".equals(chat.getType());
        boolean group = "group".equals(chat.getType()) || "supergroup".equals(chat.getType());
        if (!direct && !group) {
            return new MappedUpdate.Ignored("chat type " + chat.getType());
        }
        String text = m.getText() != null ? m.getText() : m.getCaption() == null ? "" : m.getCaption();
        List<MessageEntity> entities = entitiesOf(m);

        boolean mentioned = mentionsUs(text, entities);
        String withoutMention = withoutMentions(text, entities).strip();
        if (group) {
            boolean command = text.startsWith("/");
            if (command && !commandIsForUs(text)) {
                return new MappedUpdate.Ignored("command for another bot");
            }
            if (!command && !mentioned && !repliesToUs(m)) {
                return new MappedUpdate.Ignored("group message not for the bot");
            }
            text = withoutMention;
            if (m.hasDocument()) {
                return goPrivate(chatId, requestId, "");
            }
            if (text.startsWith("/")) { // also "@bot /link"
                String name = CommandRegistry.parse(text).name();
                if (PRIVATE_ONLY.contains(name)) {
                    return goPrivate(chatId, requestId, "link".equals(name) ? "link" : "");
                }
            }
        } else {
            text = deepLink(withoutMention);
        }

        List<Attachment> attachments = new ArrayList<>();
        if (m.hasDocument()) {
            Document d = m.getDocument();
            if (!isActivityFile(d)) {
                return new MappedUpdate.Answer(chatId, Reply.text(UNSUPPORTED), requestId);
            }
            if (d.getFileSize() != null && d.getFileSize() > MAX_FILE_BYTES) {
                return new MappedUpdate.Answer(chatId, Reply.text(TOO_BIG), requestId);
            }
            attachments.add(new Attachment(d.getFileName(), ActivityFiles.mediaType(d.getFileName(), d.getMimeType()),
                    d.getFileSize() == null ? -1 : d.getFileSize(), d.getFileId()));
        } else if (m.getText() == null) {
            // Photos, stickers, voice, video, locations…: nothing the coach can read.
            return new MappedUpdate.Answer(chatId, Reply.text(UNSUPPORTED), requestId);
        }

        PlatformIdentity who = PlatformIdentity.of(Platform.TELEGRAM, Long.toString(from.getId()));
        ConversationRef where = new ConversationRef(Platform.TELEGRAM, "", Long.toString(chatId), who.userId());
        Instant sent = m.getDate() == null ? Instant.now() : Instant.ofEpochSecond(m.getDate());
        Inbound inbound = new Inbound(who, where, text, attachments, direct, sent,
                m.getMessageId() == null ? "" : m.getMessageId().toString(), displayName(from), requestId, "");
        return new MappedUpdate.ForCore(chatId, inbound);
    }

    /**
     * The library computes each entity's text on access and throws for offsets outside the text; such a message
     * is treated as having no entities rather than failing the update.
     */
    private static List<MessageEntity> entitiesOf(Message m) {
        try {
            return m.getText() != null ? m.getEntities() : m.getCaptionEntities();
        } catch (RuntimeException broken) {
            return List.of();
        }
    }

    /** {@code /start link} is the deep link t.me/bot?start=link: it opens the link flow. */
    private static String deepLink(String text) {
        CommandRegistry.ParsedCommand parsed = text.startsWith("/") ? CommandRegistry.parse(text) : null;
        if (parsed != null && parsed.name().equals("start") && parsed.args().equals("link")) {
            return "/link";
        }
        return text;
    }

    private MappedUpdate goPrivate(long chatId, String requestId, String startPayload) {
        Reply reply = Reply.text(GO_PRIVATE)
                .with(new Reply.Part.LinkButton("Open a private chat", bot.privateChatUrl(startPayload)));
        return new MappedUpdate.Answer(chatId, reply, requestId);
    }

    /** In groups Telegram sends {@code /cmd@botname}; a bare {@code /cmd} may be for any bot, and we accept it. */
    private boolean commandIsForUs(String text) {
        String head = text.split("\\s", 2)[0];
        int at = head.indexOf('@');
        return at < 0 || head.substring(at + 1).equalsIgnoreCase(bot.username());
    }

    private boolean mentionsUs(String text, List<MessageEntity> entities) {
        return !mentionRanges(text, entities).isEmpty();
    }

    private boolean repliesToUs(Message m) {
        Message replied = m.getReplyToMessage();
        return replied != null && replied.getFrom() != null && replied.getFrom().getId() != null
                && replied.getFrom().getId() == bot.id();
    }

    /** The [start, end) ranges of mentions of this bot, from the message entities (offsets in UTF-16 units). */
    private List<int[]> mentionRanges(String text, List<MessageEntity> entities) {
        List<int[]> ranges = new ArrayList<>();
        if (entities == null) {
            return ranges;
        }
        for (MessageEntity e : entities) {
            if (e.getOffset() == null || e.getLength() == null) {
                continue;
            }
            int start = e.getOffset();
            int end = start + e.getLength();
            if (start < 0 || end > text.length()) {
                continue;
            }
            boolean byName = "mention".equals(e.getType())
                    && text.substring(start, end).equalsIgnoreCase("@" + bot.username());
            boolean byId = "text_mention".equals(e.getType()) && e.getUser() != null
                    && e.getUser().getId() != null && e.getUser().getId() == bot.id();
            if (byName || byId) {
                ranges.add(new int[] {start, end});
            }
        }
        return ranges;
    }

    private String withoutMentions(String text, List<MessageEntity> entities) {
        List<int[]> ranges = mentionRanges(text, entities);
        if (ranges.isEmpty()) {
            return text;
        }
        ranges.sort(Comparator.comparingInt((int[] r) -> r[0]).reversed());
        StringBuilder sb = new StringBuilder(text);
        for (int[] r : ranges) {
            sb.delete(r[0], r[1]);
        }
        return sb.toString().replaceAll("[ \\t]{2,}", " ");
    }

    private static boolean isActivityFile(Document d) {
        return ActivityFiles.isActivityFile(d.getFileName());
    }

    private static String displayName(User u) {
        String first = u.getFirstName() == null ? "" : u.getFirstName();
        String last = u.getLastName() == null ? "" : u.getLastName();
        return (first + " " + last).strip();
    }
}
