package ai.pace42.garmin.files;

import ai.pace42.coach.model.Activity;
import com.garmin.fit.MesgNum;
import com.garmin.fit.SessionMesg;
import com.garmin.fit.Sport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The sessions of a FIT file (first pass): with more than one (a multisport file), the first running session is
 * the leg the importer reads (real-recordings.md §1.4). Also words how a file was read, for {@link FileNotes}.
 */
final class FitLegs implements FitReader.Handler {

    /** A jump forward this long inside a damaged file is garbage, not a pause (Runalyze's time-jump limit). */
    static final double MAX_TIME_JUMP_S = 3600;

    /** One session of a multisport file: its 1-based position and its time window in FIT seconds. */
    record Leg(int index, int count, double startTime, double endTime) {

        boolean holds(double fitSeconds) {
            return !Double.isNaN(fitSeconds) && fitSeconds >= startTime && fitSeconds <= endTime;
        }
    }

    private final List<double[]> sessions = new ArrayList<>();

    @Override
    public boolean wants(int globalMessage) {
        return globalMessage == MesgNum.SESSION;
    }

    @Override
    public void onMessage(int globalMessage, FitFields f) {
        sessions.add(new double[] {f.get(SessionMesg.SportFieldNum), f.get(SessionMesg.StartTimeFieldNum),
                f.get(SessionMesg.TotalElapsedTimeFieldNum) / 1000});
    }

    Optional<Leg> runLeg() {
        if (sessions.size() < 2) {
            return Optional.empty();
        }
        for (int i = 0; i < sessions.size(); i++) {
            double[] s = sessions.get(i);
            boolean running = !Double.isNaN(s[0]) && Sport.getByValue((short) s[0]) == Sport.RUNNING;
            if (running && !Double.isNaN(s[1]) && s[2] > 0) {
                return Optional.of(new Leg(i + 1, sessions.size(), s[1], s[1] + s[2]));
            }
        }
        return Optional.empty();
    }

    /** What the answer should say about how the file was read: partial, checksum, a chain, a multisport leg. */
    static String note(FitReader.Extent e, Optional<Leg> leg) {
        List<String> parts = new ArrayList<>();
        if (!e.complete()) {
            // Rounded down, so a file that lost its last bytes never reads as 100%.
            double pct = Math.floor(1000.0 * e.bytesRead() / e.bytes()) / 10;
            parts.add(String.format(Locale.ROOT, "partial file: read %,d of %,d bytes (%.1f%%), the rest is damaged or"
                    + " missing", e.bytesRead(), e.bytes(), pct));
        } else if (e.crcMismatch()) {
            parts.add("its checksum is missing or wrong, so it may be damaged; read in full");
        }
        if (e.files() > 1) {
            parts.add(e.files() + " chained FIT files read as one");
        }
        leg.ifPresent(l -> parts.add("the run leg: session " + l.index() + " of " + l.count() + " of a multisport file"));
        return String.join("; ", parts);
    }

    static Activity noted(Activity a, String note) {
        return note.isEmpty() ? a : new Activity(a.id(), a.source(), FileNotes.SEPARATOR + note, a.sport(), a.start(),
                a.elapsedS(), a.movingS(), a.distanceM(), a.summary(), a.samples(), a.laps(), a.tags());
    }
}
