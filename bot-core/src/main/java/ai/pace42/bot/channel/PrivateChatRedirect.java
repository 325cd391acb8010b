package ai.pace42.bot.channel;

import ai.pace42.bot.conversation.CommandRegistry;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The core's rule for a private-only command sent in a group where the platform has no private reply
 * (Telegram): answer in the group with {@link ChannelTexts#GO_PRIVATE} and a button into the private chat,
 * without the command reaching the core. The button opens {@code /link} directly (the deep link
 * {@code start=link}); other commands open the plain chat. The adapter only supplies its private-chat URL for a
 * start payload and sends the reply it gets.
 */
public final class PrivateChatRedirect {

    /** The one command a private chat can be opened with, through the deep link {@code /start link}. */
    static final String DEEP_LINKED = "link";

    private final Predicate<String> privateOnly;
    private final Function<String, String> privateChatUrl;

    /**
     * @param privateOnly    which commands belong in a private chat ({@code CommandRegistry::isPrivateOnly})
     * @param privateChatUrl the platform's link into the private chat for a start payload ("" for none)
     */
    public PrivateChatRedirect(Predicate<String> privateOnly, Function<String, String> privateChatUrl) {
        this.privateOnly = privateOnly;
        this.privateChatUrl = privateChatUrl;
    }

    /** The reply for a group message, when it is a private-only command; empty when the core should have it. */
    public Optional<Reply> forGroupMessage(String text) {
        if (!text.startsWith("/")) {
            return Optional.empty();
        }
        String name = CommandRegistry.parse(text).name();
        if (!privateOnly.test(name)) {
            return Optional.empty();
        }
        String payload = DEEP_LINKED.equals(name) ? DEEP_LINKED : "";
        return Optional.of(Reply.text(ChannelTexts.GO_PRIVATE)
                .with(new Reply.Part.LinkButton(ChannelTexts.OPEN_PRIVATE_CHAT, privateChatUrl.apply(payload))));
    }
}
