package ai.pace42.bot.channel;

/**
 * The boundary to one chat platform. An adapter only translates: platform events into {@link Inbound} for the
 * handler, and {@link Reply} into platform calls. Who the user is, what to answer and whether they may, is
 * decided once, in the core.
 */
public interface ChatAdapter {

    Platform platform();

    Capabilities capabilities();

    /** Starts receiving; every inbound message goes to {@code handler}. */
    void start(InboundHandler handler) throws Exception;

    /** Sends a reply to a conversation, e.g. a proactive notice after linking. */
    void send(ConversationRef where, Reply reply);

    /** Stops receiving and finishes replies in flight. */
    void stop() throws Exception;
}
