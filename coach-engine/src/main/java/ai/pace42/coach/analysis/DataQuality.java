package ai.pace42.coach.analysis;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the gate found, and which signals downstream metrics may trust.
 *
 * @param hrReliable    HR present and free of artefacts that would corrupt zones, TRIMP and decoupling
 * @param paceAvailable speed or distance present
 */
public record DataQuality(Set<QualityFlag> flags, boolean hrReliable, boolean paceAvailable,
                          boolean altitudeUsable, double lockedFraction) {

    public DataQuality {
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    public boolean has(QualityFlag flag) {
        return flags.contains(flag);
    }
}
