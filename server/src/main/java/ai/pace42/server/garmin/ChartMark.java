package ai.pace42.server.garmin;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * A PNG text chunk ({@code Software: pace42}) placed right after the header chunk, so {@code analyze} can tell a
 * chart it wrote earlier (safe to replace) from someone's unrelated file that happens to have the same name.
 */
final class ChartMark {

    private static final int SIGNATURE = 8;
    private static final int IHDR_CHUNK = 4 + 4 + 13 + 4;
    private static final byte[] CHUNK = textChunk("Software", "pace42");

    private ChartMark() {
    }

    /** The PNG with the mark inserted after IHDR (a valid PNG: readers skip text chunks they don't need). */
    static byte[] mark(byte[] png) {
        int at = SIGNATURE + IHDR_CHUNK;
        byte[] out = new byte[png.length + CHUNK.length];
        System.arraycopy(png, 0, out, 0, at);
        System.arraycopy(CHUNK, 0, out, at, CHUNK.length);
        System.arraycopy(png, at, out, at + CHUNK.length, png.length - at);
        return out;
    }

    /** How many leading bytes {@link #isMarked} needs. */
    static int headLength() {
        return SIGNATURE + IHDR_CHUNK + CHUNK.length;
    }

    /** Whether a file starting with {@code head} is a PNG this command wrote. */
    static boolean isMarked(byte[] head) {
        int at = SIGNATURE + IHDR_CHUNK;
        return head.length >= at + CHUNK.length
                && head[0] == (byte) 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G'
                && Arrays.equals(head, at, at + CHUNK.length, CHUNK, 0, CHUNK.length);
    }

    private static byte[] textChunk(String keyword, String text) {
        byte[] data = (keyword + '\0' + text).getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer chunk = ByteBuffer.allocate(4 + 4 + data.length + 4);
        chunk.putInt(data.length).put("tEXt".getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length); // over type and data, as the PNG spec says
        chunk.putInt((int) crc.getValue());
        return chunk.array();
    }
}
