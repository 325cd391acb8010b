package ai.pace42.garmin.files;

import java.io.ByteArrayOutputStream;

/**
 * Hand-made FIT files for what the SDK's encoder never writes: compressed-timestamp headers, big-endian
 * definitions, odd field sizes. Call {@link #define} and {@link #data}/{@link #compressed}, then {@link #bytes}.
 */
final class FitBytes {

    /** A field of a definition: number, size in bytes, base type byte. */
    record Field(int number, int size, int baseType) {
    }

    static final int UINT8 = 0x02;
    static final int UINT16 = 0x84;
    static final int UINT32 = 0x86;
    static final int SINT32 = 0x85;
    static final int ENUM = 0x00;

    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private final boolean[] bigEndian = new boolean[16];

    FitBytes define(int local, int global, boolean big, Field... fields) {
        return define(local, global, big, 0, fields);
    }

    /** With {@code developerBytes > 0}, one developer field of that size is declared after the fields. */
    FitBytes define(int local, int global, boolean big, int developerBytes, Field... fields) {
        data.write(0x40 | (developerBytes > 0 ? 0x20 : 0) | local);
        data.write(0);
        data.write(big ? 1 : 0);
        write(global, 2, big);
        data.write(fields.length);
        for (Field f : fields) {
            data.write(f.number());
            data.write(f.size());
            data.write(f.baseType());
        }
        if (developerBytes > 0) {
            data.write(1);
            data.write(0);
            data.write(developerBytes);
            data.write(0);
        }
        bigEndian[local] = big;
        return this;
    }

    /** A data message with a normal header; each value is written in its field's size. */
    FitBytes data(int local, long... values) {
        data.write(local);
        return values(local, values);
    }

    /** A data message with a compressed-timestamp header (local types 0–3 only). */
    FitBytes compressed(int local, int timeOffset, long... values) {
        data.write(0x80 | local << 5 | timeOffset & 0x1F);
        return values(local, values);
    }

    /** Raw bytes appended as they are (developer field content, garbage). */
    FitBytes raw(int... bytes) {
        for (int b : bytes) {
            data.write(b);
        }
        return this;
    }

    private int[] sizes = new int[0];

    /** The field sizes the following {@code data}/{@code compressed} values use. */
    FitBytes sizes(int... s) {
        sizes = s;
        return this;
    }

    private FitBytes values(int local, long[] values) {
        for (int i = 0; i < values.length; i++) {
            write(values[i], sizes[i], bigEndian[local]);
        }
        return this;
    }

    private void write(long v, int size, boolean big) {
        for (int i = 0; i < size; i++) {
            int shift = 8 * (big ? size - 1 - i : i);
            data.write((int) (v >>> shift) & 0xFF);
        }
    }

    /** A complete file: 14-byte header with its CRC, the messages, the file CRC. */
    byte[] bytes() {
        byte[] body = data.toByteArray();
        byte[] out = new byte[14 + body.length + 2];
        out[0] = 14;
        out[1] = 0x20;
        out[2] = (byte) 0x08;
        out[3] = (byte) 0x52;
        int n = body.length;
        out[4] = (byte) n;
        out[5] = (byte) (n >>> 8);
        out[6] = (byte) (n >>> 16);
        out[7] = (byte) (n >>> 24);
        out[8] = '.';
        out[9] = 'F';
        out[10] = 'I';
        out[11] = 'T';
        int headerCrc = FitCrc.of(out, 0, 12);
        out[12] = (byte) headerCrc;
        out[13] = (byte) (headerCrc >>> 8);
        System.arraycopy(body, 0, out, 14, n);
        return withFileCrc(out);
    }

    /** Recomputes the file CRC in place (for tests that change the body on purpose). */
    static byte[] withFileCrc(byte[] file) {
        int end = file.length - 2;
        int crc = FitCrc.of(file, 0, end);
        file[end] = (byte) crc;
        file[end + 1] = (byte) (crc >>> 8);
        return file;
    }
}
