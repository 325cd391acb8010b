package ai.pace42.server.garmin;

import ai.pace42.bot.linking.PendingLink;
import ai.pace42.garmin.auth.GarminLinking;
import ai.pace42.garmin.auth.InMemoryTokenStore;
import ai.pace42.garmin.auth.LinkStep;
import java.util.List;
import java.util.Map;

/** Paste Garmin OAuth tokens (e.g. garth's {@code oauth2_token.json}); checked with one profile call. */
final class TokenImportMethod extends GarminFlowMethod {

    TokenImportMethod(GarminLinking flows, InMemoryTokenStore staged) {
        super(flows, staged);
    }

    @Override
    public String id() {
        return "tokens";
    }

    @Override
    public String title() {
        return "Import Garmin tokens";
    }

    @Override
    public String description() {
        return "If you already have Garmin OAuth tokens (for example garth's oauth2_token.json), paste them here.";
    }

    @Override
    public List<Field> fields() {
        return List.of(new Field("tokens", "Tokens (JSON or base64)", Field.Kind.TEXTAREA,
                "They are checked with Garmin once and then stored encrypted."));
    }

    @Override
    public Outcome complete(PendingLink link, Map<String, String> form) {
        String tokens = form.getOrDefault("tokens", "").strip();
        if (tokens.isEmpty()) {
            return new Outcome.Failed("Paste your Garmin tokens first.");
        }
        return run(link.accountId(), new LinkStep.ImportTokens(tokens));
    }
}
