package ai.pace42.server.garmin.cache;

import ai.pace42.coach.model.ActivityHeader;
import ai.pace42.coach.model.SportType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.OptionalDouble;

/** An {@link ActivityHeader} as a small JSON object, so listing runs never decodes the raw Garmin list items. */
final class HeaderJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HeaderJson() {
    }

    static String write(ActivityHeader h) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", h.id());
        o.put("name", h.name());
        o.put("sport", h.sport().name());
        h.start().ifPresent(s -> o.put("start", s.format(DateTimeFormatter.ISO_ZONED_DATE_TIME)));
        h.durationS().ifPresent(d -> o.put("durationS", d));
        h.distanceM().ifPresent(d -> o.put("distanceM", d));
        return o.toString();
    }

    /** Empty for text this version cannot read: the run is then simply listed again by the next sync. */
    static Optional<ActivityHeader> read(String text) {
        try {
            JsonNode o = JSON.readTree(text);
            Optional<ZonedDateTime> start = o.hasNonNull("start")
                    ? Optional.of(ZonedDateTime.parse(o.get("start").asText(), DateTimeFormatter.ISO_ZONED_DATE_TIME))
                    : Optional.empty();
            return Optional.of(new ActivityHeader(o.get("id").asText(), o.path("name").asText(""),
                    SportType.valueOf(o.path("sport").asText("UNKNOWN")), start, optional(o, "durationS"),
                    optional(o, "distanceM")));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static OptionalDouble optional(JsonNode o, String field) {
        return o.hasNonNull(field) ? OptionalDouble.of(o.get(field).asDouble()) : OptionalDouble.empty();
    }
}
