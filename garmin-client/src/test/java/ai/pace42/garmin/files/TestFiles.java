package ai.pace42.garmin.files;

import com.garmin.fit.Sport;
import com.garmin.fit.SubSport;

import java.time.Instant;

/** Activity files generated for tests: FIT through the SDK's own encoder, GPX and TCX as Garmin writes them. */
public final class TestFiles {

    public static final Instant START = Instant.parse("2026-05-03T06:30:00Z");

    private TestFiles() {
    }

    /** A 1 Hz run; with {@code pauseAt >= 0} the timer stops there for {@code pauseS} seconds. */
    public static byte[] fit(int seconds, boolean gps, boolean hr, int pauseAt, int pauseS, Sport sport,
                             SubSport sub) {
        return FitRunWriter.run(seconds).gps(gps).heartRate(hr).pause(pauseAt, pauseS).sport(sport, sub).encode();
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
