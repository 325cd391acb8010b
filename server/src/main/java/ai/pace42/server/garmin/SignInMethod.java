package ai.pace42.server.garmin;

import ai.pace42.bot.linking.PendingLink;
import ai.pace42.garmin.auth.GarminLinking;
import ai.pace42.garmin.auth.InMemoryTokenStore;
import ai.pace42.garmin.auth.LinkStep;
import java.util.List;
import java.util.Map;

/**
 * Sign in with a Garmin account, with Garmin's security-code step when it asks for one. The password is used
 * once, in memory, and never stored or logged.
 */
final class SignInMethod extends GarminFlowMethod {

    SignInMethod(GarminLinking flows, InMemoryTokenStore staged) {
        super(flows, staged);
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

    @Override
    public Outcome complete(PendingLink link, Map<String, String> form) {
        String pendingId = form.getOrDefault("pendingId", "");
        if (!pendingId.isBlank()) {
            return run(link.accountId(), new LinkStep.SubmitMfa(pendingId, form.getOrDefault("code", "").strip()));
        }
        String username = form.getOrDefault("username", "").strip();
        String password = form.getOrDefault("password", "");
        if (username.isEmpty() || password.isEmpty()) {
            return new Outcome.Failed("Enter your Garmin e-mail and password.");
        }
        return run(link.accountId(), new LinkStep.SignIn(username, password.toCharArray()));
    }
}
