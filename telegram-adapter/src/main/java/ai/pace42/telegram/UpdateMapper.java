package ai.pace42.telegram;

import ai.pace42.bot.channel.ActivityFiles;
import ai.pace42.bot.channel.Attachment;
import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PrivateChatRedirect;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.channel.SharedLocation;
import ai.pace42.bot.conversation.CommandRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.location.Location;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Translates a Telegram update into what the core understands. Private chats: every message. Groups: commands
 * for this bot and messages that mention it or reply to it; personal commands (the core's private-only ones) are
 * pointed to the private chat. Files and other content are reported as facts; the core decides what it reads.
 * Edited messages, callback queries and other update types are ignored.
 */
final class UpdateMapper {

    private final BotIdentity bot;
    private final PrivateChatRedirect goPrivate;
    private final Function<String, Attachment.Content> files;

    /**
     * @param privateOnly which commands belong in a private chat (the core's {@code CommandRegistry} says)
     * @param files       the content of a document by its file id, fetched only when the core reads it
     */
    UpdateMapper(BotIdentity bot, Predicate<String> privateOnly, Function<String, Attachment.Content> files) {
        this.bot = bot;
        this.goPrivate = new PrivateChatRedirect(privateOnly, bot::privateChatUrl);
        this.files = files;
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
            // Also "@bot /link". Whether and how to send it to the private chat is the core's rule.
            Optional<Reply> redirect = goPrivate.forGroupMessage(text);
            if (redirect.isPresent()) {
                return new MappedUpdate.Answer(chatId, redirect.get(), requestId);
            }
        } else {
            text = deepLink(withoutMention);
        }

        // Facts only: whether the core reads a file (type, size, chat) is the core's decision.
        List<Attachment> attachments = new ArrayList<>();
        Optional<SharedLocation> location = sharedLocation(m);
        if (location.isPresent()) {
            // A location (or a venue, which carries one) is reported as coordinates; the core decides what it sets.
        } else if (m.hasDocument()) {
            Document d = m.getDocument();
            String name = d.getFileName() == null ? "" : d.getFileName();
            attachments.add(new Attachment(name, ActivityFiles.mediaType(name, d.getMimeType()),
                    d.getFileSize() == null ? -1 : d.getFileSize(), d.getFileId(), files.apply(d.getFileId())));
        } else if (m.getText() == null) {
            // Photos, stickers, voice, video, locations…: reported as what they are, without content.
            attachments.add(new Attachment(contentKind(m), "", -1, ""));
        }

        PlatformIdentity who = PlatformIdentity.of(Platform.TELEGRAM, Long.toString(from.getId()));
        ConversationRef where = new ConversationRef(Platform.TELEGRAM, "", Long.toString(chatId), who.userId());
        Instant sent = m.getDate() == null ? Instant.now() : Instant.ofEpochSecond(m.getDate());
        Inbound inbound = new Inbound(who, where, text, attachments, direct, sent,
                m.getMessageId() == null ? "" : m.getMessageId().toString(), displayName(from), requestId, "");
        return new MappedUpdate.ForCore(chatId, location.map(inbound::withLocation).orElse(inbound));
    }

    /** Message.location, or a venue's location with its title; a live location has a live_period. */
    private static Optional<SharedLocation> sharedLocation(Message m) {
        Location l = m.getVenue() != null && m.getVenue().getLocation() != null ? m.getVenue().getLocation()
                : m.getLocation();
        if (l == null || l.getLatitude() == null || l.getLongitude() == null) {
            return Optional.empty();
        }
        String title = m.getVenue() == null || m.getVenue().getTitle() == null ? "" : m.getVenue().getTitle();
        return SharedLocation.of(l.getLatitude(), l.getLongitude(), title, l.getLivePeriod() != null);
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

    private static String contentKind(Message m) {
        return m.hasPhoto() ? "photo" : m.hasVoice() ? "voice message" : m.hasSticker() ? "sticker"
                : m.hasVideo() ? "video" : "message";
    }

    private static String displayName(User u) {
        String first = u.getFirstName() == null ? "" : u.getFirstName();
        String last = u.getLastName() == null ? "" : u.getLastName();
        return (first + " " + last).strip();
    }
}
