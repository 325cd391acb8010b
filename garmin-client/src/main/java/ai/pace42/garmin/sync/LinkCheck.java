package ai.pace42.garmin.sync;

import ai.pace42.garmin.Result;

/**
 * The verdict of one credential check: {@code GET /userprofile-service/socialProfile} with the stored tokens,
 * the cheapest real call (python-garminconnect validates tokens the same way). The session refreshes an expired
 * access token first, so a 401 here means the refresh failed too. Rate limits, 5xx, time-outs and Cloudflare's
 * challenge page say nothing about the credentials: no verdict.
 */
public enum LinkCheck {
    HEALTHY,
    NEEDS_RELINK,
    PERMISSION_REMOVED,
    UNDECIDED;

    static LinkCheck of(Result<?> profile) {
        if (profile.isOk()) {
            return HEALTHY;
        }
        return switch (profile.problem().code()) {
            case GARMIN_RELINK_REQUIRED, GARMIN_NOT_LINKED -> NEEDS_RELINK;
            case GARMIN_ACCESS_DENIED -> PERMISSION_REMOVED;
            default -> UNDECIDED;
        };
    }
}
