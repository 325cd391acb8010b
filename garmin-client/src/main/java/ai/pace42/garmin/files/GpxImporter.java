package ai.pace42.garmin.files;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.SessionTags;
import ai.pace42.coach.model.SportType;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.Result;
import io.jenetics.jpx.GPX;
import io.jenetics.jpx.WayPoint;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.stream.XMLStreamException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * GPX → activity with jpx (through {@link SafeXml}: no DOCTYPE, no external access). Heart rate and cadence live
 * in Garmin's TrackPointExtension ({@code hr}, {@code cad}), which jpx exposes as DOM; distance is summed from
 * positions. Indoor exports have an empty track segment.
 */
final class GpxImporter {

    private GpxImporter() {
    }

    static Result<Activity> read(byte[] bytes, String id) {
        GPX gpx;
        try {
            // jpx parses with SafeXml's factory (SafeJpxXml); the DOCTYPE check comes first all the same.
            SafeXml.requireNoDoctype(bytes);
            gpx = GPX.Reader.of(GPX.Reader.Mode.LENIENT).read(new ByteArrayInputStream(bytes));
        } catch (SafeXml.DoctypeRefused e) {
            return Result.failed(GarminProblemCode.FILE_UNREADABLE, "GPX: " + e.getMessage());
        } catch (XMLStreamException | IOException | RuntimeException e) {
            return Result.failed(GarminProblemCode.FILE_UNREADABLE, "GPX: " + e.getClass().getSimpleName());
        }
        try {
            List<WayPoint> points = gpx.tracks().flatMap(t -> t.segments()).flatMap(s -> s.points()).toList();
            String type = gpx.tracks().findFirst().flatMap(t -> t.getType()).orElse("").toLowerCase(Locale.ROOT);
            if (!type.isEmpty() && !type.contains("run") && !type.equals("9")) {
                return Result.failed(GarminProblemCode.GARMIN_NOT_A_RUN, "GPX type " + type);
            }
            Columns c = new Columns();
            Instant t0 = null;
            double distance = 0;
            WayPoint prev = null;
            for (WayPoint p : points) {
                Optional<Instant> time = p.getTime();
                if (time.isEmpty()) {
                    continue;
                }
                if (t0 == null) {
                    t0 = time.get();
                }
                double lat = p.getLatitude().doubleValue();
                double lon = p.getLongitude().doubleValue();
                if (prev != null) {
                    distance += Geo.haversineM(prev.getLatitude().doubleValue(), prev.getLongitude().doubleValue(),
                            lat, lon);
                }
                prev = p;
                double hr = extension(p, "hr");
                double cad = extension(p, "cad");
                // Garmin writes one-foot cadence in GPX; steps per minute are both feet.
                cad = cad > 0 && cad < 120 ? cad * 2 : cad;
                c.add((time.get().toEpochMilli() - t0.toEpochMilli()) / 1000.0, distance,
                        p.getSpeed().map(s -> s.doubleValue()).orElse(Double.NaN), hr, cad,
                        p.getElevation().map(e -> e.doubleValue()).orElse(Double.NaN), lat, lon);
            }
            if (c.size() == 0) {
                return Result.failed(GarminProblemCode.GARMIN_NO_DATA, "GPX without timed points");
            }
            String name = gpx.tracks().findFirst().flatMap(t -> t.getName()).orElse("");
            OptionalDouble dist = distance > 0 ? OptionalDouble.of(distance) : OptionalDouble.empty();
            OptionalDouble dur = c.lastElapsed() > 0 ? OptionalDouble.of(c.lastElapsed()) : OptionalDouble.empty();
            // GPX has no timer: moving time is left to the analysis, which drops pauses from the samples.
            return Result.ok(new Activity(id, "file", name, SportType.UNKNOWN,
                    Optional.of(t0.atZone(ZoneOffset.UTC)), dur, OptionalDouble.empty(), dist, null, c.build(), List.of(),
                    SessionTags.none()));
        } catch (RuntimeException e) {
            return Result.failed(GarminProblemCode.FILE_UNREADABLE, "GPX content: " + e.getClass().getSimpleName());
        }
    }

    private static double extension(WayPoint p, String localName) {
        Optional<Document> ext = p.getExtensions();
        if (ext.isEmpty()) {
            return Double.NaN;
        }
        NodeList all = ext.get().getElementsByTagNameNS("*", localName);
        if (all.getLength() == 0) {
            all = ext.get().getElementsByTagName(localName);
        }
        for (int i = 0; i < all.getLength(); i++) {
            Node n = all.item(i);
            try {
                return Double.parseDouble(n.getTextContent().trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }
}
