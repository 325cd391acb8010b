package ai.pace42.coach.answer;

import ai.pace42.coach.analysis.RunAnalysis;
import ai.pace42.coach.analysis.Thresholds;
import ai.pace42.coach.fitness.LoadStatus;
import ai.pace42.coach.fitness.LoadStatusCalculator;
import ai.pace42.coach.fitness.TrainingHistory;
import ai.pace42.coach.model.ActivitySource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Everything a report needs for one question: the analysed history, thresholds, formatting and "now". */
public final class CoachContext {

    private final TrainingHistory history;
    private final Format format;
    private final Instant now;
    private final LocalDate today;
    private final ActivitySource source;
    private LoadStatus status;

    public CoachContext(TrainingHistory history, Format format, Instant now, ActivitySource source) {
        this.history = history;
        this.format = format;
        this.now = now;
        this.today = now.atZone(format.zone()).toLocalDate();
        this.source = source;
    }

    public TrainingHistory history() {
        return history;
    }

    public Thresholds thresholds() {
        return history.thresholds();
    }

    public Format format() {
        return format;
    }

    public Instant now() {
        return now;
    }

    public LocalDate today() {
        return today;
    }

    public ActivitySource source() {
        return source;
    }

    public List<RunAnalysis> runs() {
        return history.runs();
    }

    /** Fitness, weekly volume and monotony up to today, computed once per question. */
    public LoadStatus status() {
        if (status == null) {
            status = LoadStatusCalculator.of(history, today);
        }
        return status;
    }

    /** The label every answer based on the sample athlete starts with. */
    public String samplePreface() {
        return "**Sample athlete:** these are made-up runs from pace42's sample athlete, not yours. Send /link to connect Garmin.";
    }
}
