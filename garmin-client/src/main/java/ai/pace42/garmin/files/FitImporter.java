package ai.pace42.garmin.files;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivitySummary;
import ai.pace42.coach.model.Lap;
import ai.pace42.coach.model.LapIntensity;
import ai.pace42.coach.model.SessionTags;
import ai.pace42.coach.model.SportType;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.Result;
import com.garmin.fit.ActivityMesg;
import com.garmin.fit.DateTime;
import com.garmin.fit.Intensity;
import com.garmin.fit.LapMesg;
import com.garmin.fit.MesgNum;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.SessionMesg;
import com.garmin.fit.Sport;
import com.garmin.fit.SubSport;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * FIT → activity. {@link FitReader} walks the file and hands over only the messages we use (record, lap, session,
 * activity); fields are read by their profile numbers (the SDK's constants) and scaled here. No SDK message
 * objects are built: that was most of the import time (see garmin-client/PERFORMANCE.md).
 */
final class FitImporter {

    private static final double SEMICIRCLES_TO_DEGREES = 180.0 / 2147483648.0;
    /** Seconds from the Unix epoch to the FIT epoch (1989-12-31T00:00:00Z). */
    private static final long FIT_EPOCH_S = DateTime.OFFSET / 1000;

    private FitImporter() {
    }

    static Result<Activity> read(byte[] bytes, String id) {
        try {
            // First pass: the sessions, so a multisport file is read as its run leg only.
            FitLegs legs = new FitLegs();
            FitReader.read(bytes, legs);
            Optional<FitLegs.Leg> leg = legs.runLeg();
            Collector c = new Collector(leg);
            FitReader.Extent extent = FitReader.read(bytes, c);
            if (!extent.complete()) {
                c.columns.trimAtTimeJump(FitLegs.MAX_TIME_JUMP_S);
            }
            return c.activity(id).map(a -> FitLegs.noted(a, FitLegs.note(extent, leg)));
        } catch (FitFormatException e) {
            return Result.failed(GarminProblemCode.FILE_UNREADABLE, "FIT: " + e.getMessage());
        } catch (RuntimeException e) {
            return Result.failed(GarminProblemCode.FILE_UNREADABLE, "FIT: " + e.getClass().getSimpleName());
        }
    }

    /** What a lap message says, in seconds and metres (NaN when absent). */
    private record LapValues(double startTime, double timerS, double elapsedS, double distanceM, double intensity) {
    }

    /** The first session's values (multisport: later legs are other sports). */
    private record SessionValues(double startTime, double sport, double subSport, double timerS, double elapsedS,
                                 double distanceM, double avgHr, double maxHr, double avgCadence,
                                 double avgFractionalCadence, double ascentM, double descentM) {
    }

    private static final class Collector implements FitReader.Handler {
        private final Optional<FitLegs.Leg> leg;
        private final Columns columns = new Columns();
        private final List<LapValues> laps = new ArrayList<>();
        private SessionValues session;
        private double firstTimestamp = Double.NaN;
        private double legStartDistance = Double.NaN;
        private Long localOffsetS;

        Collector(Optional<FitLegs.Leg> leg) {
            this.leg = leg;
        }

        @Override
        public boolean wants(int globalMessage) {
            return globalMessage == MesgNum.RECORD || globalMessage == MesgNum.LAP || globalMessage == MesgNum.SESSION
                    || globalMessage == MesgNum.ACTIVITY;
        }

        @Override
        public void onMessage(int globalMessage, FitFields f) {
            switch (globalMessage) {
                case MesgNum.RECORD -> record(f);
                case MesgNum.LAP -> lap(f);
                case MesgNum.SESSION -> session(f);
                case MesgNum.ACTIVITY -> activity(f);
                default -> {
                }
            }
        }

        private void lap(FitFields f) {
            double start = f.get(LapMesg.StartTimeFieldNum);
            if (leg.isPresent() && !leg.get().holds(start)) {
                return;
            }
            laps.add(new LapValues(start, f.get(LapMesg.TotalTimerTimeFieldNum) / 1000,
                    f.get(LapMesg.TotalElapsedTimeFieldNum) / 1000, f.get(LapMesg.TotalDistanceFieldNum) / 100,
                    f.get(LapMesg.IntensityFieldNum)));
        }

        private void record(FitFields r) {
            double ts = r.get(RecordMesg.TimestampFieldNum);
            if (Double.isNaN(ts) || leg.isPresent() && !leg.get().holds(ts)) {
                return;
            }
            if (Double.isNaN(firstTimestamp)) {
                firstTimestamp = ts;
            }
            double speed = r.get(RecordMesg.EnhancedSpeedFieldNum);
            if (Double.isNaN(speed)) {
                speed = r.get(RecordMesg.SpeedFieldNum);
            }
            double alt = r.get(RecordMesg.EnhancedAltitudeFieldNum);
            if (Double.isNaN(alt)) {
                alt = r.get(RecordMesg.AltitudeFieldNum);
            }
            double distance = r.get(RecordMesg.DistanceFieldNum) / 100;
            if (leg.isPresent() && !Double.isNaN(distance)) {
                // A multisport file counts distance from the start of its first leg: the run leg starts from 0.
                if (Double.isNaN(legStartDistance)) {
                    legStartDistance = distance;
                }
                distance -= legStartDistance;
            }
            columns.add(ts - firstTimestamp, distance, speed / 1000,
                    r.get(RecordMesg.HeartRateFieldNum),
                    stepsPerMinute(r.get(RecordMesg.CadenceFieldNum), r.get(RecordMesg.FractionalCadenceFieldNum)),
                    alt / 5 - 500, // profile: altitude scale 5, offset 500
                    r.get(RecordMesg.PositionLatFieldNum) * SEMICIRCLES_TO_DEGREES,
                    r.get(RecordMesg.PositionLongFieldNum) * SEMICIRCLES_TO_DEGREES);
        }

        private void session(FitFields s) {
            boolean theLeg = leg.map(l -> s.get(SessionMesg.StartTimeFieldNum) == l.startTime()).orElse(true);
            if (session != null || !theLeg) {
                return;
            }
            session = new SessionValues(s.get(SessionMesg.StartTimeFieldNum), s.get(SessionMesg.SportFieldNum),
                    s.get(SessionMesg.SubSportFieldNum), s.get(SessionMesg.TotalTimerTimeFieldNum) / 1000,
                    s.get(SessionMesg.TotalElapsedTimeFieldNum) / 1000, s.get(SessionMesg.TotalDistanceFieldNum) / 100,
                    s.get(SessionMesg.AvgHeartRateFieldNum), s.get(SessionMesg.MaxHeartRateFieldNum),
                    s.get(SessionMesg.AvgCadenceFieldNum), s.get(SessionMesg.AvgFractionalCadenceFieldNum),
                    s.get(SessionMesg.TotalAscentFieldNum), s.get(SessionMesg.TotalDescentFieldNum));
        }

        private void activity(FitFields a) {
            double utc = a.get(ActivityMesg.TimestampFieldNum);
            double local = a.get(ActivityMesg.LocalTimestampFieldNum);
            if (!Double.isNaN(utc) && !Double.isNaN(local)) {
                long offset = (long) (local - utc);
                if (Math.abs(offset) <= 18 * 3600) {
                    localOffsetS = Math.round(offset / 900.0) * 900;
                }
            }
        }

        /** FIT running cadence is strides per minute (one foot), fraction scaled by 128; the coach uses steps. */
        private static double stepsPerMinute(double cadence, double fraction) {
            return (cadence + (Double.isNaN(fraction) ? 0 : fraction / 128)) * 2;
        }

        Result<Activity> activity(String id) {
            Sport sport = session == null ? null : enumValue(session.sport(), Sport::getByValue);
            if (sport != null && sport != Sport.RUNNING && sport != Sport.GENERIC) {
                return Result.failed(GarminProblemCode.GARMIN_NOT_A_RUN, "FIT sport " + sport);
            }
            if (columns.size() == 0 && session == null) {
                return Result.failed(GarminProblemCode.FILE_UNREADABLE, "FIT without records or session");
            }
            Optional<ZonedDateTime> start = startTime().map(t -> t.atZone(localOffsetS == null ? ZoneOffset.UTC
                    : ZoneOffset.ofTotalSeconds(localOffsetS.intValue())));
            OptionalDouble moving = positive(session == null ? Double.NaN : session.timerS());
            OptionalDouble elapsed = positive(session == null ? Double.NaN : session.elapsedS());
            OptionalDouble distance = positive(session == null ? Double.NaN : session.distanceM());
            if (moving.isEmpty() && columns.size() > 1) {
                moving = OptionalDouble.of(columns.lastElapsed());
            }
            if (elapsed.isEmpty()) {
                elapsed = moving;
            }
            if (distance.isEmpty() && columns.lastDistance() > 0) {
                distance = OptionalDouble.of(columns.lastDistance());
            }
            ActivitySummary summary = session == null ? ActivitySummary.none() : new ActivitySummary(
                    positive(session.avgHr()), positive(session.maxHr()), cadence(session),
                    positive(session.ascentM()), positive(session.descentM()), OptionalDouble.empty());
            return Result.ok(new Activity(id, "file", "", sportType(session), start, elapsed, moving, distance,
                    summary, columns.build(), laps(), SessionTags.none()));
        }

        private Optional<Instant> startTime() {
            double fitSeconds = session != null && !Double.isNaN(session.startTime()) ? session.startTime()
                    : firstTimestamp;
            return Double.isNaN(fitSeconds) ? Optional.empty()
                    : Optional.of(Instant.ofEpochSecond((long) fitSeconds + FIT_EPOCH_S));
        }

        private List<Lap> laps() {
            List<Lap> out = new ArrayList<>();
            double running = 0;
            for (LapValues l : laps) {
                OptionalDouble d = positive(l.timerS());
                if (d.isEmpty()) {
                    continue;
                }
                double start = running;
                if (!Double.isNaN(l.startTime()) && !Double.isNaN(firstTimestamp)) {
                    double s = l.startTime() - firstTimestamp;
                    start = s >= 0 ? s : start;
                }
                running = start + positive(l.elapsedS()).orElse(d.getAsDouble());
                out.add(new Lap(start, d.getAsDouble(), positive(l.distanceM()),
                        intensity(enumValue(l.intensity(), Intensity::getByValue))));
            }
            return out;
        }

        private static OptionalDouble cadence(SessionValues s) {
            if (!(s.avgCadence() > 0)) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(stepsPerMinute(s.avgCadence(), s.avgFractionalCadence()));
        }

        private static SportType sportType(SessionValues s) {
            SubSport sub = s == null ? null : enumValue(s.subSport(), SubSport::getByValue);
            if (sub == null) {
                return SportType.UNKNOWN;
            }
            return switch (sub) {
                case TREADMILL -> SportType.TREADMILL;
                case TRAIL, ULTRA, OBSTACLE -> SportType.TRAIL;
                case TRACK -> SportType.TRACK;
                case INDOOR_RUNNING -> SportType.INDOOR;
                case VIRTUAL_ACTIVITY -> SportType.VIRTUAL;
                case STREET, GENERIC -> SportType.ROAD;
                default -> SportType.UNKNOWN;
            };
        }

        private static LapIntensity intensity(Intensity i) {
            if (i == null) {
                return LapIntensity.UNKNOWN;
            }
            return switch (i) {
                case ACTIVE, INTERVAL -> LapIntensity.ACTIVE;
                case REST, RECOVERY -> LapIntensity.REST;
                case WARMUP -> LapIntensity.WARMUP;
                case COOLDOWN -> LapIntensity.COOLDOWN;
                default -> LapIntensity.UNKNOWN;
            };
        }

        /** The SDK's enum for a FIT enum value; null when the message had none. */
        private static <E> E enumValue(double value, Function<Short, E> byValue) {
            return Double.isNaN(value) ? null : byValue.apply((short) value);
        }

        private static OptionalDouble positive(double v) {
            return v > 0 && Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
        }
    }
}
