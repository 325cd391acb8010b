package ai.pace42.garmin.files;

/** A FIT file that breaks the format; the importer turns it into FILE_UNREADABLE. No stack trace is kept. */
final class FitFormatException extends Exception {

    FitFormatException(String message) {
        super(message, null, false, false);
    }
}
