package ai.pace42.bot.testing;

import ai.pace42.bot.data.LinkedSource;
import ai.pace42.coach.model.ActivitySource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A linked service that has no runs but records every access pace42 gave up ("account secret" pairs). */
public final class RecordingLinkedSource implements LinkedSource {

    private final List<String> revoked = new CopyOnWriteArrayList<>();

    @Override
    public Optional<ActivitySource> resolve(String accountId) {
        return Optional.empty();
    }

    @Override
    public void forget(String accountId) {
        // nothing is cached
    }

    @Override
    public boolean revoke(String accountId, String storedSecret) {
        revoked.add(accountId + " " + storedSecret);
        return true;
    }

    /** Every revocation as {@code "<account id> <secret>"}, in order. */
    public List<String> revoked() {
        return List.copyOf(revoked);
    }
}
