package ai.pace42.bot.secrets;

/**
 * A write met other writers twice in a row (Vault's check-and-set refused it twice), so nothing was written over
 * their values; the runner is told the store is busy and can try again.
 */
public final class SecretStoreConflictException extends SecretStoreUnavailableException {

    public SecretStoreConflictException(String reason) {
        super(reason);
    }
}
