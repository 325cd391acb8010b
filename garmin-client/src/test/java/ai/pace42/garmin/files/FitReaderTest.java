package ai.pace42.garmin.files;

import ai.pace42.coach.model.Activity;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.Result;
import ai.pace42.garmin.files.FitBytes.Field;
import ai.pace42.coach.model.Samples;
import com.garmin.fit.CRC;
import com.garmin.fit.Decode;
import com.garmin.fit.MesgBroadcaster;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.RecordMesgListener;
import com.garmin.fit.MesgNum;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static ai.pace42.garmin.files.FitBytes.SINT32;
import static ai.pace42.garmin.files.FitBytes.UINT16;
import static ai.pace42.garmin.files.FitBytes.UINT32;
import static ai.pace42.garmin.files.FitBytes.UINT8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The lean FIT reader on what the SDK's encoder never writes, and on damaged files. */
class FitReaderTest {

    private static final long T0 = 1_125_000_030L; // FIT seconds; low five bits = 30, so offsets roll over soon

    private static Activity imported(byte[] fit) {
        Result<Activity> r = new ActivityFileImporter().importBytes("hand.fit", fit);
        assertThat(r.isOk()).as(() -> r.isOk() ? "" : r.problem().toString()).isTrue();
        return r.value();
    }

    @Test
    void crc_is_the_one_the_sdk_computes() {
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        int sdk = 0;
        for (byte b : bytes) {
            sdk = CRC.get16(sdk, b);
        }
        assertThat(FitCrc.of(bytes, 0, bytes.length)).isEqualTo(sdk);
    }

    @Test
    void reads_every_record_value_as_the_sdk_decoder_does() {
        byte[] fit = FitRunWriter.run(900).pause(400, 30).watchLike().developerFields().encode();
        List<RecordMesg> sdk = new ArrayList<>();
        Decode decode = new Decode();
        MesgBroadcaster broadcaster = new MesgBroadcaster(decode);
        broadcaster.addListener((RecordMesgListener) sdk::add);
        decode.read(new ByteArrayInputStream(fit), broadcaster, broadcaster);

        Samples ours = imported(fit).samples();

        assertThat(ours.size()).isEqualTo(sdk.size()).isEqualTo(900);
        long t0 = sdk.get(0).getTimestamp().getTimestamp();
        for (int i = 0; i < sdk.size(); i++) {
            RecordMesg r = sdk.get(i);
            assertThat(ours.elapsedS()[i]).isEqualTo(r.getTimestamp().getTimestamp() - t0);
            assertThat(ours.distanceM()[i]).isCloseTo(r.getDistance(), within(1e-3));
            assertThat(ours.speedMps()[i]).isCloseTo(r.getEnhancedSpeed(), within(1e-5));
            assertThat(ours.altitudeM()[i]).isCloseTo(r.getEnhancedAltitude(), within(1e-4));
            assertThat(ours.heartRate()[i]).isEqualTo(r.getHeartRate().doubleValue());
            assertThat(ours.cadenceSpm()[i]).isCloseTo((r.getCadence() + r.getFractionalCadence()) * 2, within(1e-6));
            assertThat(ours.latitude()[i]).isCloseTo(r.getPositionLat() * 180.0 / 2147483648.0, within(1e-9));
            assertThat(ours.longitude()[i]).isCloseTo(r.getPositionLong() * 180.0 / 2147483648.0, within(1e-9));
        }
    }

    @Test
    void compressed_timestamps_count_from_the_last_full_timestamp_and_roll_over() {
        byte[] fit = new FitBytes()
                .define(0, MesgNum.RECORD, false, new Field(253, 4, UINT32), new Field(3, 1, UINT8),
                        new Field(5, 4, UINT32))
                .sizes(4, 1, 4).data(0, T0, 150, 0)
                .define(1, MesgNum.RECORD, false, new Field(3, 1, UINT8), new Field(5, 4, UINT32))
                .sizes(1, 4)
                .compressed(1, 31, 151, 300)  // T0 + 1
                .compressed(1, 1, 152, 600)   // rolled over: T0 + 3
                .compressed(1, 2, 153, 900)   // T0 + 4
                .bytes();

        Activity a = imported(fit);

        assertThat(a.samples().elapsedS()).containsExactly(0, 1, 3, 4);
        assertThat(a.samples().heartRate()).containsExactly(150, 151, 152, 153);
        assertThat(a.samples().distanceM()).containsExactly(0, 3, 6, 9);
    }

