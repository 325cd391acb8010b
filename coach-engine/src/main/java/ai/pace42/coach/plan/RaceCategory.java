package ai.pace42.coach.plan;

/**
 * Per race distance: taper length (Bosquet: about 2 weeks; Pfitzinger: 3 for the marathon; one for 5–10 km), the
 * long run a plan must reach to be safe for the distance, the long run it aims for, and the shortest runway.
 * The long-run and runway values are pace42 defaults (coaching-science §5.2 leaves them to the product).
 */
public enum RaceCategory {
    FIVE_K("5 km", 1, 6_000, 10_000, 20_000, 4),
    TEN_K("10 km", 1, 10_000, 14_000, 25_000, 6),
    HALF("half marathon", 2, 16_000, 19_000, 32_000, 8),
    MARATHON("marathon", 3, 29_000, 32_000, 45_000, 12);

    private final String label;
    private final int taperWeeks;
    private final double requiredLongM;
    private final double goalLongM;
    private final double goalWeeklyM;
    private final int standardWeeks;

    RaceCategory(String label, int taperWeeks, double requiredLongM, double goalLongM, double goalWeeklyM,
                 int standardWeeks) {
        this.label = label;
        this.taperWeeks = taperWeeks;
        this.requiredLongM = requiredLongM;
        this.goalLongM = goalLongM;
        this.goalWeeklyM = goalWeeklyM;
        this.standardWeeks = standardWeeks;
    }

    /** Distances above a marathon are not planned (ultra training needs rules this engine does not have). */
    public static java.util.Optional<RaceCategory> of(double metres) {
        if (!(metres > 0) || metres > 42_500) {
            return java.util.Optional.empty();
        }
        if (metres <= 6_000) {
            return java.util.Optional.of(FIVE_K);
        }
        if (metres <= 12_000) {
            return java.util.Optional.of(TEN_K);
        }
        return java.util.Optional.of(metres <= 25_000 ? HALF : MARATHON);
    }

    public String label() {
        return label;
    }

    public int taperWeeks() {
        return taperWeeks;
    }

    public double requiredLongM() {
        return requiredLongM;
    }

    public double goalLongM() {
        return goalLongM;
    }

    public double goalWeeklyM() {
        return goalWeeklyM;
    }

    /** Weeks a plan needs unless the runner already has the distance's long run and volume. */
    public int standardWeeks() {
        return standardWeeks;
    }

    /** Weeks an already-prepared runner needs: two training weeks plus the taper. */
    public int sharpeningWeeks() {
        return taperWeeks + 2;
    }
}
