package ai.pace42.coach.analysis;

/**
 * Training load of one run, on the HRSS/rTSS scale (100 ≈ one hour at threshold). {@code trimp} is the raw
 * Banister TRIMP when HR was used, else NaN. {@code note} explains fall-backs.
 */
public record Load(double value, LoadMethod method, double trimp, String note) {

    public static Load none(String note) {
        return new Load(0, LoadMethod.NONE, Double.NaN, note);
    }
}
