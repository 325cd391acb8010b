package ai.pace42.garmin.files;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.coach.model.Activity;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.Result;
import ai.pace42.garmin.corpus.RealRecording;
import com.garmin.fit.MesgNum;
import com.garmin.fit.Sport;
import com.garmin.fit.SubSport;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Files others cannot read (real-recordings.md §1.4, §1.7): a sound header is read up to the point of damage and
 * says how much was read; a checksum mismatch is kept; chained files are read; a multisport file gives its run leg
 * and says which; a file that is not FIT, or is damaged before its first message, is still refused.
 */
class FitSalvageTest {

    private final ActivityFileImporter importer = new ActivityFileImporter();

    /** 20 minutes at about 3 m/s with heart rate and GPS. */
    private static byte[] run() {
        return TestFiles.fit(1200, true, true, -1, 0, Sport.RUNNING, SubSport.STREET);
    }

    private Activity imported(String name, byte[] bytes) {
        Result<Activity> r = importer.importBytes(name, bytes);
        assertThat(r.isOk()).as(() -> r.problem().detail()).isTrue();
        return r.value();
    }

    private static byte[] corpus(String file) {
        return RealRecording.all().stream().filter(r -> r.file().equals(file)).findFirst().orElseThrow().bytes();
    }

    @Test
    void aTruncatedFileIsReadUpToWhereItStopsAndSaysHowMuch() {
        byte[] whole = run();
        byte[] cut = Arrays.copyOf(whole, whole.length * 6 / 10);

        Activity full = imported("run.fit", whole);
        Activity part = imported("run.fit", cut);

        assertThat(part.samples().size()).isPositive().isLessThan(full.samples().size());
        assertThat(part.samples().elapsedS()).isEqualTo(Arrays.copyOf(full.samples().elapsedS(), part.samples().size()));
        assertThat(FileNotes.of(part)).get().asString()
                .startsWith("partial file: read ").contains(" of " + String.format(java.util.Locale.ROOT, "%,d", cut.length)
                        + " bytes (", "the rest is damaged or missing");
        assertThat(FileNotes.of(full)).isEmpty();
        assertThat(part.name()).startsWith("run.fit — partial file");
    }

    @Test
    void aWrongChecksumKeepsEveryRecordAndSaysSo() {
        byte[] whole = run();
        byte[] badCrc = whole.clone();
        badCrc[badCrc.length - 1] ^= 0x01;

        Activity a = imported("run.fit", badCrc);

        assertThat(a.samples().size()).isEqualTo(imported("run.fit", whole).samples().size());
        assertThat(FileNotes.of(a)).get().asString().contains("checksum is missing or wrong");
    }

    @Test
    void chainedFilesAreReadAsOne() {
        byte[] settings = new FitBytes().define(0, MesgNum.FILE_ID, false, new FitBytes.Field(0, 1, FitBytes.ENUM))
                .sizes(1).data(0, 2).bytes();
        byte[] activity = run();
        byte[] chained = new byte[settings.length + activity.length];
        System.arraycopy(settings, 0, chained, 0, settings.length);
        System.arraycopy(activity, 0, chained, settings.length, activity.length);

        Activity a = imported("chained.fit", chained);

        assertThat(a.samples().size()).isEqualTo(imported("run.fit", activity).samples().size());
        assertThat(FileNotes.of(a)).get().asString().contains("2 chained FIT files read as one");
    }

    @Test
    void aMultisportFileGivesItsRunLegAndSaysWhichLeg() {
        Activity a = imported("tri.fit", corpus("python-fitparse/activity-large-fenxi2-multisport.fit"));

        assertThat(FileNotes.of(a)).get().asString().contains("the run leg: session 3 of 7 of a multisport file");
        // The leg alone: its records run at running speed, not the 28.9 km bike leg's.
        assertThat(a.distanceM().orElseThrow()).isLessThan(28_900);
    }

    @Test
    void aTriathlonsRunLegCountsItsDistanceFromTheStartOfTheLeg() {
        for (String file : List.of("muktihari-fit/triathlon_summary_first.fit", "muktihari-fit/triathlon_summary_last.fit")) {
            Activity a = imported("tri.fit", corpus(file));

            assertThat(FileNotes.of(a)).get().asString().contains("session 5 of 5");
            // The device counts distance from the swim start: 14.2 km before the run leg. Ours starts the leg at 0 and
            // ends near the session's 4,491.5 m (labelled by hand from the file's session message).
            double[] d = a.samples().distanceM();
            assertThat(d[0]).as(file).isBetween(0.0, 20.0);
            assertThat(d[d.length - 1]).as(file).isBetween(4400.0, 4600.0);
        }
    }

    @Test
    void theDamagedStravaAndroidCopyIsReadUpToTheDamageWithoutItsGarbageTail() {
        byte[] strava = corpus("python-fitparse/strava-android-app-201.10-b1218918.fit");

        Activity a = imported("strava.fit", strava);

        assertThat(FileNotes.of(a)).get().asString().startsWith("partial file: read ");
        assertThat(a.samples().size()).isPositive();
        // The last record before the damage claims a time decades ahead: it is trimmed, not read as a 60-year run.
        double[] t = a.samples().elapsedS();
        assertThat(t[t.length - 1]).isLessThan(4 * 3600);
    }

    @Test
    void aFileThatLostItsLastBytesIsReadToItsLastCompleteMessage() {
        // nick.fit: python-fitparse reads 14,392 records and then hits the end of the file (real-recordings.md §1.7).
        Activity a = imported("nick.fit", corpus("python-fitparse/nick.fit"));

        assertThat(a.samples().size()).isGreaterThan(14_000);
        assertThat(FileNotes.of(a)).get().asString().isEqualTo(
                "partial file: read 403,437 of 403,456 bytes (99.9%), the rest is damaged or missing");
    }

    @Test
    void whatIsNotFitOrIsDamagedBeforeItsFirstMessageIsStillRefused() {
        byte[] notFit = "hello, this is not a FIT file at all".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] headerOnly = Arrays.copyOf(run(), 14);

        assertThat(importer.importBytes("x.fit", notFit).problem().code()).isEqualTo(GarminProblemCode.FILE_UNSUPPORTED);
        assertThat(importer.importBytes("h.fit", headerOnly).problem().code()).isEqualTo(GarminProblemCode.FILE_UNREADABLE);
    }
}
