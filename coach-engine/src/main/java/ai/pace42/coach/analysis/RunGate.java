package ai.pace42.coach.analysis;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.Lap;
import ai.pace42.coach.model.SportType;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a recording can be given a run type at all (real-recordings.md §2.3, §3.6): long enough, with distance,
 * and moving at running speed. Files that do not say they are runs (GPX, most TCX) are checked by speed, since a
 * ride or a swim exported as GPX looks like any other track.
 */
final class RunGate {

    static final double MIN_MOVING_S = 5 * 60;
    static final double MIN_DISTANCE_M = 500;
    /** 5.5 m/s is 3:02/km sustained, stops included: riding speed for anyone who did not label the file a run. */
    static final double RIDING_SPEED = 5.5;
    /** 7 m/s (2:23/km) is faster than any sustained run, labelled or not. */
    static final double NEVER_RUNNING_SPEED = 7.0;
    /** Slower than 9:31/km with a walking cadence (or none) is a walk. */
    static final double WALKING_SPEED = 1.75;
    static final double WALKING_CADENCE = 140;

    private RunGate() {
    }

    static Optional<Classification> check(Activity a, RunStreams s) {
        double moving = s.n > 0 ? s.movingSeconds() : a.movingS().orElse(a.elapsedS().orElse(0));
        // Streams without a distance column (some accelerometer files) fall back to the device total.
        double distance = s.n > 0 && s.totalDistance() > 0 ? s.totalDistance() : a.distanceM().orElse(Double.NaN);
        if (!(distance > 0) && s.n > 0) {
            return Optional.of(new Classification(SessionType.UNKNOWN, 0,
                    "no distance or pace was recorded, only " + (s.hasHr ? "heart rate" : "time") + ", so I can't tell what kind of run it was"));
        }
        boolean indoor = a.sport().indoor();
        // Too short only when the device summary agrees: downsampled streams may cover less than the whole run.
        double summaryMoving = Math.max(moving, a.movingS().orElse(0));
        double summaryDistance = Math.max(Double.isNaN(distance) ? 0 : distance, a.distanceM().orElse(0));
        if (summaryMoving < MIN_MOVING_S || (!indoor && summaryDistance < MIN_DISTANCE_M)) {
            return Optional.of(new Classification(SessionType.TOO_SHORT, 0.95, "too short to analyse: "
                    + duration(summaryMoving) + (summaryDistance > 0 ? " and " + Math.round(summaryDistance) + " m" : "")
                    + " (a session type needs at least 5 minutes and 500 m)"));
        }
        double elapsed = s.n > 1 ? s.time[s.n - 1] - s.time[0] : Double.NaN;
        if (elapsed > 0 && moving < 0.3 * elapsed) {
            return Optional.of(new Classification(SessionType.UNKNOWN, 0.2, "moving at running speed for only "
                    + duration(moving) + " of " + duration(elapsed) + ", so this does not look like one run"
                    + " (a swim, a walk, or a watch left recording?)"));
        }
        for (Lap lap : a.laps()) {
            if (lap.distanceM().orElse(0) >= 1000 && lap.speed() >= NEVER_RUNNING_SPEED) {
                return Optional.of(new Classification(SessionType.UNKNOWN, 0.2, String.format(Locale.ROOT,
                        "part of this recording moved at riding speed (a %.1f km lap at %.0f km/h), so it is not one run;"
                                + " a multisport file's run leg needs to be uploaded on its own",
                        lap.distanceM().getAsDouble() / 1000, lap.speed() * 3.6)));
            }
        }
        // Samples whose timestamps never advance carry no moving time: the summary's moving time is the honest one.
        double speed = moving > 0 ? distance / moving : summaryDistance / summaryMoving;
        if (speed >= NEVER_RUNNING_SPEED || (speed >= RIDING_SPEED && a.sport() == SportType.UNKNOWN)) {
            return Optional.of(new Classification(SessionType.OTHER_SPORT, 0.8, String.format(Locale.ROOT,
                    "an average moving speed of %.0f km/h is riding or driving speed, not running", speed * 3.6)));
        }
        double cadence = s.hasCadence ? medianCadence(s) : a.summary().averageCadenceSpm().orElse(Double.NaN);
        if (speed < WALKING_SPEED && !(cadence >= WALKING_CADENCE)) {
            return Optional.of(new Classification(SessionType.OTHER_SPORT, 0.7,
                    "an average moving pace of " + pace(speed) + " is walking pace, so it was not analysed as a run"));
        }
        return Optional.empty();
    }

    private static double medianCadence(RunStreams s) {
        return Quantiles.median(Arrays.stream(s.cadence).filter(x -> x > 0).toArray());
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : s % 60 == 0 ? s / 60 + " min" : s / 60 + " min " + s % 60 + " s";
    }

    private static String pace(double speed) {
        long s = Math.round(1000 / speed);
        return String.format(Locale.ROOT, "%d:%02d/km", s / 60, s % 60);
    }
}
