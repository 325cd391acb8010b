package ai.pace42.garmin.files;

/**
 * The current data message: a field's numeric value by field number, as stored (before the profile's scale and
 * offset), or NaN when the message lacks the field or holds the format's "invalid" value. Arrays give their first
 * element. The timestamp of a compressed-header message reads as field 253.
 */
final class FitFields {

    private static final int[] ELEMENT_SIZE = {1, 1, 1, 2, 2, 4, 4, 1, 4, 8, 1, 2, 4, 1, 8, 8, 8};

    private byte[] b;
    private FitDefinition d;
    private int start;
    private long headerTimestamp;

    void at(byte[] bytes, FitDefinition definition, int messageStart, long compressedTimestamp) {
        b = bytes;
        d = definition;
        start = messageStart;
        headerTimestamp = compressedTimestamp;
    }

    double get(int field) {
        if (field == FitReader.TIMESTAMP_FIELD) {
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
