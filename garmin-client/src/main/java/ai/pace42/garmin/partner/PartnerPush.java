package ai.pace42.garmin.partner;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;

/** One summary pushed inline by the Developer Program, e.g. an item of {@code {"activities":[…]}}. */
public record PartnerPush(String summaryType, String userId, JsonNode summary) {

    public PartnerPush {
        Objects.requireNonNull(summaryType, "summaryType");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(summary, "summary");
    }

    @Override
    public String toString() {
        return "PartnerPush[" + summaryType + "]"; // the summary is the runner's data: not for logs
    }
}
