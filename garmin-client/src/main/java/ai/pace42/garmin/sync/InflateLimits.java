package ai.pace42.garmin.sync;

import java.util.zip.DataFormatException;

/**
 * How far a stored activity may inflate. The size cap is far above any real recording (a 100-hour ultra at one
 * sample a second with every column is about 23 MB raw); the ratio cap catches a deflate bomb long before the size
 * cap: real sample columns pack at a few to one, a stream of one repeated byte at about 1000:1. The ratio is only
 * judged past {@code ratioFloorBytes}, so a tiny record of empty columns is never refused.
 */
record InflateLimits(long maxBytes, long maxRatio, long ratioFloorBytes) {

    static final InflateLimits STORED_ACTIVITY = new InflateLimits(64L << 20, 300, 1L << 20);

    /** Throws before {@code inflatedSoFar} bytes are kept when they pass a limit. */
    void check(long inflatedSoFar, long compressedBytes) throws Exceeded {
        if (inflatedSoFar > maxBytes) {
            throw new Exceeded("inflates past " + maxBytes + " bytes");
        }
        if (inflatedSoFar > ratioFloorBytes && inflatedSoFar > maxRatio * Math.max(1, compressedBytes)) {
            throw new Exceeded("inflates past " + maxRatio + ":1");
        }
    }

    /** A limit passed: the bytes are refused, not partly read. */
    static final class Exceeded extends DataFormatException {
        Exceeded(String message) {
            super(message);
        }
    }
}
