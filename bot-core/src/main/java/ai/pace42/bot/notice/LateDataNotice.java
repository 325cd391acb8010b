package ai.pace42.bot.notice;

/**
 * "Your newer Garmin data has arrived": sent when an answer had to go out from older data because Garmin was slow
 * (the answer budget ran out) and the sync that went on in the background then brought new runs. The source
 * calls {@link #arrived} once per such answer, so the runner hears it once.
 */
public final class LateDataNotice {

    static final String TEXT = "Your newer Garmin data has arrived. Ask again and I'll answer from it.";

    private final Notices notices;

    public LateDataNotice(Notices notices) {
        this.notices = notices;
    }

    public void arrived(String accountId) {
        notices.tell(accountId, TEXT);
    }
}
