package ai.pace42.garmin.files;

import ai.pace42.coach.model.Activity;
import java.util.Optional;

/**
 * What the importer has to say about how it read a file ("read 7,471 of 78,233 bytes: the rest is damaged", "the
 * run leg: session 3 of 7"), carried in the activity's name after the file name, so the answer can say it and the
 * full description shows it wherever the run is listed.
 */
public final class FileNotes {

    static final String SEPARATOR = " — ";

    private FileNotes() {
    }

    static String name(String fileName, String note) {
        return note.isEmpty() ? fileName : fileName + SEPARATOR + note;
    }

    /** The importer's note on this run, if it made one. */
    public static Optional<String> of(Activity a) {
        int at = a.name().indexOf(SEPARATOR);
        return at < 0 || !a.source().equals("file") ? Optional.empty()
                : Optional.of(a.name().substring(at + SEPARATOR.length()));
    }
}
