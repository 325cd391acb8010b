package ai.pace42.server.garmin;

import ai.pace42.bot.security.RandomTokens;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Bounds the credential attempts the link page relays to Garmin's sign-in ({@code sign_in_attempts}), so pace42
 * cannot be used for credential stuffing and Garmin has no reason to block our address for everyone. Counted in
 * the database, so the limits hold across instances; subjects are stored only as SHA-256 hashes.
 */
public final class SignInAttempts {

    /** At most {@code max} attempts per {@code window} for one subject of this kind. */
    public record Limit(String kind, int max, Duration window) {
    }

    /** One link (a few typos, then ask for a new link). */
    public static final Limit PER_LINK = new Limit("link", 5, Duration.ofMinutes(15));
    /** One chat identity, however many links it asks for. */
    public static final Limit PER_ACCOUNT = new Limit("account", 10, Duration.ofHours(1));
    /** One Garmin login (e-mail), from wherever it is tried: protects the runner's own Garmin account. */
    public static final Limit PER_LOGIN = new Limit("login", 5, Duration.ofHours(1));
    /** One source address (behind a proxy, the address the proxy reports; see RUNBOOK "Sign-in rate limits"). */
    public static final Limit PER_ADDRESS = new Limit("address", 20, Duration.ofHours(1));

    private static final List<Limit> LIMITS = List.of(PER_LINK, PER_ACCOUNT, PER_LOGIN, PER_ADDRESS);
    private static final long LONGEST_WINDOW = LIMITS.stream().mapToLong(l -> l.window().toMillis()).max()
            .orElseThrow();

    private final Jdbi jdbi;
    private final Clock clock;

    public SignInAttempts(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Records one attempt unless a limit is reached.
     *
     * @return empty when the attempt may go ahead (it is counted), else how long until the next one may
     */
    public Optional<Duration> tryAttempt(String linkTokenHash, String accountId, String login, String address) {
        List<String> subjects = List.of(subject(PER_LINK, linkTokenHash), subject(PER_ACCOUNT, accountId),
                subject(PER_LOGIN, login.strip().toLowerCase(Locale.ROOT)), subject(PER_ADDRESS, address));
        long now = clock.millis();
        return jdbi.inTransaction(h -> {
            h.createUpdate("DELETE FROM sign_in_attempts WHERE attempted_at < :t")
                    .bind("t", now - LONGEST_WINDOW).execute();
            long waitMillis = 0;
            for (int i = 0; i < LIMITS.size(); i++) {
                Limit limit = LIMITS.get(i);
                List<Long> recent = h.createQuery("SELECT attempted_at FROM sign_in_attempts WHERE subject = :s "
                                + "AND attempted_at > :since ORDER BY attempted_at DESC")
                        .bind("s", subjects.get(i)).bind("since", now - limit.window().toMillis())
                        .mapTo(Long.class).list();
                if (recent.size() >= limit.max()) {
                    // Free again when the attempt that filled the window leaves it.
                    long freedAt = recent.get(limit.max() - 1) + limit.window().toMillis();
                    waitMillis = Math.max(waitMillis, freedAt - now);
                }
            }
            if (waitMillis > 0) {
                return Optional.of(Duration.ofMillis(waitMillis));
            }
            for (String s : subjects) {
                h.createUpdate("INSERT INTO sign_in_attempts (subject, attempted_at) VALUES (:s, :t)")
                        .bind("s", s).bind("t", now).execute();
            }
            return Optional.<Duration>empty();
        });
    }

    static String subject(Limit limit, String value) {
        return limit.kind() + ":" + RandomTokens.sha256Hex(limit.kind() + "|" + (value == null ? "" : value));
    }
}
