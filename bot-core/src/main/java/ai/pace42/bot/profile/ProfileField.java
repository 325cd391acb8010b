package ai.pace42.bot.profile;

import ai.pace42.coach.UnitSystem;
import ai.pace42.coach.model.Sex;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code /profile} can set, with how each value is typed, checked and stored. Values are stored as whole
 * numbers: bpm, seconds per kilometre, a year, or the ordinal of {@link Sex}.
 */
public enum ProfileField {
    MAX_HR("max-hr", "max_hr", "maximum heart rate", "188", 120, 230),
    RESTING_HR("resting-hr", "resting_hr", "resting heart rate", "48", 25, 110),
    LTHR("lthr", "lthr", "lactate-threshold heart rate", "170", 100, 220),
    THRESHOLD_PACE("threshold-pace", "threshold_pace_s_per_km", "threshold pace", "4:15", 150, 600),
    BIRTH_YEAR("birth-year", "birth_year", "birth year", "1986", 1920, 0),
    SEX("sex", "sex", "sex", "female", 0, 1);

    private static final Pattern PACE = Pattern.compile("(\\d{1,2}):([0-5]\\d)");
    private static final Pattern WHOLE = Pattern.compile("\\d{1,4}");
    private static final double METRES_PER_MILE = 1609.344;

    private final String word;
    private final String column;
    private final String label;
    private final String example;
    private final int min;
    private final int max;

    ProfileField(String word, String column, String label, String example, int min, int max) {
        this.word = word;
        this.column = column;
        this.label = label;
        this.example = example;
        this.min = min;
        this.max = max;
    }

    /** As typed after /profile, e.g. {@code max-hr}. */
    public String word() {
        return word;
    }

    /** The column of {@code athlete_profiles}; a constant, never input. */
    String column() {
        return column;
    }

    public String label() {
        return label;
    }

    public String example() {
        return example;
    }

    /** "max-hr", "maxhr", "max_hr" and "max hr" all name the same field. */
    public static Optional<ProfileField> parse(String word) {
        String w = word.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        return Arrays.stream(values()).filter(f -> f.word.equals(w) || f.word.replace("-", "").equals(w)).findFirst();
    }

    /**
     * The stored number for what the runner typed, or empty when it is not a plausible value. A threshold pace is
     * read in the runner's own units ("4:15" per km, or per mile for miles) and stored per kilometre.
     */
    public Optional<Integer> read(String typed, UnitSystem units, int currentYear) {
        String t = typed.strip().toLowerCase(Locale.ROOT);
        return switch (this) {
            case SEX -> t.equals("female") || t.equals("f") || t.equals("woman") ? Optional.of(Sex.FEMALE.ordinal())
                    : t.equals("male") || t.equals("m") || t.equals("man") ? Optional.of(Sex.MALE.ordinal())
                    : Optional.empty();
            case THRESHOLD_PACE -> pace(t.replaceAll("\\s*/\\s*(km|mi)$", ""), units);
            case BIRTH_YEAR -> whole(t).filter(y -> y >= min && y <= currentYear - 10);
            default -> whole(t.replaceAll("\\s*bpm$", "")).filter(v -> v >= min && v <= max);
        };
    }

    private Optional<Integer> pace(String t, UnitSystem units) {
        Matcher m = PACE.matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        double perUnit = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
        long perKm = Math.round(units == UnitSystem.IMPERIAL ? perUnit * 1000 / METRES_PER_MILE : perUnit);
        return perKm >= min && perKm <= max ? Optional.of((int) perKm) : Optional.empty();
    }

    private static Optional<Integer> whole(String t) {
        return WHOLE.matcher(t).matches() ? Optional.of(Integer.parseInt(t)) : Optional.empty();
    }

    /** What a value is allowed to be, for the reply to a value out of range. */
    public String range(int currentYear) {
        return switch (this) {
            case SEX -> "male or female";
            case THRESHOLD_PACE -> "a pace like 4:15 (minutes:seconds per kilometre or mile, as in /units)";
            case BIRTH_YEAR -> "a year from " + min + " to " + (currentYear - 10);
            default -> "a whole number from " + min + " to " + max + " bpm";
        };
    }
}
