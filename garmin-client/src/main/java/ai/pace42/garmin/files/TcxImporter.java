package ai.pace42.garmin.files;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.Lap;
import ai.pace42.coach.model.LapIntensity;
import ai.pace42.coach.model.SessionTags;
import ai.pace42.coach.model.SportType;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.Result;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * TCX (TrainingCenterDatabase v2 + ActivityExtension v2) → activity with StAX. Elements are matched by local name
 * so namespace prefixes do not matter; parsed through {@link SafeXml} (a DOCTYPE is refused).
 */
final class TcxImporter {

    private TcxImporter() {
    }

    static Result<Activity> read(byte[] bytes, String id) {
        try {
            XMLStreamReader x = SafeXml.open(bytes);
            try {
                return new Parser(x).parse(id);
            } finally {
                x.close();
            }
        } catch (SafeXml.DoctypeRefused e) {
            return Result.failed(GarminProblemCode.FILE_UNREADABLE, "TCX: " + e.getMessage());
        } catch (XMLStreamException | RuntimeException e) {
            return Result.failed(GarminProblemCode.FILE_UNREADABLE, "TCX: " + e.getClass().getSimpleName());
        }
    }

    private static final class Parser {
        private final XMLStreamReader x;
        private final Deque<String> path = new ArrayDeque<>();
        private final Columns columns = new Columns();
        private final List<Lap> laps = new ArrayList<>();
        private String sport = "";
        private Instant t0;
        private double lapStartOffset;
        private double lapTime = Double.NaN;
        private double lapDistance = Double.NaN;
        private String lapIntensity = "";
        // Current trackpoint
        private Instant time;
        private double lat, lon, alt, dist, hr, cad, speed;

        Parser(XMLStreamReader x) {
            this.x = x;
            resetPoint();
        }

        Result<Activity> parse(String id) throws XMLStreamException {
            while (x.hasNext()) {
                int ev = x.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String name = x.getLocalName();
                    if (name.equals("Activity") && sport.isEmpty()) {
                        sport = Optional.ofNullable(x.getAttributeValue(null, "Sport")).orElse("");
                    } else if (name.equals("Lap")) {
                        Instant s = time(x.getAttributeValue(null, "StartTime"));
                        lapStartOffset = s != null && t0 != null ? (s.toEpochMilli() - t0.toEpochMilli()) / 1000.0
                                : s != null ? 0 : lapStartOffset;
                        if (t0 == null && s != null) {
                            t0 = s;
                        }
                        lapTime = Double.NaN;
                        lapDistance = Double.NaN;
                        lapIntensity = "";
                    } else if (name.equals("Trackpoint")) {
                        resetPoint();
                    }
                    path.push(name);
                } else if (ev == XMLStreamConstants.CHARACTERS && !path.isEmpty() && !x.isWhiteSpace()) {
                    text(path.peek(), path.size() > 1 ? secondOnStack() : "", x.getText().trim());
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    String name = path.isEmpty() ? "" : path.pop();
                    if (name.equals("Trackpoint")) {
                        endPoint();
                    } else if (name.equals("Lap") && lapTime > 0) {
                        laps.add(new Lap(lapStartOffset, lapTime, lapDistance > 0 ? OptionalDouble.of(lapDistance)
                                : OptionalDouble.empty(), intensity(lapIntensity)));
                    }
                }
            }
            if (!sport.isEmpty() && !sport.equalsIgnoreCase("Running")) {
                return Result.failed(GarminProblemCode.GARMIN_NOT_A_RUN, "TCX sport " + sport);
            }
            if (columns.size() == 0 && laps.isEmpty()) {
                return Result.failed(GarminProblemCode.GARMIN_NO_DATA, "TCX without trackpoints or laps");
            }
            double moving = laps.stream().mapToDouble(Lap::durationS).sum();
            double distance = laps.stream().mapToDouble(l -> l.distanceM().orElse(0)).sum();
            if (distance <= 0 && columns.lastDistance() > 0) {
                distance = columns.lastDistance();
            }
            if (moving <= 0 && columns.lastElapsed() > 0) {
                moving = columns.lastElapsed();
            }
            double elapsed = Math.max(moving, Double.isNaN(columns.lastElapsed()) ? 0 : columns.lastElapsed());
            Optional<ZonedDateTime> start = Optional.ofNullable(t0).map(t -> t.atZone(ZoneOffset.UTC));
            return Result.ok(new Activity(id, "file", "", SportType.UNKNOWN, start, opt(elapsed), opt(moving),
                    opt(distance), null, columns.build(), laps, SessionTags.none()));
        }

        private String secondOnStack() {
            var it = path.iterator();
            it.next();
            return it.next();
        }

        private void text(String element, String parent, String value) {
            switch (element) {
                case "Time" -> time = time(value);
                case "LatitudeDegrees" -> lat = num(value);
                case "LongitudeDegrees" -> lon = num(value);
                case "AltitudeMeters" -> alt = num(value);
                case "DistanceMeters" -> {
                    if (parent.equals("Trackpoint")) {
                        dist = num(value);
                    } else if (parent.equals("Lap")) {
                        lapDistance = num(value);
                    }
                }
                case "Value" -> {
                    if (parent.equals("HeartRateBpm") && path.contains("Trackpoint")) {
                        hr = num(value);
                    }
                }
                case "Cadence", "RunCadence" -> {
                    if (path.contains("Trackpoint")) {
                        cad = num(value);
                    }
                }
                case "Speed" -> {
                    if (path.contains("Trackpoint")) {
                        speed = num(value);
                    }
                }
                case "TotalTimeSeconds" -> {
                    if (parent.equals("Lap")) {
                        lapTime = num(value);
                    }
                }
                case "Intensity" -> {
                    if (parent.equals("Lap")) {
                        lapIntensity = value;
                    }
                }
                default -> {
                }
            }
        }

        private void endPoint() {
            if (time == null) {
                return;
            }
            if (t0 == null) {
                t0 = time;
            }
            // TCX running cadence is one foot on most devices; the coach uses steps per minute.
            double spm = cad > 0 && cad < 120 ? cad * 2 : cad;
            columns.add((time.toEpochMilli() - t0.toEpochMilli()) / 1000.0, dist, speed, hr, spm, alt, lat, lon);
        }

        private void resetPoint() {
            time = null;
            lat = lon = alt = dist = hr = cad = speed = Double.NaN;
        }

        private static LapIntensity intensity(String s) {
            return switch (s) {
                case "Active" -> LapIntensity.ACTIVE;
                case "Resting" -> LapIntensity.REST;
                default -> LapIntensity.UNKNOWN;
            };
        }

        private static Instant time(String s) {
            if (s == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(s.trim()).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return Instant.parse(s.trim());
                } catch (DateTimeParseException e2) {
                    return null;
                }
            }
        }

        private static double num(String s) {
            try {
                double v = Double.parseDouble(s);
                return Double.isFinite(v) ? v : Double.NaN;
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }

        private static OptionalDouble opt(double v) {
            return v > 0 && Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
        }
    }
}
