package ai.pace42.server.garmin;

import java.util.Objects;

/**
 * Why {@code analyze} stopped: a stable code plus one sentence for the person at the terminal. No stack trace is
 * captured, because it is never shown (the command prints one line and exits non-zero).
 */
final class AnalyzeFailure extends Exception {

    private final String code;

    AnalyzeFailure(String code, String message) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
    }

    String code() {
        return code;
    }

    /** The single stderr line: the sentence, then the code to search the RUNBOOK for. */
    String line() {
        return getMessage() + " (" + code + ")";
    }
}
