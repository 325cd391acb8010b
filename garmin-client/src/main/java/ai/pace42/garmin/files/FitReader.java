package ai.pace42.garmin.files;

import java.util.Arrays;

/**
 * A lean reader of the FIT binary format: file header and CRC, definition messages (either byte order), data
 * messages with normal or compressed-timestamp headers, developer fields skipped by their declared size. It hands
 * the caller only the message types it {@linkplain Handler#wants wants}, as a reusable {@link Fields} view over the
 * file's bytes: nothing is allocated per message, no value is boxed and fields are found by number. Why not the
 * Garmin SDK's decoder: it builds every message of the file as objects first, which made it slower than npm
 * fit-file-parser (garmin-client/PERFORMANCE.md). The SDK still provides the profile's numbers and enums.
 */
final class FitReader {

    /** Receives the data messages of the global message numbers it wants. */
    interface Handler {
        boolean wants(int globalMessage);

        void onMessage(int globalMessage, Fields fields);
    }

    static final int TIMESTAMP_FIELD = 253;
    private static final int MAX_FIELDS = 256;
    private static final int[] ELEMENT_SIZE = {1, 1, 1, 2, 2, 4, 4, 1, 4, 8, 1, 2, 4, 1, 8, 8, 8};

    private FitReader() {
    }

    /**
     * How much of a file was read. {@code complete} is false when the file stops or is damaged before its declared
     * end: every message before that point was delivered (real-recordings.md §1.7), nothing after it.
     *
     * @param bytesRead   bytes up to the last complete message (or the end of the last file)
     * @param crcMismatch a file CRC did not match: kept, as python-fitparse and fitdecode do by default
     * @param files       complete or partial FIT files read from a chain of them
     */
    record Extent(int bytesRead, int bytes, boolean complete, boolean crcMismatch, int files) {
    }

    /**
     * Reads a FIT file, or a chain of them, into {@code handler}. A file whose header is sound is read up to the
     * point of damage (truncation, a misaligned message); a bad CRC is kept and reported. Only a file that is not
     * FIT, has a damaged header, or is damaged before its first message is refused.
     */
    static Extent read(byte[] b, Handler handler) throws FitFormatException {
        checkHeader(b, 0);
        int pos = 0, files = 0;
        boolean crcMismatch = false;
        while (true) {
            int headerSize = b[pos] & 0xFF;
            long dataSize = u32le(b, pos + 4);
            long declaredEnd = pos + headerSize + dataSize;
            // Data size 0: the watch stopped before finalising the file; read to the end, there is no CRC.
            int end = dataSize == 0 ? b.length : (int) Math.min(declaredEnd, b.length);
            Walk walk = new Walk(b, handler);
            try {
                walk.messages(pos + headerSize, end);
            } catch (FitFormatException e) {
                if (files == 0 && walk.messagesRead == 0) {
                    throw e;
                }
                return new Extent(walk.at, b.length, false, crcMismatch, files + 1);
            }
            files++;
            if (dataSize == 0) {
                return new Extent(end, b.length, true, crcMismatch, files);
            }
            if (declaredEnd + 2 > b.length) {
                // All data but no CRC (or part of it) is a whole file whose CRC cannot be checked.
                boolean allData = declaredEnd <= b.length;
                return new Extent(end, b.length, allData, crcMismatch || allData, files);
            }
            int crcAt = (int) declaredEnd;
            crcMismatch |= u16le(b, crcAt) != FitCrc.of(b, pos, crcAt);
            pos = crcAt + 2;
            if (!isHeader(b, pos)) {
                return new Extent(pos, b.length, true, crcMismatch, files); // trailing bytes that start no file
            }
        }
    }

    private static void checkHeader(byte[] b, int at) throws FitFormatException {
        if (!isHeader(b, at)) {
            throw new FitFormatException("not a FIT header");
        }
        int headerSize = b[at] & 0xFF;
        if (headerSize >= 14 && u16le(b, at + 12) != 0 && u16le(b, at + 12) != FitCrc.of(b, at, at + 12)) {
            throw new FitFormatException("header CRC");
        }
    }

    /** A sound file header at {@code at} (signature, size, header CRC when present). */
    private static boolean isHeader(byte[] b, int at) {
        if (b.length - at < 12) {
            return false;
        }
        int headerSize = b[at] & 0xFF;
        boolean signature = headerSize >= 12 && b.length - at >= headerSize && b[at + 8] == '.' && b[at + 9] == 'F'
                && b[at + 10] == 'I' && b[at + 11] == 'T';
        return signature && (headerSize < 14 || u16le(b, at + 12) == 0 || u16le(b, at + 12) == FitCrc.of(b, at, at + 12));
    }

