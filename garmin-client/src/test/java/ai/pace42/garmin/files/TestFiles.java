package ai.pace42.garmin.files;

import com.garmin.fit.ActivityMesg;
import com.garmin.fit.DateTime;
import com.garmin.fit.Event;
import com.garmin.fit.EventMesg;
import com.garmin.fit.EventType;
import com.garmin.fit.File;
import com.garmin.fit.FileEncoder;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.Fit;
import com.garmin.fit.Intensity;
import com.garmin.fit.LapMesg;
import com.garmin.fit.Manufacturer;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.SessionMesg;
import com.garmin.fit.Sport;
import com.garmin.fit.SubSport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Activity files generated for tests: FIT through the SDK's own encoder, GPX and TCX as Garmin writes them. */
public final class TestFiles {

    public static final Instant START = Instant.parse("2026-05-03T06:30:00Z");

    private TestFiles() {
    }

    /** A 1 Hz run; with {@code pauseAt >= 0} the timer stops there for {@code pauseS} seconds. */
    public static byte[] fit(int seconds, boolean gps, boolean hr, int pauseAt, int pauseS, Sport sport,
                             SubSport sub) {
        try {
            Path tmp = Files.createTempFile("run", ".fit");
            try {
                FileEncoder enc = new FileEncoder(tmp.toFile(), Fit.ProtocolVersion.V2_0);
                long t0 = (START.toEpochMilli() - DateTime.OFFSET) / 1000;
                FileIdMesg id = new FileIdMesg();
                id.setType(File.ACTIVITY);
                id.setManufacturer(Manufacturer.GARMIN);
                id.setProduct(1);
                id.setSerialNumber(12345L);
                id.setTimeCreated(new DateTime(t0));
                enc.write(id);
                enc.write(event(t0, EventType.START));
                double dist = 0;
                long t = t0;
                long timer = 0;
                for (int i = 0; i < seconds; i++) {
                    if (i == pauseAt) {
                        enc.write(event(t, EventType.STOP_ALL));
                        t += pauseS;
                        enc.write(event(t, EventType.START));
                    }
                    double speed = 3.0 + 0.2 * Math.sin(i / 30.0);
                    dist += speed;
                    RecordMesg r = new RecordMesg();
                    r.setTimestamp(new DateTime(t));
                    r.setDistance((float) dist);
                    r.setEnhancedSpeed((float) speed);
                    r.setEnhancedAltitude((float) (50 + 3 * Math.sin(i / 100.0)));
                    r.setCadence((short) 85);
                    r.setFractionalCadence(0.5f);
                    if (hr) {
                        r.setHeartRate((short) (140 + i % 10));
                    }
                    if (gps) {
                        r.setPositionLat((int) ((51.5 + i * 1e-5) / (180.0 / 2147483648.0)));
                        r.setPositionLong((int) ((-0.12 + i * 1e-5) / (180.0 / 2147483648.0)));
                    }
                    enc.write(r);
                    t++;
                    timer++;
                }
                enc.write(event(t, EventType.STOP_ALL));
                LapMesg lap = new LapMesg();
                lap.setTimestamp(new DateTime(t));
                lap.setStartTime(new DateTime(t0));
                lap.setTotalTimerTime((float) timer);
                lap.setTotalElapsedTime((float) (t - t0));
                lap.setTotalDistance((float) dist);
                lap.setIntensity(Intensity.ACTIVE);
                enc.write(lap);
                SessionMesg s = new SessionMesg();
                s.setTimestamp(new DateTime(t));
                s.setStartTime(new DateTime(t0));
                s.setSport(sport);
                s.setSubSport(sub);
                s.setTotalTimerTime((float) timer);
                s.setTotalElapsedTime((float) (t - t0));
                s.setTotalDistance((float) dist);
                if (hr) {
                    s.setAvgHeartRate((short) 145);
                    s.setMaxHeartRate((short) 149);
                }
                s.setAvgCadence((short) 85);
                s.setNumLaps(1);
                enc.write(s);
                ActivityMesg a = new ActivityMesg();
                a.setTimestamp(new DateTime(t));
                a.setLocalTimestamp(t + 3600); // UTC+1
                a.setNumSessions(1);
                a.setTotalTimerTime((float) timer);
                enc.write(a);
                enc.close();
                return Files.readAllBytes(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EventMesg event(long t, EventType type) {
        EventMesg e = new EventMesg();
        e.setTimestamp(new DateTime(t));
        e.setEvent(Event.TIMER);
        e.setEventType(type);
        return e;
    }

    public static String gpx(int points, boolean hr, String type) {
        StringBuilder b = new StringBuilder("""
            <?xml version="1.0" encoding="UTF-8"?>
            <gpx creator="Garmin Connect" version="1.1" xmlns="http://www.topografix.com/GPX/1/1"
                 xmlns:ns3="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
              <trk><name>Lunch Run</name><type>%s</type><trkseg>
            """.formatted(type));
        for (int i = 0; i < points; i++) {
            b.append("<trkpt lat=\"").append(51.5 + i * 2.7e-5).append("\" lon=\"-0.12\"><ele>")
                    .append(12 + i % 3).append("</ele><time>").append(START.plusSeconds(i)).append("</time>");
            if (hr) {
                b.append("<extensions><ns3:TrackPointExtension><ns3:hr>").append(150 + i % 5)
                        .append("</ns3:hr><ns3:cad>86</ns3:cad></ns3:TrackPointExtension></extensions>");
            }
            b.append("</trkpt>\n");
        }
        return b.append("</trkseg></trk></gpx>").toString();
    }

    public static String tcx(int points, boolean gps, boolean hr) {
        StringBuilder b = new StringBuilder("""
            <?xml version="1.0" encoding="UTF-8"?>
            <TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
                xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">
             <Activities><Activity Sport="Running"><Id>%s</Id>
              <Lap StartTime="%s"><TotalTimeSeconds>%d</TotalTimeSeconds><DistanceMeters>%d</DistanceMeters>
               <Intensity>Active</Intensity><TriggerMethod>Manual</TriggerMethod><Track>
            """.formatted(START, START, points, points * 3));
        for (int i = 0; i < points; i++) {
            b.append("<Trackpoint><Time>").append(START.plusSeconds(i)).append("</Time>");
            if (gps) {
                b.append("<Position><LatitudeDegrees>").append(47.0 + i * 2.7e-5)
                        .append("</LatitudeDegrees><LongitudeDegrees>8.0</LongitudeDegrees></Position>")
                        .append("<AltitudeMeters>410.2</AltitudeMeters>");
            }
            b.append("<DistanceMeters>").append(i * 3.0).append("</DistanceMeters>");
            if (hr) {
                b.append("<HeartRateBpm><Value>").append(148 + i % 4).append("</Value></HeartRateBpm>");
            }
            b.append("<Extensions><ns3:TPX><ns3:Speed>3.0</ns3:Speed><ns3:RunCadence>87</ns3:RunCadence></ns3:TPX>")
                    .append("</Extensions></Trackpoint>\n");
        }
        return b.append("</Track></Lap></Activity></Activities></TrainingCenterDatabase>").toString();
    }
}
