package ai.pace42.garmin.sync;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.Samples;
import ai.pace42.garmin.TestActivities;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stored activity bytes are read from a database row: decoding them must never inflate or allocate without bound. */
class ActivityCodecBoundsTest {

    /**
     * A well-formed record of 500,000 zero samples (4 MB raw) deflated at the strongest level: about 1000:1, far
     * tighter than any real recording packs. Without the ratio cap it decodes.
     */
    private static byte[] deflateBomb() throws DataFormatException {
        Activity a = TestActivities.twoHourRun();
        Activity bomb = new Activity(a.id(), a.source(), a.name(), a.sport(), a.start(), a.elapsedS(), a.movingS(),
                a.distanceM(), a.summary(), Samples.builder(new double[500_000]).build(), a.laps(), a.tags());
        byte[] stored = ActivityCodec.encode(bomb);
        Inflater inf = new Inflater();
        inf.setInput(stored, 1, stored.length - 1);
        byte[] raw = new byte[8 << 20];
        int n = inf.inflate(raw);
        inf.end();
        return versioned(Arrays.copyOf(raw, n), Deflater.BEST_COMPRESSION);
    }

    @Test
    void a_deflate_bomb_is_refused_for_its_ratio_before_it_is_read() throws DataFormatException {
        byte[] bomb = deflateBomb();
        assertThat(bomb.length).as("the bomb is small on disk").isLessThan(10_000);

        assertThat(ActivityCodec.decode(bomb)).isEmpty();
        assertThatThrownBy(() -> ActivityCodec.inflate(bomb, InflateLimits.STORED_ACTIVITY))
                .isInstanceOf(InflateLimits.Exceeded.class)
                .hasMessage("inflates past 300:1");
    }

    @Test
    void the_size_cap_holds_whatever_the_ratio() {
        byte[] run = ActivityCodec.encode(TestActivities.twoHourRun());
        InflateLimits small = new InflateLimits(100_000, 1_000_000, 0);

        assertThat(ActivityCodec.decode(run, small)).isEmpty();
        assertThatThrownBy(() -> ActivityCodec.inflate(run, small))
                .isInstanceOf(InflateLimits.Exceeded.class)
                .hasMessage("inflates past 100000 bytes");
        assertThat(ActivityCodec.decode(run)).as("a real two-hour run is well inside the default").isPresent();
    }

    /** A short record whose sample count claims 200 million samples must not allocate 1.6 GB before failing. */
    @Test
    void a_sample_count_beyond_the_stored_bytes_is_a_miss_not_an_allocation() throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(raw);
        out.writeUTF("1");
        out.writeUTF("garmin");
        out.writeUTF("run");
        out.writeUTF("ROAD");
        out.writeBoolean(false); // no start
        for (int i = 0; i < 3 + 6; i++) {
            out.writeBoolean(false); // elapsed, moving, distance, then the six summary numbers
        }
        out.writeUTF(""); // conditions
        out.writeInt(0); // zones
        out.writeBoolean(false); // race
        out.writeUTF(""); // planned
        out.writeInt(0); // laps
        out.writeInt(200_000_000); // samples claimed
        out.writeByte(1); // one column present, no bytes for it
        out.flush();

        assertThat(ActivityCodec.decode(versioned(raw.toByteArray(), Deflater.DEFAULT_COMPRESSION))).isEmpty();

        // Refused from the count alone, before any buffer is sized by it (a short read would fail only after).
        ByteArrayOutputStream columns = new ByteArrayOutputStream();
        DataOutputStream samples = new DataOutputStream(columns);
        samples.writeInt(200_000_000);
        samples.writeByte(0xff);
        samples.write(new byte[64]);
        assertThatThrownBy(() -> ActivityCodec.readSamples(
                new DataInputStream(new ByteArrayInputStream(columns.toByteArray()))))
                .isInstanceOf(IOException.class)
                .hasMessage("sample count beyond the stored bytes");
    }

    private static byte[] versioned(byte[] raw, int level) {
        Deflater d = new Deflater(level);
        d.setInput(raw);
        d.finish();
        byte[] buf = new byte[raw.length + 64];
        int n = d.deflate(buf);
        d.end();
        byte[] bytes = new byte[n + 1];
        bytes[0] = ActivityCodec.VERSION;
        System.arraycopy(buf, 0, bytes, 1, n);
        return bytes;
    }
}
