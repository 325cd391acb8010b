package ai.pace42.coach.answer;

import ai.pace42.coach.analysis.RunAnalysis;
import ai.pace42.coach.analysis.SessionType;
import ai.pace42.coach.fitness.TrainingHistory;
import ai.pace42.coach.intent.RunSelector;

import java.util.List;
import java.util.Optional;

/** Picks the newest run that matches a selector's date, distance (±15%) and kind. */
public final class RunFinder {

    private RunFinder() {
    }

    public static Optional<RunAnalysis> find(TrainingHistory h, RunSelector sel) {
        List<RunAnalysis> runs = h.runs();
        for (int i = runs.size() - 1; i >= 0; i--) {
            RunAnalysis r = runs.get(i);
            if (sel.date().isPresent() && !h.dateOf(r).equals(sel.date().get())) {
                continue;
            }
            if (sel.distanceM().isPresent()) {
                double want = sel.distanceM().getAsDouble();
                if (Double.isNaN(r.distanceM()) || Math.abs(r.distanceM() - want) > want * 0.15) {
                    continue;
                }
            }
            if (sel.kind().isPresent() && !matches(r.type(), sel.kind().get())) {
                continue;
            }
            return Optional.of(r);
        }
        return Optional.empty();
    }

    static boolean matches(SessionType type, String kind) {
        return switch (kind) {
            case "long" -> type == SessionType.LONG;
            case "tempo" -> type == SessionType.TEMPO || type == SessionType.PROGRESSION;
            case "intervals" -> type == SessionType.INTERVALS;
            case "race" -> type == SessionType.RACE;
            case "easy" -> type == SessionType.EASY || type == SessionType.RECOVERY;
            default -> true;
        };
    }
}
