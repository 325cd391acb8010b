package ai.pace42.coach.analysis;

import java.util.List;

/** Time in each zone of one zone system, e.g. Friel HR zones or Daniels pace zones. */
public record ZoneDistribution(String system, List<ZoneTime> zones) {

    public ZoneDistribution {
        zones = List.copyOf(zones);
    }

    public double totalSeconds() {
        return zones.stream().mapToDouble(ZoneTime::seconds).sum();
    }

    /** Share (0..1) of time in the zones at index from..to inclusive. */
    public double share(int from, int to) {
        double total = totalSeconds();
        if (total <= 0) {
            return 0;
        }
        double in = 0;
        for (int i = from; i <= to && i < zones.size(); i++) {
            in += zones.get(i).seconds();
        }
        return in / total;
    }

    /** Index of the zone holding the most time. */
    public int dominantZone() {
        int best = 0;
        for (int i = 1; i < zones.size(); i++) {
            if (zones.get(i).seconds() > zones.get(best).seconds()) {
                best = i;
            }
        }
        return best;
    }
}
