package ai.pace42.garmin.auth;

import ai.pace42.garmin.GarminConfig;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.Result;
import ai.pace42.garmin.api.GarminHttp;
import ai.pace42.garmin.normalise.Json;
import ai.pace42.garmin.normalise.PayloadReader;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Garmin's OAuth2 token endpoint ({@code /di-oauth2-service/oauth/token} on the diauth host): service-ticket grant
 * (DI), authorisation-code exchange (official PKCE) and refresh for both. Never logs or returns token values in
 * problem details.
 */
public final class TokenEndpoint {

    static final String PATH = "/di-oauth2-service/oauth/token";
    static final String TICKET_GRANT = "https://connectapi.garmin.com/di-oauth2-service/oauth/grant/service_ticket";

    private final GarminHttp http;
    private final GarminConfig config;
    private final Clock clock;

    public TokenEndpoint(GarminHttp http, Clock clock) {
        this.http = http;
        this.config = http.config();
        this.clock = clock;
    }

    public Result<GarminTokens> grantServiceTicket(String ticket, String serviceUrl) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", config.diClientId());
        form.put("service_ticket", ticket);
        form.put("grant_type", TICKET_GRANT);
        form.put("service_url", serviceUrl);
        return post(form, GarminTokens.Kind.DI, config.diClientId(), GarminProblemCode.GARMIN_AUTH_FAILED);
    }

    public Result<GarminTokens> exchangeCode(String code, String verifier, String redirectUri) {
        if (config.partnerClientId().isEmpty()) {
            return Result.failed(GarminProblemCode.GARMIN_NOT_CONFIGURED, "no partner client id");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", config.partnerClientId().get());
        config.partnerClientSecret().ifPresent(s -> form.put("client_secret", s));
        form.put("code", code);
        form.put("code_verifier", verifier);
        form.put("redirect_uri", redirectUri);
        return post(form, GarminTokens.Kind.PARTNER, config.partnerClientId().get(),
                GarminProblemCode.GARMIN_AUTH_FAILED);
    }

    /** A rejected refresh means the link is dead: {@code GARMIN_RELINK_REQUIRED}. */
    public Result<GarminTokens> refresh(GarminTokens current) {
        if (!current.canRefresh()) {
            return Result.failed(GarminProblemCode.GARMIN_RELINK_REQUIRED, "no refresh token");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", current.clientId());
        if (current.kind() == GarminTokens.Kind.PARTNER) {
            config.partnerClientSecret().ifPresent(s -> form.put("client_secret", s));
        }
        form.put("refresh_token", current.refreshToken());
        return post(form, current.kind(), current.clientId(), GarminProblemCode.GARMIN_RELINK_REQUIRED)
                .map(t -> t.canRefresh() ? t : new GarminTokens(t.kind(), t.accessToken(), current.refreshToken(),
                        t.accessExpiresAt(), current.refreshExpiresAt(), t.clientId()));
    }

    private Result<GarminTokens> post(Map<String, String> form, GarminTokens.Kind kind, String clientId,
                                      GarminProblemCode onRejected) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(config.diauthUrl() + PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("Cache-Control", "no-cache")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        if (kind == GarminTokens.Kind.DI) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((clientId + ":").getBytes(StandardCharsets.UTF_8)));
        }
        Result<HttpResponse<String>> sent = http.send(b.build());
        if (!sent.isOk()) {
            return Result.failed(sent.problem());
        }
        HttpResponse<String> r = sent.value();
        if (r.statusCode() == 400 || r.statusCode() == 401 || r.statusCode() == 403) {
            Result<JsonNode> body = PayloadReader.read(r.body());
            String error = body.isOk() ? Json.text(body.value(), "error").orElse("rejected") : "rejected";
            return Result.failed(onRejected, "token endpoint HTTP " + r.statusCode() + " " + error);
        }
        if (r.statusCode() != 200) {
            return Result.failed(GarminProblemCode.GARMIN_UNAVAILABLE, "token endpoint HTTP " + r.statusCode());
        }
        return PayloadReader.read(r.body()).flatMap(j -> parse(j, kind, clientId));
    }

    Result<GarminTokens> parse(JsonNode j, GarminTokens.Kind kind, String clientId) {
        Optional<String> access = Json.text(j, "access_token");
        if (access.isEmpty()) {
            return Result.failed(GarminProblemCode.GARMIN_AUTH_FAILED, "token response without access_token");
        }
        String type = Json.text(j, "token_type").orElse("bearer");
        if (!type.equalsIgnoreCase("bearer")) { // 2023 said "Bearer", 2026 says "bearer"
            return Result.failed(GarminProblemCode.GARMIN_AUTH_FAILED, "token type " + type);
        }
        Instant now = clock.instant();
        Optional<Instant> accessExp = Jwt.expiry(access.get())
                .or(() -> Json.positive(j, "expires_in").stream().mapToObj(s -> now.plusSeconds((long) s)).findFirst());
        Optional<Instant> refreshExp = Json.positive(j, "refresh_token_expires_in").stream()
                .mapToObj(s -> now.plusSeconds((long) s)).findFirst();
        String client = Jwt.claim(access.get(), "client_id").orElse(clientId);
        return Result.ok(new GarminTokens(kind, access.get(), Json.text(j, "refresh_token").orElse(""),
                accessExp, refreshExp, client));
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
