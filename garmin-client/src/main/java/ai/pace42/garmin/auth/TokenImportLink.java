package ai.pace42.garmin.auth;

import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.Result;
import ai.pace42.garmin.api.GarminHttp;
import ai.pace42.garmin.normalise.Json;
import ai.pace42.garmin.normalise.PayloadReader;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Token import: a runner or operator pastes tokens they already have. Accepts garth's {@code oauth2_token.json},
 * garth's base64 dump ({@code [oauth1, oauth2]}), and DI token files ({@code di_token}/{@code di_refresh_token}/
 * {@code di_client_id} or plain {@code access_token}/{@code refresh_token}). Validated with one profile call.
 * OAuth1 parts are ignored: pace42 does not embed the consumer credentials they need.
 */
public final class TokenImportLink implements GarminAuth {

    private static final int MAX_LENGTH = 64 * 1024;

    private final LinkVerifier verifier;
    private final String defaultDiClientId;

    public TokenImportLink(GarminHttp http, GarminTokenStore store) {
        this.verifier = new LinkVerifier(http, store, new TokenEndpoint(http, http.clock()));
        this.defaultDiClientId = http.config().diClientId();
    }

    @Override
    public boolean handles(LinkStep step) {
        return step instanceof LinkStep.ImportTokens;
    }

    @Override
    public LinkOutcome link(String accountId, LinkStep step) {
        if (!(step instanceof LinkStep.ImportTokens imp) || imp.tokens() == null) {
            return LinkVerifier.refused(GarminProblemCode.GARMIN_AUTH_FAILED, "not a token import");
        }
        Result<GarminTokens> tokens = parse(imp.tokens());
        if (!tokens.isOk()) {
            return new LinkOutcome.Refused(tokens.problem());
        }
        return verifier.verifyAndSave(accountId, tokens.value());
    }

    Result<GarminTokens> parse(String text) {
        if (text.length() > MAX_LENGTH || text.isBlank()) {
            return Result.failed(GarminProblemCode.GARMIN_AUTH_FAILED, "token text empty or too long");
        }
        String t = text.strip();
        if (!t.startsWith("{") && !t.startsWith("[")) {
            try {
                t = new String(Base64.getDecoder().decode(t.replaceAll("\\s", "")), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Result.failed(GarminProblemCode.GARMIN_AUTH_FAILED, "tokens neither JSON nor base64");
            }
        }
        Result<JsonNode> json = PayloadReader.read(t);
        if (!json.isOk()) {
            return Result.failed(GarminProblemCode.GARMIN_AUTH_FAILED, "tokens are not JSON");
        }
        Optional<JsonNode> oauth2 = find(json.value());
        if (oauth2.isEmpty()) {
            return Result.failed(GarminProblemCode.GARMIN_AUTH_FAILED, "no OAuth2 access token found");
        }
        JsonNode o = oauth2.get();
        String access = Json.text(o, "access_token").or(() -> Json.text(o, "di_token")).orElseThrow();
        String refresh = Json.text(o, "refresh_token").or(() -> Json.text(o, "di_refresh_token")).orElse("");
        Optional<Instant> exp = Jwt.expiry(access).or(() -> Json.whole(o, "expires_at").stream()
                .mapToObj(Instant::ofEpochSecond).findFirst());
        Optional<Instant> refreshExp = Json.whole(o, "refresh_token_expires_at").stream()
                .mapToObj(Instant::ofEpochSecond).findFirst();
        // garth's connectapi OAuth2 tokens are refreshed through OAuth1, which we cannot do: no refresh for them.
        boolean garth = Json.present(Json.at(o, "jti")) && Jwt.claim(access, "client_id").isEmpty();
        String clientId = Jwt.claim(access, "client_id").or(() -> Json.text(o, "di_client_id"))
                .or(() -> Json.text(o, "client_id")).orElse(defaultDiClientId);
        return Result.ok(new GarminTokens(GarminTokens.Kind.DI, access, garth ? "" : refresh, exp, refreshExp,
                clientId));
    }

    /** The object holding the OAuth2 access token, wherever the file format put it. */
    private static Optional<JsonNode> find(JsonNode n) {
        if (n.isObject()) {
            if (Json.text(n, "access_token").isPresent() || Json.text(n, "di_token").isPresent()) {
                return Optional.of(n);
            }
            for (String key : new String[]{"oauth2", "oauth2_token", "di", "tokens"}) {
                Optional<JsonNode> inner = find(Json.at(n, key));
                if (inner.isPresent()) {
                    return inner;
                }
            }
        } else if (n.isArray()) {
            for (JsonNode e : n) {
                Optional<JsonNode> inner = find(e);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return Optional.empty();
    }
}
