package ai.pace42.server.files;

import ai.pace42.garmin.files.ImportProgress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Tells the runner how far a long import has got ("Read 120 of 312 files…"), without flooding the chat: a notice
 * needs {@link #MIN_GAP} since the import began or since the previous notice, and a quarter of the files known
 * more than the previous one, so an import sends at most three of them before its summary, and a short one none.
 */
public final class ImportProgressNotices implements ImportProgress {

    /** Quicker imports than this say nothing until their summary. */
    public static final Duration MIN_GAP = Duration.ofSeconds(5);
    static final double MIN_STEP = 0.25;

    private final Clock clock;
    private final Consumer<String> tell;
    private Instant last;
    private int lastDone;

    public ImportProgressNotices(Clock clock, Consumer<String> tell) {
        this.clock = clock;
        this.tell = tell;
        this.last = clock.instant();
    }

    @Override
    public void read(int done, int known) {
        Instant now = clock.instant();
        if (known <= 0 || done >= known || done - lastDone < MIN_STEP * known) {
            return; // unknown totals and the last file get the summary instead
        }
        if (Duration.between(last, now).compareTo(MIN_GAP) < 0) {
            return;
        }
        last = now;
        lastDone = done;
        try {
            tell.accept("Read " + done + " of " + known + " files… (the summary follows when all are read)");
        } catch (RuntimeException e) {
            // a lost progress notice must not stop the import
        }
    }
}
