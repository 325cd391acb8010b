package ai.pace42.garmin.auth;

import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.Result;
import ai.pace42.garmin.api.ConnectApiClient;
import ai.pace42.garmin.api.GarminHttp;
import ai.pace42.garmin.normalise.Json;
import ai.pace42.garmin.normalise.PayloadReader;
import ai.pace42.garmin.normalise.ProfileNormaliser;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Accepts tokens only after one profile call proves they work and tells us whose they are; then saves the link.
 * A refresh during verification (expired imported token) is kept, since the old refresh token is spent.
 */
final class LinkVerifier {

    private final GarminHttp http;
    private final GarminTokenStore store;
    private final TokenEndpoint endpoint;

    LinkVerifier(GarminHttp http, GarminTokenStore store, TokenEndpoint endpoint) {
        this.http = http;
        this.store = store;
        this.endpoint = endpoint;
    }

    LinkOutcome verifyAndSave(String accountId, GarminTokens tokens) {
        if (tokens.kind() == GarminTokens.Kind.PARTNER) {
            return verifyPartner(accountId, tokens);
        }
        // A throw-away store holds the candidate tokens, so nothing unverified reaches the real one.
        InMemoryTokenStore candidate = new InMemoryTokenStore();
        candidate.save(accountId, new GarminLink(GarminIdentity.of(0, ""), tokens));
        ConnectApiClient client = new ConnectApiClient(http,
                new AccountSession(accountId, candidate, endpoint, http.clock()));
        Result<JsonNode> profile = client.socialProfile();
        if (!profile.isOk()) {
            GarminProblemCode code = switch (profile.problem().code()) {
                case GARMIN_RELINK_REQUIRED, GARMIN_ACCESS_DENIED, GARMIN_NOT_FOUND, GARMIN_BAD_DATA, GARMIN_NO_DATA ->
                        GarminProblemCode.GARMIN_AUTH_FAILED;
                default -> profile.problem().code();
            };
            return refused(code, "profile check: " + profile.problem().detail());
        }
        Result<GarminIdentity> identity = ProfileNormaliser.identity(profile.value());
        if (!identity.isOk()) {
            return new LinkOutcome.Refused(identity.problem());
        }
        GarminTokens current = candidate.load(accountId).map(GarminLink::tokens).orElse(tokens);
        store.save(accountId, new GarminLink(identity.value(), current));
        return new LinkOutcome.Linked(identity.value());
    }

    private LinkOutcome verifyPartner(String accountId, GarminTokens tokens) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(http.config().apisUrl() + "/partner-gateway/rest/user/id"))
                .header("Authorization", "Bearer " + tokens.accessToken()).header("Accept", "application/json")
                .GET().build();
        Result<HttpResponse<String>> r = http.send(req);
        if (!r.isOk()) {
            return new LinkOutcome.Refused(r.problem());
        }
        if (r.value().statusCode() != 200) {
            return refused(GarminProblemCode.GARMIN_AUTH_FAILED, "user/id HTTP " + r.value().statusCode());
        }
        Result<JsonNode> body = PayloadReader.read(r.value().body());
        var userId = body.isOk() ? Json.text(body.value(), "userId") : java.util.Optional.<String>empty();
        if (userId.isEmpty()) {
            return refused(GarminProblemCode.GARMIN_AUTH_FAILED, "user/id without userId");
        }
        GarminIdentity identity = GarminIdentity.partner(userId.get());
        store.save(accountId, new GarminLink(identity, tokens));
        return new LinkOutcome.Linked(identity);
    }

    static LinkOutcome refused(GarminProblemCode code, String detail) {
        return new LinkOutcome.Refused(ai.pace42.garmin.GarminProblem.of(code, detail));
    }
}
