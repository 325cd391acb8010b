package ai.pace42.bot.secrets;

import ai.pace42.bot.error.ErrorCode;
import ai.pace42.bot.error.Pace42Exception;

/**
 * A stored secret failed authentication: tampered with, moved to another account, or encrypted under a key that
 * has since been disabled. It is never returned; the runner links again.
 */
public final class SecretUnreadableException extends Pace42Exception {

    public SecretUnreadableException() {
        super(ErrorCode.SECRET_UNREADABLE);
    }
}
