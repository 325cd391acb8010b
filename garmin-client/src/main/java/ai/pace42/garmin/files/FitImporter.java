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
import com.garmin.fit.ActivityMesgListener;
import com.garmin.fit.DateTime;
import com.garmin.fit.Decode;
import com.garmin.fit.FitRuntimeException;
import com.garmin.fit.Intensity;
import com.garmin.fit.LapMesg;
import com.garmin.fit.LapMesgListener;
import com.garmin.fit.MesgBroadcaster;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.RecordMesgListener;
import com.garmin.fit.SessionMesg;
import com.garmin.fit.SessionMesgListener;
import com.garmin.fit.Sport;
import com.garmin.fit.SubSport;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * FIT → activity with the SDK's streaming {@link Decode} and a {@link MesgBroadcaster} that only has listeners for
 * the messages we use (record, lap, session, activity); the SDK's convenience decoder builds every message and
 * is several times slower on files with developer fields.
 */
final class FitImporter {

    private static final double SEMICIRCLES_TO_DEGREES = 180.0 / 2147483648.0;

    private FitImporter() {
    }

    static Result<Activity> read(byte[] bytes, String id) {
        try {
            // No separate checkFileIntegrity pass: it costs as much as decoding, and Decode checks the CRC itself.
            Collector c = new Collector();
            Decode streaming = new Decode();
            MesgBroadcaster b = new MesgBroadcaster(streaming);
            b.addListener((RecordMesgListener) c);
            b.addListener((LapMesgListener) c);
            b.addListener((SessionMesgListener) c);
            b.addListener((ActivityMesgListener) c);
            streaming.read(new ByteArrayInputStream(bytes), b, b);
            return c.activity(id);
        } catch (FitRuntimeException e) {
            return Result.failed(GarminProblemCode.FILE_UNREADABLE, "FIT decode: " + e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            return Result.failed(GarminProblemCode.FILE_UNREADABLE, "FIT: " + e.getClass().getSimpleName());
        }
    }

    private static final class Collector implements RecordMesgListener, LapMesgListener, SessionMesgListener,
            ActivityMesgListener {
        private final Columns columns = new Columns();
        private final List<LapMesg> laps = new ArrayList<>();
        private SessionMesg session;
        private Long firstTimestamp;
        private Long localOffsetS;

        @Override
        public void onMesg(RecordMesg r) {
            DateTime ts = r.getTimestamp();
            if (ts == null) {
                return;
            }
            long s = ts.getTimestamp();
            if (firstTimestamp == null) {
                firstTimestamp = s;
            }
            Float speed = r.getEnhancedSpeed() != null ? r.getEnhancedSpeed() : r.getSpeed();
            Float alt = r.getEnhancedAltitude() != null ? r.getEnhancedAltitude() : r.getAltitude();
            Short cad = r.getCadence();
            Float frac = r.getFractionalCadence();
            // FIT running cadence is strides per minute (one foot); the coach uses steps per minute.
            double spm = cad == null || cad == 255 ? Double.NaN : (cad + (frac == null ? 0 : frac)) * 2;
            Integer lat = r.getPositionLat();
            Integer lon = r.getPositionLong();
            columns.add(s - firstTimestamp, num(r.getDistance()), num(speed), num(r.getHeartRate()), spm, num(alt),
                    lat == null ? Double.NaN : lat * SEMICIRCLES_TO_DEGREES,
                    lon == null ? Double.NaN : lon * SEMICIRCLES_TO_DEGREES);
        }

        @Override
        public void onMesg(LapMesg lap) {
            laps.add(lap);
        }

        @Override
        public void onMesg(SessionMesg s) {
            if (session == null) { // multisport: the first leg; later legs are other sports
                session = s;
            }
        }

        @Override
        public void onMesg(ActivityMesg a) {
            if (a.getLocalTimestamp() != null && a.getTimestamp() != null) {
                long offset = a.getLocalTimestamp() - a.getTimestamp().getTimestamp();
                if (Math.abs(offset) <= 18 * 3600) {
                    localOffsetS = Math.round(offset / 900.0) * 900;
                }
            }
        }

        Result<Activity> activity(String id) {
            Sport sport = session == null ? null : session.getSport();
            if (sport != null && sport != Sport.RUNNING && sport != Sport.GENERIC) {
                return Result.failed(GarminProblemCode.GARMIN_NOT_A_RUN, "FIT sport " + sport);
            }
            if (columns.size() == 0 && session == null) {
                return Result.failed(GarminProblemCode.FILE_UNREADABLE, "FIT without records or session");
            }
            Optional<ZonedDateTime> start = startTime().map(t -> t.atZone(localOffsetS == null ? ZoneOffset.UTC
                    : ZoneOffset.ofTotalSeconds(localOffsetS.intValue())));
            OptionalDouble moving = positive(session == null ? null : session.getTotalTimerTime());
            OptionalDouble elapsed = positive(session == null ? null : session.getTotalElapsedTime());
            OptionalDouble distance = positive(session == null ? null : session.getTotalDistance());
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
                    positive(session.getAvgHeartRate()), positive(session.getMaxHeartRate()), cadence(session),
                    positive(session.getTotalAscent()), positive(session.getTotalDescent()), OptionalDouble.empty());
            return Result.ok(new Activity(id, "file", "", sportType(session), start, elapsed, moving, distance,
                    summary, columns.build(), laps(), SessionTags.none()));
        }

        private Optional<Instant> startTime() {
            if (session != null && session.getStartTime() != null) {
                return Optional.of(session.getStartTime().getDate().toInstant());
            }
            return firstTimestamp == null ? Optional.empty()
                    : Optional.of(Instant.ofEpochMilli(firstTimestamp * 1000 + DateTime.OFFSET));
        }

        private List<Lap> laps() {
            List<Lap> out = new ArrayList<>();
            double running = 0;
            for (LapMesg l : laps) {
                OptionalDouble d = positive(l.getTotalTimerTime());
                if (d.isEmpty()) {
                    continue;
                }
                double start = running;
                if (l.getStartTime() != null && firstTimestamp != null) {
                    double s = l.getStartTime().getTimestamp() - firstTimestamp;
                    start = s >= 0 ? s : start;
                }
                running = start + positive(l.getTotalElapsedTime()).orElse(d.getAsDouble());
                out.add(new Lap(start, d.getAsDouble(), positive(l.getTotalDistance()), intensity(l.getIntensity())));
            }
            return out;
        }

        private static OptionalDouble cadence(SessionMesg s) {
            Short c = s.getAvgCadence();
            if (c == null || c <= 0 || c == 255) {
                return OptionalDouble.empty();
            }
            Float frac = s.getAvgFractionalCadence();
            return OptionalDouble.of((c + (frac == null ? 0 : frac)) * 2);
        }

        private static SportType sportType(SessionMesg s) {
            SubSport sub = s == null ? null : s.getSubSport();
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

        private static double num(Number n) {
            return n == null ? Double.NaN : n.doubleValue();
        }

        private static OptionalDouble positive(Number n) {
            return n != null && n.doubleValue() > 0 && Double.isFinite(n.doubleValue())
                    ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
        }
    }
}
