package ai.pace42.garmin.corpus;

import ai.pace42.coach.UnitSystem;
import ai.pace42.coach.analysis.RunAnalysis;
import ai.pace42.coach.analysis.RunAnalyzer;
import ai.pace42.coach.analysis.RunContext;
import ai.pace42.coach.analysis.Thresholds;
import ai.pace42.coach.model.Activity;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.Result;
import ai.pace42.garmin.files.ActivityFileImporter;
import ai.pace42.garmin.normalise.ActivityNormaliser;
import ai.pace42.garmin.normalise.DetailRows;
import ai.pace42.garmin.normalise.GarminPayloads;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.OptionalLong;

import java.util.Optional;

/**
 * What pace42 makes of one recording, as a first upload with no profile and no history: the importer's verdict,
 * or the analysis reduced to the label vocabulary of {@code labels.csv}.
 */
record CorpusVerdict(String type, Optional<Activity> activity, Optional<RunAnalysis> analysis, String reason) {

    static CorpusVerdict of(RealRecording r) {
        Result<Activity> imported = r.isGarminConnectJson() ? fromGarminConnect(r.bytes())
                : new ActivityFileImporter().importBytes(r.uploadName(), r.bytes());
        if (!imported.isOk()) {
            GarminProblemCode code = imported.problem().code();
            String type = code == GarminProblemCode.GARMIN_NOT_A_RUN ? "not-a-run"
                    : code == GarminProblemCode.FILE_UNREADABLE ? "unreadable" : "refused";
            return new CorpusVerdict(type, Optional.empty(), Optional.empty(), imported.problem().detail());
        }
        Activity a = imported.value();
        RunAnalysis an = RunAnalyzer.analyze(a, Thresholds.none(), RunContext.none(), UnitSystem.METRIC);
        return new CorpusVerdict(label(an), Optional.of(a), Optional.of(an), an.classification().reason());
    }

    /**
     * A recorded Garmin Connect payload (a list item or an {@code activity-service} detail) read the way the sync
     * reads a listed activity: the normaliser, with no detail rows, for nobody's linked profile in particular.
     */
    static Result<Activity> fromGarminConnect(byte[] json) {
        try {
            JsonNode payload = new ObjectMapper().readTree(json);
            return ActivityNormaliser.normalise(GarminPayloads.of(payload).withDetailRows(DetailRows.empty()),
                    OptionalLong.empty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Our session types in the labels' words; the effort-level types (easy, moderate, recovery) are all steady. */
    static String label(RunAnalysis an) {
        return switch (an.type()) {
            case INTERVALS -> "intervals";
            case TEMPO -> "tempo";
            case PROGRESSION -> "progression";
            case LONG -> "long";
            case RACE -> "race";
            case EASY, MODERATE, RECOVERY, STEADY -> "steady";
            case TOO_SHORT -> "too-short";
            case OTHER_SPORT -> "not-a-run";
            case UNKNOWN -> "unknown";
        };
    }

    boolean agrees(RealRecording r) {
        return r.accept().contains(type);
    }
}
