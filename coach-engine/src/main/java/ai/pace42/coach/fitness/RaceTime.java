package ai.pace42.coach.fitness;

/**
 * A predicted race time. vdotTimeS and riegelTimeS are ceilings that assume specific preparation; adjustedTimeS
 * is the volume-adjusted estimate (a heuristic, only for half and full marathon; NaN otherwise).
 */
public record RaceTime(String name, double distanceM, double vdotTimeS, double riegelTimeS, double adjustedTimeS,
                       String adjustmentNote) {

    public boolean adjusted() {
        return !Double.isNaN(adjustedTimeS);
    }
}
