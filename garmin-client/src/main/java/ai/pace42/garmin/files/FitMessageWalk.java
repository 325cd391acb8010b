package ai.pace42.garmin.files;

/**
 * One pass over the records of one FIT file's data: record headers (normal or compressed timestamp), local
 * definitions in either byte order, developer fields skipped by their declared size, and the running timestamp.
 * Wanted data messages go to the handler as a reusable {@link FitFields} view; {@link #at} and
 * {@link #messagesRead} tell {@link FitReader} how far a damaged file got.
 */
final class FitMessageWalk {
    private final byte[] b;
    private final FitReader.Handler handler;
    private final FitDefinition[] local = new FitDefinition[16];
    private final FitFields fields = new FitFields();
    private long lastTimestamp = -1;
    /** Where the last complete message ended, and how many were read: what a damaged file salvages. */
    int at;
    int messagesRead;

    FitMessageWalk(byte[] b, FitReader.Handler handler) {
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

    private FitDefinition definition(int localType) throws FitFormatException {
        FitDefinition d = local[localType];
        if (d == null) {
            throw new FitFormatException("data for undefined local message " + localType);
        }
        return d;
    }

    private int define(int localType, boolean developer, int pos, int end) throws FitFormatException {
        need(pos, 5, end);
        boolean bigEndian = b[pos + 1] == 1;
        int global = bigEndian ? (b[pos + 2] & 0xFF) << 8 | b[pos + 3] & 0xFF : FitReader.u16le(b, pos + 2);
        int count = b[pos + 4] & 0xFF;
        pos += 5;
        need(pos, 3 * count, end);
        FitDefinition d = new FitDefinition(global, bigEndian, handler.wants(global));
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

    private int data(FitDefinition d, int pos, int end, long headerTimestamp) throws FitFormatException {
        need(pos, d.size, end);
        fields.at(b, d, pos, headerTimestamp);
        if (d.timestampOffset >= 0) {
            double ts = fields.get(FitReader.TIMESTAMP_FIELD);
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