    @Test
    void big_endian_definitions_and_developer_fields_are_read_by_size() {
        double lat = 47.25;
        long semicircles = Math.round(lat * 2147483648.0 / 180.0);
        byte[] fit = new FitBytes()
                .define(2, MesgNum.RECORD, true, 3, new Field(253, 4, UINT32), new Field(0, 4, SINT32),
                        new Field(1, 4, SINT32), new Field(73, 4, UINT32), new Field(3, 1, UINT8))
                .sizes(4, 4, 4, 4, 1).data(2, T0, semicircles, semicircles, 3250, 140).raw(0xAA, 0xBB, 0xCC)
                .sizes(4, 4, 4, 4, 1).data(2, T0 + 1, semicircles, semicircles, 3300, 0xFF).raw(1, 2, 3)
                .bytes();

        Activity a = imported(fit);

        assertThat(a.samples().size()).isEqualTo(2);
        assertThat(a.samples().latitude()[0]).isCloseTo(lat, within(1e-6));
        assertThat(a.samples().speedMps()).containsExactly(3.25, 3.3);
        assertThat(a.samples().heartRate()[0]).isEqualTo(140);
        assertThat(a.samples().heartRate()[1]).as("0xFF is FIT's 'no value'").isNaN();
    }

    @Test
    void a_field_narrower_than_its_type_is_ignored_not_misread() {
        byte[] fit = new FitBytes()
                .define(0, MesgNum.RECORD, false, new Field(253, 4, UINT32), new Field(5, 2, UINT32),
                        new Field(3, 1, UINT8))
                .sizes(4, 2, 1).data(0, T0, 777, 150).data(0, T0 + 1, 778, 151)
                .bytes();

        Activity a = imported(fit);

        assertThat(a.samples().hasDistance()).isFalse();
        assertThat(a.samples().heartRate()).containsExactly(150, 151);
    }

    @Test
    void data_for_an_undefined_local_message_or_cut_short_is_unreadable() {
        byte[] undefined = new FitBytes().sizes(1).data(3, 1).bytes();
        assertThat(problem(undefined)).isEqualTo(GarminProblemCode.FILE_UNREADABLE);

        byte[] shortMessage = new FitBytes()
                .define(0, MesgNum.RECORD, false, new Field(253, 4, UINT32), new Field(3, 1, UINT8))
                .sizes(4).data(0, T0).bytes(); // one byte short of the definition's five
        assertThat(problem(shortMessage)).isEqualTo(GarminProblemCode.FILE_UNREADABLE);
    }

    /**
     * Random damage with the CRC fixed up, so the reader itself has to cope: every outcome is an activity or a typed
     * problem, and no problem comes from an exception escaping the reader (an index out of bounds, say).
     */
    @Test
    void damaged_files_with_a_valid_crc_never_break_the_reader() {
        byte[] good = FitRunWriter.run(300).pause(150, 20).watchLike().developerFields().encode();
        Random random = new Random(42);
        int ok = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] bad = good.clone();
            int flips = 1 + random.nextInt(8);
            for (int f = 0; f < flips; f++) {
                bad[14 + random.nextInt(bad.length - 16)] = (byte) random.nextInt(256);
            }
            Result<Activity> r = new ActivityFileImporter().importBytes("fuzz.fit", FitBytes.withFileCrc(bad));
            if (r.isOk()) {
                ok++;
            } else {
                assertThat(r.problem().detail()).doesNotContain("Exception");
            }
        }
        assertThat(ok).as("some damage only hits values, and those files still import").isPositive();
    }

    @Test
    void a_wrong_header_crc_is_unreadable() {
        byte[] fit = new FitBytes()
                .define(0, MesgNum.RECORD, false, new Field(253, 4, UINT32), new Field(3, 1, UINT8))
                .sizes(4, 1).data(0, T0, 150).bytes();
        fit[12] ^= 0x01;
        assertThat(problem(fit)).isEqualTo(GarminProblemCode.FILE_UNREADABLE);
    }

    @Test
    void uint16_speed_is_used_when_there_is_no_enhanced_speed() {
        byte[] fit = new FitBytes()
                .define(0, MesgNum.RECORD, false, new Field(253, 4, UINT32), new Field(6, 2, UINT16),
                        new Field(2, 2, UINT16))
                .sizes(4, 2, 2).data(0, T0, 2900, 2600).data(0, T0 + 1, 3100, 2605)
                .bytes();

        Activity a = imported(fit);

        assertThat(a.samples().speedMps()).containsExactly(2.9, 3.1);
        assertThat(a.samples().altitudeM()).containsExactly(20.0, 21.0); // scale 5, offset 500
    }

    private static GarminProblemCode problem(byte[] fit) {
        Result<Activity> r = new ActivityFileImporter().importBytes("bad.fit", fit);
        assertThat(r.isOk()).isFalse();
        return r.problem().code();
    }
}
