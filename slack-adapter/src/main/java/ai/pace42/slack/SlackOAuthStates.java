package ai.pace42.slack;

import com.slack.api.bolt.service.OAuthStateService;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * OAuth {@code state} values in our database, so an install started on one instance can finish on another.
 * Bolt also binds the state to a browser cookie; a state is valid while unexpired and removed when used.
 */
public final class SlackOAuthStates implements OAuthStateService {

    static final Duration TTL = Duration.ofMinutes(10);

    private final Jdbi jdbi;
    private final Clock clock;

    public SlackOAuthStates(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public long getExpirationInSeconds() {
        return TTL.toSeconds();
    }

    @Override
    public void addNewStateToDatastore(String state) {
        long now = clock.millis();
        jdbi.useHandle(h -> {
            // Expired states are of no use to anyone: drop them while we are here.
            h.createUpdate("DELETE FROM slack_oauth_states WHERE expires_at <= :now").bind("now", now).execute();
            h.createUpdate("INSERT INTO slack_oauth_states (state, expires_at) VALUES (:s, :exp)")
                    .bind("s", state).bind("exp", now + TTL.toMillis()).execute();
        });
    }

    @Override
    public boolean isAvailableInDatabase(String state) {
        if (state == null) {
            return false;
        }
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM slack_oauth_states WHERE state = :s AND expires_at > :now")
                .bind("s", state).bind("now", clock.millis()).mapTo(Long.class).one()) > 0;
    }

    @Override
    public void deleteStateFromDatastore(String state) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM slack_oauth_states WHERE state = :s").bind("s", state).execute());
    }
}
