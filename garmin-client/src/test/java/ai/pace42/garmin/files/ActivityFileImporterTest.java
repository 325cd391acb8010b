package ai.pace42.garmin.files;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.SportType;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.Result;
import com.garmin.fit.Decode;
import com.garmin.fit.DeveloperFieldDescriptionListener;
import com.garmin.fit.Sport;
import com.garmin.fit.SubSport;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ActivityFileImporterTest {

    private final ActivityFileImporter importer = new ActivityFileImporter();

    private Activity ok(String name, byte[] bytes) {
        Result<Activity> r = importer.importBytes(name, bytes);
        assertThat(r.isOk()).as(() -> r.isOk() ? "" : r.problem().toString()).isTrue();
        return r.value();
    }

    private GarminProblemCode problem(String name, byte[] bytes) {
        Result<Activity> r = importer.importBytes(name, bytes);
        assertThat(r.isOk()).isFalse();
        return r.problem().code();
    }

    @Test
    void fit_outdoor_run_with_gps_and_hr() {
        Activity a = ok("run.fit", TestFiles.fit(600, true, true, -1, 0, Sport.RUNNING, SubSport.STREET));
        assertThat(a.sport()).isEqualTo(SportType.ROAD);
        assertThat(a.samples().size()).isEqualTo(600);
        assertThat(a.samples().hasPosition()).isTrue();
        assertThat(a.samples().latitude()[0]).isCloseTo(51.5, within(1e-6));
        assertThat(a.samples().heartRate()[0]).isEqualTo(140);
        assertThat(a.samples().cadenceSpm()[0]).isEqualTo(171); // (85 + 0.5) strides × 2
        assertThat(a.distanceM().getAsDouble()).isCloseTo(1800, within(30.0));
        assertThat(a.summary().averageHeartRate().getAsDouble()).isEqualTo(145);
        assertThat(a.start().get().getOffset().getTotalSeconds()).isEqualTo(3600);
        assertThat(a.startInstant()).contains(TestFiles.START);
        assertThat(a.laps()).hasSize(1);
        assertThat(a.id()).startsWith("file-");
        assertThat(a.name()).isEqualTo("run.fit");
    }

    @Test
    void fit_treadmill_without_gps() {
        Activity a = ok("t.fit", TestFiles.fit(300, false, true, -1, 0, Sport.RUNNING, SubSport.TREADMILL));
        assertThat(a.sport()).isEqualTo(SportType.TREADMILL);
        assertThat(a.samples().hasPosition()).isFalse();
        assertThat(a.samples().hasDistance()).isTrue();
    }

    @Test
    void fit_without_heart_rate() {
        Activity a = ok("nohr.fit", TestFiles.fit(300, true, false, -1, 0, Sport.RUNNING, SubSport.GENERIC));
        assertThat(a.samples().hasHeartRate()).isFalse();
        assertThat(a.summary().averageHeartRate()).isEmpty();
    }

    @Test
    void fit_paused_run_keeps_timer_and_elapsed_apart() {
        Activity a = ok("p.fit", TestFiles.fit(600, true, true, 300, 120, Sport.RUNNING, SubSport.STREET));
        assertThat(a.movingS().getAsDouble()).isEqualTo(600);
        assertThat(a.elapsedS().getAsDouble()).isEqualTo(720);
        double[] t = a.samples().elapsedS();
        assertThat(t[300] - t[299]).isEqualTo(121); // the gap is visible in the samples
    }

    @Test
    void fit_with_developer_fields_and_watch_extras_reads_like_the_plain_run() {
        FitRunWriter plainRun = FitRunWriter.run(1300).pause(650, 60);
        byte[] withApp = FitRunWriter.run(1300).pause(650, 60).watchLike().developerFields().encode();
        assertThat(developerFieldDescriptions(withApp)).as("the file really carries an app's fields").isEqualTo(5);

        Activity plain = ok("plain.fit", plainRun.encode());
        Activity a = ok("stryd.fit", withApp);

        assertThat(a.samples().size()).isEqualTo(1300);
        assertThat(a.samples().elapsedS()).isEqualTo(plain.samples().elapsedS());
        assertThat(a.samples().distanceM()).isEqualTo(plain.samples().distanceM());
        assertThat(a.samples().heartRate()).isEqualTo(plain.samples().heartRate());
        assertThat(a.samples().cadenceSpm()).isEqualTo(plain.samples().cadenceSpm());
        assertThat(a.samples().latitude()).isEqualTo(plain.samples().latitude());
        assertThat(a.movingS()).isEqualTo(plain.movingS());
        assertThat(a.elapsedS().getAsDouble()).isEqualTo(1360);
        assertThat(a.laps()).hasSize(4); // a lap per km over 3.9 km
        assertThat(a.laps().get(1).startS()).isCloseTo(a.laps().get(0).durationS(), within(2.0));
    }

    private static int developerFieldDescriptions(byte[] fit) {
        int[] count = {0};
        Decode decode = new Decode();
        decode.addListener((DeveloperFieldDescriptionListener) d -> count[0]++);
        decode.read(new ByteArrayInputStream(fit), m -> { });
        return count[0];
    }

    @Test
    void fit_damaged_before_its_first_message_is_refused_cleanly() {
        // Truncated or damaged files with a sound header are read up to the damage (FitSalvageTest); one cut inside
        // its first definition has nothing to give.
        byte[] good = TestFiles.fit(120, true, true, -1, 0, Sport.RUNNING, SubSport.STREET);
        byte[] cutInHeader = Arrays.copyOf(good, 16);
        assertThat(problem("t.fit", cutInHeader)).isEqualTo(GarminProblemCode.FILE_UNREADABLE);
        byte[] badSignature = good.clone();
        badSignature[9] = 'X';
        assertThat(problem("f.fit", badSignature)).isIn(GarminProblemCode.FILE_UNREADABLE, GarminProblemCode.FILE_UNSUPPORTED);
    }

    @Test
    void fit_ride_is_not_a_run() {
        assertThat(problem("ride.fit", TestFiles.fit(60, true, true, -1, 0, Sport.CYCLING, SubSport.ROAD)))
                .isEqualTo(GarminProblemCode.GARMIN_NOT_A_RUN);
    }

    @Test
    void gpx_with_garmin_hr_and_cadence_extensions() {
        Activity a = ok("run.gpx", TestFiles.gpx(300, true, "running").getBytes(StandardCharsets.UTF_8));
        assertThat(a.samples().size()).isEqualTo(300);
        assertThat(a.samples().heartRate()[1]).isEqualTo(151);
        assertThat(a.samples().cadenceSpm()[0]).isEqualTo(172);
        assertThat(a.distanceM().getAsDouble()).isCloseTo(299 * 3.0, within(20.0));
        assertThat(a.name()).isEqualTo("Lunch Run");
    }

    @Test
    void gpx_without_hr_and_indoor_gpx_with_an_empty_segment() {
        Activity a = ok("nohr.gpx", TestFiles.gpx(60, false, "running").getBytes(StandardCharsets.UTF_8));
        assertThat(a.samples().hasHeartRate()).isFalse();
        assertThat(problem("indoor.gpx", TestFiles.gpx(0, false, "running").getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(GarminProblemCode.GARMIN_NO_DATA);
        assertThat(problem("ride.gpx", TestFiles.gpx(10, false, "cycling").getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(GarminProblemCode.GARMIN_NOT_A_RUN);
    }

    @Test
    void tcx_outdoor_and_treadmill_without_gps() {
        Activity a = ok("run.tcx", TestFiles.tcx(200, true, true).getBytes(StandardCharsets.UTF_8));
        assertThat(a.samples().size()).isEqualTo(200);
        assertThat(a.samples().hasPosition()).isTrue();
        assertThat(a.samples().heartRate()[0]).isEqualTo(148);
        assertThat(a.samples().cadenceSpm()[0]).isEqualTo(174);
        assertThat(a.laps()).hasSize(1);
        assertThat(a.distanceM().getAsDouble()).isEqualTo(600);
        Activity t = ok("tread.tcx", TestFiles.tcx(200, false, false).getBytes(StandardCharsets.UTF_8));
        assertThat(t.samples().hasPosition()).isFalse();
        assertThat(t.samples().hasHeartRate()).isFalse();
        assertThat(t.samples().hasDistance()).isTrue();
    }

    @Test
    void xml_with_external_entities_is_not_expanded() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<TrainingCenterDatabase><Activities><Activity Sport=\"Running\"><Lap><TotalTimeSeconds>&e;"
                + "</TotalTimeSeconds></Lap></Activity></Activities></TrainingCenterDatabase>";
        Result<Activity> r = importer.importBytes("x.tcx", xxe.getBytes(StandardCharsets.UTF_8));
        assertThat(r.isOk()).isFalse();
        assertThat(r.problem().detail()).doesNotContain("root:");
        String gpxXxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<gpx version=\"1.1\" xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><name>&e;</name><trkseg>"
                + "<trkpt lat=\"1\" lon=\"1\"><time>2026-05-03T06:30:00Z</time></trkpt></trkseg></trk></gpx>";
        Result<Activity> g = importer.importBytes("x.gpx", gpxXxe.getBytes(StandardCharsets.UTF_8));
        assertThat(g.isOk() ? g.value().name() : "").doesNotContain("root:");
    }

    @Test
    void files_over_25_mb_are_refused_without_reading_them_whole() {
        InputStream huge = new InputStream() {
            long served;

            @Override
            public int read() {
                return served++ < ActivityFileImporter.MAX_BYTES + 10 ? 'a' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                long left = ActivityFileImporter.MAX_BYTES + 10 - served;
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                served += n;
                return n;
            }
        };
        assertThat(importer.importFile("big.fit", huge).problem().code()).isEqualTo(GarminProblemCode.FILE_TOO_LARGE);
    }

    @Test
    void unknown_formats_and_empty_files_get_a_clear_refusal() {
        assertThat(problem("photo.jpg", new byte[]{(byte) 0xFF, (byte) 0xD8, 1, 2})).isEqualTo(
                GarminProblemCode.FILE_UNSUPPORTED);
        assertThat(problem("empty.fit", new byte[0])).isEqualTo(GarminProblemCode.FILE_UNSUPPORTED);
        assertThat(importer.importFile("r.tcx", new ByteArrayInputStream(
                TestFiles.tcx(10, true, true).getBytes(StandardCharsets.UTF_8))).isOk()).isTrue();
        assertThat(problem("broken.tcx", "<TrainingCenterDatabase><Activities><Act".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(GarminProblemCode.FILE_UNREADABLE);
    }
}