    /** One pass over the messages: the local definitions and the running timestamp. */
    private static final class Walk {
        private final byte[] b;
        private final Handler handler;
        private final Definition[] local = new Definition[16];
        private final Fields fields = new Fields();
        private long lastTimestamp = -1;
        /** Where the last complete message ended, and how many were read: what a damaged file salvages. */
        int at;
        int messagesRead;

        Walk(byte[] b, Handler handler) {
            this.b = b;
            this.handler = handler;
        }

        void messages(int pos, int end) throws FitFormatException {
            at = pos;
            while (pos < end) {
                int header = b[pos++] & 0xFF;
                if ((header & 0x80) != 0) { // compressed timestamp: local type 0–3 and a 5-bit time offset
                    if (lastTimestamp < 0) {
                        throw new FitFormatException("compressed timestamp before any timestamp");
                    }
                    int offset = header & 0x1F;
                    long ts = (lastTimestamp & ~0x1FL) + offset;
                    if (offset < (lastTimestamp & 0x1F)) {
                        ts += 0x20; // the 5-bit counter rolled over
                    }
                    lastTimestamp = ts;
                    pos = data(definition(header >> 5 & 0x03), pos, end, ts);
                } else if ((header & 0x40) != 0) {
                    pos = define(header & 0x0F, (header & 0x20) != 0, pos, end);
                } else {
                    pos = data(definition(header & 0x0F), pos, end, -1);
                }
                at = pos;
                messagesRead++;
            }
        }

        private Definition definition(int localType) throws FitFormatException {
            Definition d = local[localType];
            if (d == null) {
                throw new FitFormatException("data for undefined local message " + localType);
            }
            return d;
        }

        private int define(int localType, boolean developer, int pos, int end) throws FitFormatException {
            need(pos, 5, end);
            boolean bigEndian = b[pos + 1] == 1;
            int global = bigEndian ? (b[pos + 2] & 0xFF) << 8 | b[pos + 3] & 0xFF : u16le(b, pos + 2);
            int count = b[pos + 4] & 0xFF;
            pos += 5;
            need(pos, 3 * count, end);
            Definition d = new Definition(global, bigEndian, handler.wants(global));
            for (int i = 0; i < count; i++, pos += 3) {
                d.field(b[pos] & 0xFF, b[pos + 1] & 0xFF, b[pos + 2] & 0x1F);
            }
            if (developer) {
                need(pos, 1, end);
                int devCount = b[pos++] & 0xFF;
                need(pos, 3 * devCount, end);
                for (int i = 0; i < devCount; i++, pos += 3) {
                    d.size += b[pos + 1] & 0xFF; // developer fields are skipped, never read
                }
            }
            local[localType] = d;
            return pos;
        }

        private int data(Definition d, int pos, int end, long headerTimestamp) throws FitFormatException {
            need(pos, d.size, end);
            fields.at(b, d, pos, headerTimestamp);
            if (d.timestampOffset >= 0) {
                double ts = fields.get(TIMESTAMP_FIELD);
                if (!Double.isNaN(ts)) {
                    lastTimestamp = (long) ts;
                }
            }
            if (d.wanted) {
                handler.onMessage(d.global, fields);
            }
            return pos + d.size;
        }

        private static void need(int pos, int n, int end) throws FitFormatException {
            if (pos + n > end) {
                throw new FitFormatException("message runs past the data");
            }
        }
    }

    /**
     * A local message definition. Positions are kept by field number for the wanted message types; for the others
     * only the size and the timestamp, which compressed timestamps count from.
     */
    private static final class Definition {
        final int global;
        final boolean bigEndian;
        final boolean wanted;
        private final int[] offset;
        private final byte[] bytes;
        private final byte[] type;
        int size;
        int timestampOffset = -1;
        int timestampBytes;
        int timestampType;

        Definition(int global, boolean bigEndian, boolean wanted) {
            this.global = global;
            this.bigEndian = bigEndian;
            this.wanted = wanted;
            this.offset = wanted ? new int[MAX_FIELDS] : null;
            this.bytes = wanted ? new byte[MAX_FIELDS] : null;
            this.type = wanted ? new byte[MAX_FIELDS] : null;
            if (wanted) {
                Arrays.fill(offset, -1);
            }
        }

