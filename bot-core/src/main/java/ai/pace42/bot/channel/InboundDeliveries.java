package ai.pace42.bot.channel;

/**
 * Which platform deliveries were already handled, so a redelivery (a Telegram webhook retry, a Slack event retry,
 * a repeated Discord interaction) is answered once. The database-backed ledger is shared by every instance of a
 * deployment; {@link #inMemory(int)} serves a single process and tests.
 */
public interface InboundDeliveries {

    /** True the first time a delivery id is offered for a platform, false for every repeat. */
    boolean firstDelivery(Platform platform, String deliveryId);

    /** A bounded in-process ledger: the oldest ids are forgotten first. */
    static InboundDeliveries inMemory(int capacity) {
        return new RecentDeliveries(capacity);
    }
}
