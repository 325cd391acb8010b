package ai.pace42.garmin.files;

/** The FIT file CRC (CRC-16, reflected polynomial 0xA001, initial 0), table-driven one byte at a time. */
final class FitCrc {

    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i;
            for (int bit = 0; bit < 8; bit++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ 0xA001 : c >>> 1;
            }
            TABLE[i] = c;
        }
    }

    private FitCrc() {
    }

    /** The CRC of {@code b[from, to)}. */
    static int of(byte[] b, int from, int to) {
        int crc = 0;
        for (int i = from; i < to; i++) {
            crc = (crc >>> 8) ^ TABLE[(crc ^ b[i]) & 0xFF];
        }
        return crc;
    }
}
