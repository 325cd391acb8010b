package ai.pace42.garmin.partner;

import java.net.URI;
import java.util.Objects;

/** One ping from the Developer Program: "data for this Garmin user is ready at this callback URL". */
public record PartnerPing(String summaryType, String userId, URI callbackUrl) {

    public PartnerPing {
        Objects.requireNonNull(summaryType, "summaryType");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(callbackUrl, "callbackUrl");
    }

    @Override
    public String toString() {
        // Callback URLs carry a one-time token in the query.
        return "PartnerPing[" + summaryType + ", userId=" + userId + ", callback=" + callbackUrl.getHost()
                + callbackUrl.getPath() + "?***]";
    }
}
