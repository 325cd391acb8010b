package ai.pace42.coach.analysis;

/** Data-quality findings, each with the sentence an answer uses to explain it. */
public enum QualityFlag {
    NO_SAMPLES("no per-second data was recorded, so only the summary can be used"),
    NO_HEART_RATE("no heart-rate data was recorded"),
    HR_LOCKED_TO_CADENCE("heart rate likely locked to cadence (it tracks your step rate, a known wrist-sensor artefact)"),
    HR_ABOVE_MAX("heart rate read above your maximum, so those readings are treated as artefacts"),
    HR_FLATLINE("heart rate stayed exactly constant for minutes, which a real heart never does (sensor dropout)"),
    HR_JUMPS("heart rate jumped by more than 25 bpm within 2 s several times"),
    NO_GPS("no GPS track: distance is estimated by the device"),
    GPS_SPIKES("GPS produced impossible speeds that were removed"),
    NO_ALTITUDE("no altitude data, so no grade adjustment"),
    PAUSED("the run had pauses, excluded from moving time"),
    HOT("it was hot, which raises heart rate at the same pace");

    private final String explanation;

    QualityFlag(String explanation) {
        this.explanation = explanation;
    }

    public String explanation() {
        return explanation;
    }
}
