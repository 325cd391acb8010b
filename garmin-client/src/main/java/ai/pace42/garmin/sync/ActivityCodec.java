package ai.pace42.garmin.sync;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivitySummary;
import ai.pace42.coach.model.HrZoneTimes;
import ai.pace42.coach.model.Lap;
import ai.pace42.coach.model.LapIntensity;
import ai.pace42.coach.model.Samples;
import ai.pace42.coach.model.SessionTags;
import ai.pace42.coach.model.SportType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A normalised {@link Activity} as compact bytes for the database cache, and back. The sample columns are written
 * as raw doubles (lossless: the coach must see exactly what it saw before a restart) and the whole record is
 * deflated. The first byte is the format version, so a later format can be added without a migration; bytes of
 * an unknown version decode to empty and are simply fetched again.
 *
 * <p>Decoding is bounded: the bytes come from a database row, and a row someone could write (or a damaged one)
 * must not make the server inflate gigabytes. See {@link InflateLimits}.
 */
public final class ActivityCodec {

    private static final Logger LOG = LoggerFactory.getLogger(ActivityCodec.class);

    /** The code logged when stored bytes are refused for inflating past the limits. */
    public static final String REFUSED_CODE = "ACTIVITY_BYTES_REFUSED";

    /**
     * 2: the summary carries the weather in words; 3: and Garmin's time in HR zones. Version 2 still decodes
     * (without zones): imported files are stored with this codec and cannot be fetched again. Version-1 bytes
     * are a cache miss and fetched again.
     */
    static final byte VERSION = 3;

    private ActivityCodec() {
    }

    public static byte[] encode(Activity a) {
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream(64 + a.samples().size() * 64);
            DataOutputStream out = new DataOutputStream(raw);
            out.writeUTF(a.id());
            out.writeUTF(a.source());
            out.writeUTF(a.name());
            out.writeUTF(a.sport().name());
            writeStart(out, a.start());
            writeOptional(out, a.elapsedS());
            writeOptional(out, a.movingS());
            writeOptional(out, a.distanceM());
            writeSummary(out, a.summary());
            out.writeBoolean(a.tags().race());
            out.writeUTF(a.tags().planned().orElse(""));
            writeLaps(out, a.laps());
            writeSamples(out, a.samples());
            out.flush();
            return deflate(raw.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen on a byte array
        }
    }

    /** Empty for bytes of another version or damaged bytes: the caller treats that as a cache miss. */
    public static Optional<Activity> decode(byte[] bytes) {
        return decode(bytes, InflateLimits.STORED_ACTIVITY);
    }

