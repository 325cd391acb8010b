package ai.pace42.coach.answer;

import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.model.ActivityHeader;
import ai.pace42.coach.model.SourceTrouble;

import java.time.Duration;
import java.time.Instant;

/**
 * What the coach says about the data itself: why it could not be fetched (with the code and request id support
 * needs), how old the data it answered from is, and when the newest run lies outside the usual window.
 */
public final class SourceNotes {

    private SourceNotes() {
    }

    /** Nothing to answer from: the failure itself, e.g. "Garmin is limiting requests; I'll retry at 10:42 (…)". */
    public static CoachAnswer failure(SourceTrouble t, Format f, String requestId) {
        return CoachAnswer.text(sentence(t, f, requestId));
    }

    /** The answer from older data, followed by how old it is and why it is not newer. */
    public static CoachAnswer withStaleNote(CoachAnswer answer, SourceTrouble t, Format f, Instant now,
                                            String requestId) {
        String asOf = t.dataAsOf().map(at -> "as of " + (Duration.between(at, now).toHours() < 20 ? f.time(at)
                        : f.dayTime(at.atZone(f.zone()))) + " (" + age(Duration.between(at, now)) + ")")
                .orElse("from what I had already");
        return answer.withText(answer.text() + "\n\n**Note:** this answer uses your runs " + asOf
                + "; I could not fetch newer data: " + sentence(t, f, requestId));
    }

    /** Every answer from a service's data says how fresh it is: "Garmin data synced 4 min ago." */
    public static CoachAnswer withFreshness(CoachAnswer answer, String label, Instant syncedAt, Instant now) {
        return answer.withText(answer.text() + "\n\n" + label + " data synced "
                + age(Duration.between(syncedAt, now)) + ".");
    }

    /** The newest run lies before the window: say when it was, then the answer about it. */
    public static CoachAnswer withOldHistoryNote(CoachAnswer answer, ActivityHeader newest, Format f, long days) {
        String when = newest.start().map(f::date).orElse("an unknown date");
        return answer.withText("Your most recent run is from " + when + ", more than " + days
                + " days ago, so this is about that run and the ones before it.\n\n" + answer.text());
    }

    private static String sentence(SourceTrouble t, Format f, String requestId) {
        String retry = t.retryAt().map(at -> "; I'll retry at " + f.time(at)).orElse("");
        String ref = requestId.isBlank() ? "" : ", ref " + requestId;
        return t.reason() + retry + " (" + t.code() + ref + ").";
    }

    private static String age(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 2) {
            return "just now";
        }
        if (minutes < 120) {
            return minutes + " min ago";
        }
        long hours = minutes / 60;
        return hours < 48 ? hours + " h ago" : hours / 24 + " days ago";
    }
}
