package ai.pace42.garmin.partner;

import java.util.Optional;

/**
 * Which pace42 account a Developer Program {@code userId} belongs to. Recorded when a runner links through the
 * official OAuth flow; notifications for any other user id are ignored.
 */
@FunctionalInterface
public interface PartnerUsers {

    Optional<String> accountOf(String partnerUserId);
}