    static Optional<Activity> decode(byte[] bytes, InflateLimits limits) {
        if (bytes == null || bytes.length < 2 || bytes[0] != VERSION && bytes[0] != 2) {
            return Optional.empty();
        }
        byte[] raw;
        try {
            raw = inflate(bytes, limits);
        } catch (InflateLimits.Exceeded e) {
            // Never the bytes themselves: only their size and which limit they passed.
            LOG.warn("code={} stored activity of {} bytes refused: {}", REFUSED_CODE, bytes.length, e.getMessage());
            return Optional.empty();
        } catch (DataFormatException e) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(raw))) {
            String id = in.readUTF();
            String source = in.readUTF();
            String name = in.readUTF();
            SportType sport = SportType.valueOf(in.readUTF());
            Optional<ZonedDateTime> start = readStart(in);
            OptionalDouble elapsed = readOptional(in);
            OptionalDouble moving = readOptional(in);
            OptionalDouble distance = readOptional(in);
            ActivitySummary summary = readSummary(in, bytes[0]);
            boolean race = in.readBoolean();
            String planned = in.readUTF();
            List<Lap> laps = readLaps(in);
            Samples samples = readSamples(in);
            SessionTags tags = new SessionTags(race, planned.isEmpty() ? Optional.empty() : Optional.of(planned));
            return Optional.of(new Activity(id, source, name, sport, start, elapsed, moving, distance, summary,
                    samples, laps, tags));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void writeStart(DataOutputStream out, Optional<ZonedDateTime> start) throws IOException {
        out.writeBoolean(start.isPresent());
        if (start.isPresent()) {
            Instant i = start.get().toInstant();
            out.writeLong(i.getEpochSecond());
            out.writeInt(i.getNano());
            out.writeUTF(start.get().getZone().getId());
        }
    }

    private static Optional<ZonedDateTime> readStart(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return Optional.empty();
        }
        Instant i = Instant.ofEpochSecond(in.readLong(), in.readInt());
        return Optional.of(i.atZone(ZoneId.of(in.readUTF())));
    }

    private static void writeOptional(DataOutputStream out, OptionalDouble v) throws IOException {
        out.writeBoolean(v.isPresent());
        if (v.isPresent()) {
            out.writeDouble(v.getAsDouble());
        }
    }

    private static OptionalDouble readOptional(DataInputStream in) throws IOException {
        return in.readBoolean() ? OptionalDouble.of(in.readDouble()) : OptionalDouble.empty();
    }

    private static void writeSummary(DataOutputStream out, ActivitySummary s) throws IOException {
        writeOptional(out, s.averageHeartRate());
        writeOptional(out, s.maxHeartRate());
        writeOptional(out, s.averageCadenceSpm());
        writeOptional(out, s.totalAscentM());
        writeOptional(out, s.totalDescentM());
        writeOptional(out, s.temperatureC());
        out.writeUTF(s.conditions().orElse(""));
        out.writeInt(s.hrZones().zones().size());
        for (HrZoneTimes.Zone z : s.hrZones().zones()) {
            out.writeInt(z.number());
            out.writeDouble(z.seconds());
            out.writeInt(z.lowBpm().orElse(-1));
        }
    }

    private static ActivitySummary readSummary(DataInputStream in, byte version) throws IOException {
        ActivitySummary s = new ActivitySummary(readOptional(in), readOptional(in), readOptional(in),
                readOptional(in), readOptional(in), readOptional(in), Optional.of(in.readUTF()));
        if (version < 3) {
            return s;
        }
        int n = in.readInt();
        if (n < 0 || n > 10) {
            throw new IOException("bad zone count");
        }
        List<HrZoneTimes.Zone> zones = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int number = in.readInt();
            double seconds = in.readDouble();
            int low = in.readInt();
            zones.add(new HrZoneTimes.Zone(number, seconds, low < 0 ? OptionalInt.empty() : OptionalInt.of(low)));
        }
        return s.withHrZones(new HrZoneTimes(zones));
    }

    private static void writeLaps(DataOutputStream out, List<Lap> laps) throws IOException {
        out.writeInt(laps.size());
        for (Lap l : laps) {
            out.writeDouble(l.startS());
            out.writeDouble(l.durationS());
            writeOptional(out, l.distanceM());
            out.writeUTF(l.intensity().name());
        }
    }

    private static List<Lap> readLaps(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<Lap> laps = new ArrayList<>(Math.min(n, 1000));
        for (int i = 0; i < n; i++) {
            laps.add(new Lap(in.readDouble(), in.readDouble(), readOptional(in), LapIntensity.valueOf(in.readUTF())));
        }
        return laps;
    }

    private static void writeSamples(DataOutputStream out, Samples s) throws IOException {
        double[][] columns = columns(s);
        out.writeInt(s.size());
        int present = 0;
        for (int c = 0; c < columns.length; c++) {
            present |= columns[c].length == 0 ? 0 : 1 << c;
        }
        out.writeByte(present);
        ByteBuffer buf = ByteBuffer.allocate(s.size() * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (double[] column : columns) {
            if (column.length > 0) {
                buf.clear();
                buf.asDoubleBuffer().put(column);
                out.write(buf.array(), 0, column.length * Double.BYTES);
            }
        }
    }

    static Samples readSamples(DataInputStream in) throws IOException {
        int n = in.readInt();
        int present = in.readUnsignedByte();
        // The count comes from the bytes: allocate only what the remaining bytes can fill.
        if (n < 0 || (long) n * Double.BYTES * Integer.bitCount(present) > in.available()) {
            throw new IOException("sample count beyond the stored bytes");
        }
        double[][] columns = new double[8][];
        byte[] bytes = new byte[n * Double.BYTES];
        for (int c = 0; c < columns.length; c++) {
            if ((present & 1 << c) == 0) {
                columns[c] = new double[0];
                continue;
            }
            in.readFully(bytes);
            columns[c] = new double[n];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(columns[c]);
        }
        return new Samples(columns[0], columns[1], columns[2], columns[3], columns[4], columns[5], columns[6],
                columns[7]);
    }

    private static double[][] columns(Samples s) {
        return new double[][] {s.elapsedS(), s.distanceM(), s.speedMps(), s.heartRate(), s.cadenceSpm(),
            s.altitudeM(), s.latitude(), s.longitude()};
    }

    /** Version byte, then the deflated body. BEST_SPEED: the cache is read far more often than written. */
    private static byte[] deflate(byte[] raw) {
        Deflater d = new Deflater(Deflater.BEST_SPEED);
        try {
            d.setInput(raw);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 16);
            out.write(VERSION);
            byte[] chunk = new byte[64 * 1024];
            while (!d.finished()) {
                out.write(chunk, 0, d.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    static byte[] inflate(byte[] bytes, InflateLimits limits) throws DataFormatException {
        Inflater inf = new Inflater();
        try {
            inf.setInput(bytes, 1, bytes.length - 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 2);
            byte[] chunk = new byte[64 * 1024];
            while (!inf.finished()) {
                int n = inf.inflate(chunk);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw new DataFormatException("truncated");
                }
                limits.check(out.size() + (long) n, bytes.length - 1);
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } finally {
            inf.end();
        }
    }
}
