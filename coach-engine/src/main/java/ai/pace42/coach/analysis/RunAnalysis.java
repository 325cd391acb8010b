package ai.pace42.coach.analysis;

import ai.pace42.coach.model.Activity;

import java.util.OptionalDouble;
import java.util.Set;

/**
 * Everything the engine knows about one run: the single source of every number an answer (or a later LLM layer)
 * may show. Speeds are m/s, times seconds, distances metres, HR bpm.
 */
public record RunAnalysis(Activity activity, DataQuality quality, Classification classification,
                          double movingS, double distanceM, Measured<Double> averageSpeed,
                          Measured<Double> averageHr, Measured<Double> maxHr, Measured<Pacing> pacing,
                          Measured<ZoneDistribution> hrZones, Measured<ZoneDistribution> paceZones,
                          Measured<Decoupling> decoupling, Measured<Double> efficiencyFactor,
                          Measured<Double> cadence, Measured<Elevation> elevation, Measured<Intervals> intervals,
                          Load load, Set<SessionFinding> findings, OptionalDouble temperatureC) {

    public RunAnalysis {
        findings = Set.copyOf(findings);
    }

    public SessionType type() {
        return classification.type();
    }

    public boolean has(SessionFinding finding) {
        return findings.contains(finding);
    }
}