        void field(int number, int fieldBytes, int baseType) {
            if (number == TIMESTAMP_FIELD) {
                timestampOffset = size;
                timestampBytes = fieldBytes;
                timestampType = baseType;
            }
            if (wanted) {
                offset[number] = size;
                bytes[number] = (byte) fieldBytes;
                type[number] = (byte) baseType;
            }
            size += fieldBytes;
        }
    }

    /**
     * The current data message: a field's numeric value by field number, as stored (before the profile's scale and
     * offset), or NaN when the message lacks the field or holds the format's "invalid" value. Arrays give their first
     * element. The timestamp of a compressed-header message reads as field 253.
     */
    static final class Fields {
        private byte[] b;
        private Definition d;
        private int start;
        private long headerTimestamp;

        void at(byte[] bytes, Definition definition, int messageStart, long compressedTimestamp) {
            b = bytes;
            d = definition;
            start = messageStart;
            headerTimestamp = compressedTimestamp;
        }

        double get(int field) {
            if (field == TIMESTAMP_FIELD) {
                if (d.timestampOffset < 0) {
                    return headerTimestamp < 0 ? Double.NaN : headerTimestamp;
                }
                return value(start + d.timestampOffset, d.timestampBytes, d.timestampType);
            }
            int at = d.offset == null ? -1 : d.offset[field];
            return at < 0 ? Double.NaN : value(start + at, d.bytes[field] & 0xFF, d.type[field]);
        }

        private double value(int pos, int fieldBytes, int baseType) {
            if (baseType >= ELEMENT_SIZE.length || fieldBytes < ELEMENT_SIZE[baseType]) {
                return Double.NaN;
            }
            return switch (baseType) {
                case 0, 2, 13 -> orNaN(u(pos, 1), 0xFFL);                       // enum, uint8, byte
                case 1 -> orNaN(u(pos, 1), 0x7FL, (byte) u(pos, 1));            // sint8
                case 3 -> orNaN(u(pos, 2), 0x7FFFL, (short) u(pos, 2));         // sint16
                case 4 -> orNaN(u(pos, 2), 0xFFFFL);                            // uint16
                case 5 -> orNaN(u(pos, 4), 0x7FFFFFFFL, (int) u(pos, 4));       // sint32
                case 6 -> orNaN(u(pos, 4), 0xFFFFFFFFL);                        // uint32
                case 10, 11, 12 -> zeroIsNaN(u(pos, ELEMENT_SIZE[baseType]));   // uint8z, uint16z, uint32z
                case 8 -> u(pos, 4) == 0xFFFFFFFFL ? Double.NaN : Float.intBitsToFloat((int) u(pos, 4));
                case 9 -> u(pos, 8) == -1L ? Double.NaN : Double.longBitsToDouble(u(pos, 8));
                case 14 -> u(pos, 8) == Long.MAX_VALUE ? Double.NaN : u(pos, 8);             // sint64
                case 15 -> u(pos, 8) == -1L ? Double.NaN : unsigned64(u(pos, 8));              // uint64
                case 16 -> zeroIsNaN(unsigned64(u(pos, 8)));                                   // uint64z
                default -> Double.NaN;                                                          // string
            };
        }

        /** {@code n} bytes at {@code pos} as an unsigned number in the definition's byte order. */
        private long u(int pos, int n) {
            long v = 0;
            if (d.bigEndian) {
                for (int i = 0; i < n; i++) {
                    v = v << 8 | (b[pos + i] & 0xFF);
                }
            } else {
                for (int i = n - 1; i >= 0; i--) {
                    v = v << 8 | (b[pos + i] & 0xFF);
                }
            }
            return v;
        }

        private static double orNaN(long raw, long invalid) {
            return raw == invalid ? Double.NaN : raw;
        }

        private static double orNaN(long raw, long invalid, long signed) {
            return raw == invalid ? Double.NaN : signed;
        }

        private static double zeroIsNaN(double v) {
            return v == 0 ? Double.NaN : v;
        }

        private static double unsigned64(long v) {
            return v >= 0 ? v : (v >>> 1) * 2.0 + (v & 1);
        }
    }

    private static int u16le(byte[] b, int pos) {
        return (b[pos] & 0xFF) | (b[pos + 1] & 0xFF) << 8;
    }

    private static long u32le(byte[] b, int pos) {
        return (b[pos] & 0xFFL) | (b[pos + 1] & 0xFFL) << 8 | (b[pos + 2] & 0xFFL) << 16 | (b[pos + 3] & 0xFFL) << 24;
    }
}
