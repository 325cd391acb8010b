package ai.pace42.server.garmin;

import ai.pace42.bot.linking.PendingLink;
import ai.pace42.garmin.auth.GarminLinking;
import ai.pace42.garmin.auth.InMemoryTokenStore;
import ai.pace42.garmin.auth.LinkStep;
import ai.pace42.bot.error.ErrorCode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * Sign in with a Garmin account, with Garmin's security-code step when it asks for one. The password is used
 * once, in memory, and never stored or logged.
 */
final class SignInMethod extends GarminFlowMethod {

    private final SignInAttempts attempts;

    SignInMethod(GarminLinking flows, InMemoryTokenStore staged, SignInAttempts attempts) {
        super(flows, staged);
        this.attempts = attempts;
    }

    @Override
    public String id() {
        return "signin";
    }

    @Override
    public String title() {
        return "Sign in with Garmin";
    }

    @Override
    public String description() {
        return "Use your Garmin Connect e-mail and password. pace42 uses the password once to get access and "
                + "never stores it.";
    }

    @Override
    public List<Field> fields() {
        return List.of(new Field("username", "E-mail", Field.Kind.TEXT, ""),
                new Field("password", "Password", Field.Kind.PASSWORD, ""));
    }

    /** Without a caller every such call shares one (empty) source address, so it is still bounded. */
    @Override
    public Outcome complete(PendingLink link, Map<String, String> form) {
        return complete(link, form, new Caller("", ""));
    }

    @Override
    public Outcome complete(PendingLink link, Map<String, String> form, Caller caller) {
        String pendingId = form.getOrDefault("pendingId", "");
        if (!pendingId.isBlank()) {
            return run(link.accountId(), new LinkStep.SubmitMfa(pendingId, form.getOrDefault("code", "").strip()));
        }
        String username = form.getOrDefault("username", "").strip();
        String password = form.getOrDefault("password", "");
        if (username.isEmpty() || password.isEmpty()) {
            return new Outcome.Failed("Enter your Garmin e-mail and password.");
        }
        // Counted before Garmin is asked, so parallel attempts cannot slip past the limit.
        Optional<Duration> wait = attempts.tryAttempt(link.tokenHash(), link.accountId(), username, caller.address());
        if (wait.isPresent()) {
            return lockedOut(wait.get(), caller.requestId());
        }
        return run(link.accountId(), new LinkStep.SignIn(username, password.toCharArray()));
    }

    private static Outcome lockedOut(Duration wait, String requestId) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return new Outcome.Failed("Too many sign-in attempts. To protect your Garmin account, please wait about "
                + minutes + (minutes == 1 ? " minute" : " minutes") + " before trying again. (Code "
                + ErrorCode.RATE_LIMITED.name() + (requestId.isBlank() ? "" : ", reference " + requestId) + ")",
                ErrorCode.RATE_LIMITED.httpStatus());
    }
}
