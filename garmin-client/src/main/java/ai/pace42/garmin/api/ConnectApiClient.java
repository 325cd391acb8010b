package ai.pace42.garmin.api;

import ai.pace42.garmin.GarminProblem;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.Result;
import ai.pace42.garmin.auth.AccountSession;
import ai.pace42.garmin.normalise.DetailRows;
import ai.pace42.garmin.normalise.PayloadReader;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;

/**
 * connectapi calls for one account. Bound to one {@link AccountSession} at construction, so no call can carry
 * another account's token. Every method returns JSON or a typed problem; none throws.
 */
public final class ConnectApiClient {

    /** Big enough for 1 Hz samples of a long run; Garmin downsamples to this many points. */
    static final int MAX_CHART_SIZE = 100_000;

    private final GarminHttp http;
    private final AccountSession session;

    public ConnectApiClient(GarminHttp http, AccountSession session) {
        this.http = http;
        this.session = session;
    }

    public AccountSession session() {
        return session;
    }

    public Result<JsonNode> socialProfile() {
        return get("/userprofile-service/socialProfile");
    }

    public Result<JsonNode> userSettings() {
        return get("/userprofile-service/userprofile/user-settings");
    }

    /** Newest first; {@code start} is the offset. All types are fetched and filtered locally (N26). */
    public Result<JsonNode> activities(int start, int limit) {
        return get("/activitylist-service/activities/search/activities?start=" + start + "&limit=" + limit);
    }

    public Result<JsonNode> activity(String activityId) {
        return get("/activity-service/activity/" + id(activityId));
    }

    public Result<JsonNode> details(String activityId) {
        return get("/activity-service/activity/" + id(activityId) + "/details?maxChartSize=" + MAX_CHART_SIZE
                + "&maxPolylineSize=0");
    }

    /** The details series streamed straight into primitive rows (no JSON tree), for the load path. */
    public Result<DetailRows> detailRows(String activityId) {
        URI url = url("/activity-service/activity/" + id(activityId) + "/details?maxChartSize=" + MAX_CHART_SIZE
                + "&maxPolylineSize=0");
        return logged(url, fetch(url).flatMap(body -> DetailRows.stream(body).map(Result::ok)
                .orElseGet(() -> PayloadReader.read(body).map(DetailRows::fromTree))));
    }

    public Result<JsonNode> splits(String activityId) {
        return get("/activity-service/activity/" + id(activityId) + "/splits");
    }

    public Result<JsonNode> hrTimeInZones(String activityId) {
        return get("/activity-service/activity/" + id(activityId) + "/hrTimeInZones");
    }

    public Result<JsonNode> weather(String activityId) {
        return get("/activity-service/activity/" + id(activityId) + "/weather");
    }

    public Result<JsonNode> trainingStatus(LocalDate date) {
        return get("/metrics-service/metrics/trainingstatus/aggregated/" + date);
    }

    public Result<JsonNode> racePredictions(String displayName) {
        return get("/metrics-service/metrics/racepredictions/latest/" + enc(displayName));
    }

    public Result<JsonNode> trainingReadiness(LocalDate date) {
        return get("/metrics-service/metrics/trainingreadiness/" + date);
    }

    public Result<JsonNode> hrv(LocalDate date) {
        return get("/hrv-service/hrv/" + date);
    }

    public Result<JsonNode> sleep(LocalDate date) {
        return get("/sleep-service/sleep/dailySleepData?date=" + date + "&nonSleepBufferMinutes=60");
    }

    /** GET with the account's bearer token; one refresh on 401, then "re-link required". */
    public Result<JsonNode> get(String pathAndQuery) {
        return getUrl(url(pathAndQuery));
    }

    /** Like {@link #get} but hands back the body text of a 2xx answer. */
    public Result<String> getBody(String pathAndQuery) {
        URI url = url(pathAndQuery);
        return logged(url, fetch(url));
    }

    private URI url(String pathAndQuery) {
        return URI.create(http.config().connectApiUrl() + pathAndQuery);
    }

    /**
     * GET an absolute URL with this account's token, e.g. a Developer Program ping's callback URL. Callers must
     * have checked the host ({@code PartnerNotifications} does), or the token would go to whoever named the URL.
     */
    public Result<JsonNode> getUrl(URI url) {
        return logged(url, fetch(url).flatMap(PayloadReader::read));
    }

    /** Every failed call is logged once, here, after retries and after reading the body. */
    private static <T> Result<T> logged(URI url, Result<T> r) {
        if (!r.isOk()) {
            GarminFailureLog.failed(url, r.problem());
        }
        return r;
    }

    private Result<String> fetch(URI url) {
        Result<String> token = session.accessToken();
        if (!token.isOk()) {
            return Result.failed(token.problem());
        }
        Result<HttpResponse<String>> first = send(url, token.value());
        if (first.isOk() && first.value().statusCode() == 401) {
            Result<String> fresh = session.afterUnauthorized(token.value());
            if (!fresh.isOk()) {
                return Result.failed(fresh.problem());
            }
            Result<HttpResponse<String>> second = send(url, fresh.value());
            if (second.isOk() && second.value().statusCode() == 401) {
                return session.relinkRequired();
            }
            return second.flatMap(ConnectApiClient::interpret);
        }
        return first.flatMap(ConnectApiClient::interpret);
    }

    private Result<HttpResponse<String>> send(URI uri, String token) {
        return http.send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .header("User-Agent", "pace42-garmin-client")
                .GET().build());
    }

    static Result<String> interpret(HttpResponse<String> r) {
        int s = r.statusCode();
        if (s == 204) {
            return Result.failed(GarminProblem.http(GarminProblemCode.GARMIN_NO_DATA, s, "HTTP 204"));
        }
        if (s == 404) {
            return Result.failed(GarminProblem.http(GarminProblemCode.GARMIN_NOT_FOUND, s, "HTTP 404"));
        }
        if (s == 401) {
            return Result.failed(GarminProblem.http(GarminProblemCode.GARMIN_RELINK_REQUIRED, s, "HTTP 401"));
        }
        if (s == 403) {
            // Cloudflare's challenge page is an outage for us; Garmin's own JSON 403 refuses this token.
            String body = r.body() == null ? "" : r.body().toLowerCase(Locale.ROOT);
            return body.contains("cloudflare") || body.startsWith("<")
                    ? Result.failed(GarminProblem.http(GarminProblemCode.GARMIN_UNAVAILABLE, s,
                            "HTTP 403 challenge page"))
                    : Result.failed(GarminProblem.http(GarminProblemCode.GARMIN_ACCESS_DENIED, s, "HTTP 403"));
        }
        if (s < 200 || s >= 300) {
            return Result.failed(GarminProblem.http(GarminProblemCode.GARMIN_UNAVAILABLE, s, "HTTP " + s));
        }
        return Result.ok(r.body() == null ? "" : r.body());
    }

    /** Activity ids are digits; anything else would let a caller pick a different path. */
    private static String id(String activityId) {
        return activityId != null && activityId.matches("\\d{1,20}") ? activityId : "0";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
