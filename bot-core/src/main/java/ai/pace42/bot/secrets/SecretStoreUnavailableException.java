package ai.pace42.bot.secrets;

import ai.pace42.bot.error.ErrorCode;
import ai.pace42.bot.error.Pace42Exception;

/** The secret store cannot serve now (sealed, unreachable, refusing). Nothing was written. */
public class SecretStoreUnavailableException extends Pace42Exception {

    private final String reason;

    public SecretStoreUnavailableException(String reason) {
        super(ErrorCode.SERVICE_UNAVAILABLE,
                "Secure storage is temporarily unavailable, so I can't use your linked accounts right now. "
                        + "Please try again in a few minutes.");
        this.reason = reason;
    }

    /** What went wrong, for operators; never contains secret material. */
    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + ": " + reason;
    }
}
