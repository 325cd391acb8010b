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
import java.util.Optional;
import java.util.function.BiFunction;

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
        return parse(body, (type, item) -> {
            var userId = Json.text(item, "userId");
            var url = Json.text(item, "callbackURL").flatMap(this::trusted);
            return userId.isPresent() && url.isPresent()
                    ? Optional.of(new PartnerPing(type, userId.get(), url.get())) : Optional.empty();
        });
    }

    /**
     * Parses a push notification: summaries inline, grouped by type ({@code {"activities":[{"userId",…}]}}).
     * Items without a {@code userId} are skipped; a body that is not a JSON object is a typed problem.
     */
    public Result<List<PartnerPush>> parsePush(String body) {
        return parse(body, (type, item) -> Json.text(item, "userId").filter(u -> item.isObject())
                .map(user -> new PartnerPush(type, user, item)));
    }

    /** Both kinds share one envelope: an object of summary type → list of items. Unusable items are skipped. */
    private static <T> Result<List<T>> parse(String body, BiFunction<String, JsonNode, Optional<T>> item) {
        Result<JsonNode> json = PayloadReader.read(body);
        if (!json.isOk()) {
            return Result.failed(json.problem());
        }
        if (!json.value().isObject()) {
            return Result.failed(GarminProblemCode.GARMIN_BAD_DATA, "notification is not an object");
        }
        List<T> items = new ArrayList<>();
        for (Iterator<String> it = json.value().fieldNames(); it.hasNext(); ) {
            String type = it.next();
            JsonNode list = json.value().get(type);
            if (list.isArray()) {
                list.forEach(n -> item.apply(type, n).ifPresent(items::add));
            }
        }
        return Result.ok(items);
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
