package ai.pace42.garmin.partner;

import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.Result;
import ai.pace42.garmin.normalise.Json;
import ai.pace42.garmin.normalise.PayloadReader;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Parses the Developer Program's ping notifications ({@code {"activities":[{"userId","callbackURL"}],…}}). Only
 * callback URLs on the configured Garmin API host over HTTPS (or exactly that base URL in tests) are accepted, so a
 * forged ping cannot make the server fetch an arbitrary URL. The HTTP endpoint that receives pings (reply 200
 * quickly, handle idempotently) lives in the server.
 */
public final class PartnerNotifications {

    private final URI apisUrl;

    public PartnerNotifications(URI apisUrl) {
        this.apisUrl = apisUrl;
    }

    public Result<List<PartnerPing>> parsePing(String body) {
        Result<JsonNode> json = PayloadReader.read(body);
        if (!json.isOk()) {
            return Result.failed(json.problem());
        }
        if (!json.value().isObject()) {
            return Result.failed(GarminProblemCode.GARMIN_BAD_DATA, "ping is not an object");
        }
        List<PartnerPing> pings = new ArrayList<>();
        for (Iterator<String> it = json.value().fieldNames(); it.hasNext(); ) {
            String type = it.next();
            JsonNode list = json.value().get(type);
            if (!list.isArray()) {
                continue;
            }
            for (JsonNode n : list) {
                var userId = Json.text(n, "userId");
                var url = Json.text(n, "callbackURL").flatMap(this::trusted);
                if (userId.isPresent() && url.isPresent()) {
                    pings.add(new PartnerPing(type, userId.get(), url.get()));
                }
            }
        }
        return Result.ok(pings);
    }

    /**
     * Parses a push notification: summaries inline, grouped by type ({@code {"activities":[{"userId",…}]}}).
     * Items without a {@code userId} are skipped; a body that is not a JSON object is a typed problem.
     */
    public Result<List<PartnerPush>> parsePush(String body) {
        Result<JsonNode> json = PayloadReader.read(body);
        if (!json.isOk()) {
            return Result.failed(json.problem());
        }
        if (!json.value().isObject()) {
            return Result.failed(GarminProblemCode.GARMIN_BAD_DATA, "push is not an object");
        }
        List<PartnerPush> pushes = new ArrayList<>();
        for (Iterator<String> it = json.value().fieldNames(); it.hasNext(); ) {
            String type = it.next();
            JsonNode list = json.value().get(type);
            if (!list.isArray()) {
                continue;
            }
            for (JsonNode n : list) {
                Json.text(n, "userId").filter(u -> n.isObject())
                        .ifPresent(user -> pushes.add(new PartnerPush(type, user, n)));
            }
        }
        return Result.ok(pushes);
    }

    private java.util.Optional<URI> trusted(String url) {
        try {
            URI u = URI.create(url);
            boolean sameHost = u.getHost() != null && apisUrl.getHost() != null
                    && u.getHost().toLowerCase(Locale.ROOT).equals(apisUrl.getHost().toLowerCase(Locale.ROOT))
                    && u.getPort() == apisUrl.getPort();
            boolean scheme = "https".equalsIgnoreCase(u.getScheme())
                    || u.getScheme() != null && u.getScheme().equalsIgnoreCase(apisUrl.getScheme());
            return sameHost && scheme && u.getUserInfo() == null ? java.util.Optional.of(u) : java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
