package ai.pace42.garmin.files;

/**
 * A lean reader of the FIT binary format: file header and CRC, definition messages (either byte order), data
 * messages with normal or compressed-timestamp headers, developer fields skipped by their declared size. It hands
 * the caller only the message types it {@linkplain Handler#wants wants}, as a reusable {@link FitFields} view over the
 * file's bytes: nothing is allocated per message, no value is boxed and fields are found by number. Why not the
 * Garmin SDK's decoder: it builds every message of the file as objects first, which made it slower than npm
 * fit-file-parser (garmin-client/PERFORMANCE.md). The SDK still provides the profile's numbers and enums.
 * <p>
 * This class reads the file level: headers, CRCs, chained files and how much of a damaged file is kept;
 * {@link FitMessageWalk} reads the messages of one file, {@link FitDefinition} and {@link FitFields} their layout
 * and values.
 */
final class FitReader {

    /** Receives the data messages of the global message numbers it wants. */
    interface Handler {
        boolean wants(int globalMessage);

        void onMessage(int globalMessage, FitFields fields);
    }

    static final int TIMESTAMP_FIELD = 253;

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
            FitMessageWalk walk = new FitMessageWalk(b, handler);
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

    static int u16le(byte[] b, int pos) {
        return (b[pos] & 0xFF) | (b[pos + 1] & 0xFF) << 8;
    }

    static long u32le(byte[] b, int pos) {
        return (b[pos] & 0xFFL) | (b[pos + 1] & 0xFFL) << 8 | (b[pos + 2] & 0xFFL) << 16 | (b[pos + 3] & 0xFFL) << 24;
    }
}
