package ai.pace42.coach.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A device's morning readiness signal (e.g. Garmin Training Readiness and HRV status). The coach uses it only as a
 * modifier that can make a day easier, never to override how the runner says they feel.
 *
 * @param score     readiness 1–100 when the device reports one
 * @param hrvStatus the device's HRV status, e.g. "balanced", "unbalanced", "low"; empty when unknown
 */
public record Readiness(LocalDate date, OptionalInt score, String hrvStatus) {

    public Readiness {
        Objects.requireNonNull(date, "date");
        score = score == null ? OptionalInt.empty() : score;
        hrvStatus = hrvStatus == null ? "" : hrvStatus.toLowerCase(java.util.Locale.ROOT);
    }

    /** Low readiness (below 40) or an HRV status that is not balanced. */
    public boolean low() {
        return (score.isPresent() && score.getAsInt() < 40) || hrvStatus.equals("unbalanced") || hrvStatus.equals("low")
                || hrvStatus.equals("poor");
    }

    public String describe() {
        StringBuilder sb = new StringBuilder();
        score.ifPresent(s -> sb.append("readiness ").append(s));
        if (!hrvStatus.isEmpty()) {
            sb.append(sb.length() > 0 ? ", " : "").append("HRV ").append(hrvStatus);
        }
        return sb.toString();
    }
}
