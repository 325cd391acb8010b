package ai.pace42.coach.cache;

import ai.pace42.coach.UnitSystem;
import ai.pace42.coach.model.ActivityHeader;
import ai.pace42.coach.model.AthleteProfile;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * Everything a finished answer depends on: whose it is, the data it was computed from (the listed runs, the
 * profile and which source — together the account's data version), how it is shown (units, zone) and the
 * question. {@code hour} is the local date and hour the question was asked in: answers speak of "today" and
 * "tomorrow" and fitness moves with the day, and the hour bounds how long anything outside the listing (e.g. a
 * readiness score synced later) can stay unseen.
 */
record AnswerKey(String accountId, String sourceLabel, boolean sample, List<ActivityHeader> headers,
                 AthleteProfile profile, UnitSystem units, ZoneId zone, String hour, String question) {

    /** Case and spacing do not change what was asked. */
    static String normalise(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
