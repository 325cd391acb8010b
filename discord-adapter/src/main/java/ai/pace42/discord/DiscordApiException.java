package ai.pace42.discord;

/** Discord refused a REST call; carries the HTTP status and Discord's JSON error code (0 when absent). */
final class DiscordApiException extends RuntimeException {

    private final int status;
    private final int code;

    DiscordApiException(String what, int status, int code) {
        super(what + " failed with HTTP " + status + (code == 0 ? "" : " (Discord code " + code + ")"));
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    int code() {
        return code;
    }
}
