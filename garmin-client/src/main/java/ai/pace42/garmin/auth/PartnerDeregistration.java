package ai.pace42.garmin.auth;

import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.Result;
import ai.pace42.garmin.api.GarminHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Tells Garmin that a runner disconnected an official (partner) link:
 * {@code DELETE <apis>/partner-gateway/rest/user/registration} with the runner's bearer token, answered 204.
 * Garmin then stops pushing that runner's data and the tokens stop working. Links made by sign-in or token import
 * have no such endpoint; deleting their tokens is all we can do.
 */
public final class PartnerDeregistration {

    static final String PATH = "/partner-gateway/rest/user/registration";

    private final GarminHttp http;

    public PartnerDeregistration(GarminHttp http) {
        this.http = http;
    }

    /** Whether this link can be revoked at Garmin. */
    public static boolean applies(GarminLink link) {
        return link.tokens().kind() == GarminTokens.Kind.PARTNER;
    }

    /**
     * Revokes the registration. Ok(true) when Garmin confirmed, Ok(false) when there was nothing left to revoke
     * (the token was already refused or the registration gone); a failure when Garmin could not be asked.
     */
    public Result<Boolean> deregister(GarminLink link) {
        if (!applies(link)) {
            return Result.ok(false);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(http.config().apisUrl() + PATH))
                .header("Authorization", "Bearer " + link.tokens().accessToken())
                .DELETE().build();
        Result<HttpResponse<String>> response = http.send(request);
        if (!response.isOk()) {
            return Result.failed(response.problem());
        }
        int status = response.value().statusCode();
        if (status == 204 || status == 200) {
            return Result.ok(true);
        }
        if (status == 401 || status == 403 || status == 404) {
            return Result.ok(false);
        }
        return Result.failed(GarminProblemCode.GARMIN_UNAVAILABLE, "deregistration HTTP " + status);
    }
}
