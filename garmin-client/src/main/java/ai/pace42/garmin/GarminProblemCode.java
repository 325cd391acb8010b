package ai.pace42.garmin;

/**
 * Stable names for everything that can go wrong between a runner and their Garmin data. The names never change
 * (bot-core maps them into its own error taxonomy); each carries one friendly sentence for the chat.
 */
public enum GarminProblemCode {
    GARMIN_AUTH_FAILED("Garmin didn't accept those sign-in details. Please check them and try linking again."),
    GARMIN_MFA_INVALID("That Garmin verification code didn't work. Please try again with the newest code."),
    GARMIN_LOGIN_BLOCKED("Garmin is blocking automated sign-ins right now. Please link with the official Garmin "
            + "button or import your tokens instead."),
    GARMIN_RELINK_REQUIRED("Garmin no longer accepts the link — send /link to reconnect."),
    GARMIN_ACCESS_DENIED("Garmin refused access to your activities (HTTP 403 Forbidden) — send /link to reconnect."),
    GARMIN_NOT_LINKED("You haven't linked a Garmin account yet."),
    GARMIN_RATE_LIMITED("Garmin is limiting requests; please try again in a few minutes."),
    GARMIN_UNAVAILABLE("I couldn't reach Garmin just now. Please try again in a few minutes."),
    GARMIN_SLOW("Garmin is answering slowly; I'm still fetching your runs in the background, so ask again in a "
            + "minute."),
    GARMIN_NO_DATA("Garmin has no data for that yet."),
    GARMIN_NOT_FOUND("I couldn't find that activity on Garmin."),
    GARMIN_NOT_A_RUN("That activity isn't a run, so I can't analyse it as one."),
    GARMIN_OWNER_MISMATCH("That activity doesn't belong to your linked Garmin account, so I won't use it."),
    GARMIN_BAD_DATA("Garmin sent data for that activity that I couldn't read."),
    GARMIN_NOT_CONFIGURED("Linking with Garmin this way isn't set up on this server."),
    FILE_TOO_LARGE("That file is larger than 25 MB, which is more than I can read."),
    FILE_UNSUPPORTED("I can read FIT, GPX and TCX activity files (also in a zip); that one isn't any of them."),
    FILE_UNREADABLE("I couldn't read that activity file; it may be damaged or incomplete."),
    FILE_ARCHIVE_REFUSED("I only unpack zips of up to 200 files and 100 MB (25 MB a file), packed no tighter than "
            + "100:1; that one is beyond that. Please send the activity file on its own.");

    private final String friendly;

    GarminProblemCode(String friendly) {
        this.friendly = friendly;
    }

    /** One sentence that is safe to show a runner: no internals, no secrets. */
    public String friendly() {
        return friendly;
    }
}
