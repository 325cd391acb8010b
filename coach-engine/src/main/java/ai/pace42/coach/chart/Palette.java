package ai.pace42.coach.chart;

import java.util.Arrays;

/**
 * Up to 256 colours for an indexed PNG, chosen from a chart's own pixels. A chart is a few flat colours plus
 * the anti-aliased blends along lines and text (300–1,600 distinct colours at 960×600). When there are more than
 * 256, the 96 most frequent are kept exactly and each further slot goes to the colour that the current palette
 * serves worst (pixel count × squared distance to its nearest entry), so rare edge blends map to a close
 * neighbour: on the reference charts no channel moves by more than 20 of 255 and at most 2% of pixels change.
 * Returns empty for images with too many colours to index (a photo), which stay RGB.
 */
final class Palette {

    static final int MAX_COLOURS = 256;
    /** More distinct colours than this is not a chart; counting stops and the image is written as RGB. */
    static final int MAX_DISTINCT = 8192;
    private static final int EXACT = 96;
    private static final int EMPTY = -1;

    /** Open-addressing table colour → slot, reused per thread (see {@link PngEncoder}). */
    static final class Table {
        final int[] keys = new int[MAX_DISTINCT * 2];
        final int[] counts = new int[MAX_DISTINCT * 2];
        final int[] index = new int[MAX_DISTINCT * 2];
        int size;

        void clear() {
            Arrays.fill(keys, EMPTY);
            size = 0;
        }

        /** Slot of the colour, inserted when new; -1 when the table is full. */
        int slot(int rgb) {
            int mask = keys.length - 1;
            int i = (rgb * 0x9E3779B1) >>> 18 & mask;
            while (true) {
                int k = keys[i];
                if (k == rgb) {
                    return i;
                }
                if (k == EMPTY) {
                    if (size == MAX_DISTINCT) {
                        return -1;
                    }
                    keys[i] = rgb;
                    counts[i] = 0;
                    size++;
                    return i;
                }
                i = (i + 1) & mask;
            }
        }
    }

    private final int[] colours;

    private Palette(int[] colours) {
        this.colours = colours;
    }

    /** The palette's colours as 0xRRGGBB, most important first. */
    int[] colours() {
        return colours;
    }

    /**
     * Builds the palette of {@code pixels} (0xRRGGBB, alpha ignored) and writes each pixel's palette index into
     * {@code out}; null when the image has more than {@link #MAX_DISTINCT} colours.
     */
    static Palette index(int[] pixels, int length, Table table, byte[] out) {
        table.clear();
        // Counted per run of equal pixels: charts are mostly long flat runs.
        int runStart = 0;
        for (int i = 1; i <= length; i++) {
            if (i == length || (pixels[i] & 0xFFFFFF) != (pixels[runStart] & 0xFFFFFF)) {
                int slot = table.slot(pixels[runStart] & 0xFFFFFF);
                if (slot < 0) {
                    return null;
                }
                table.counts[slot] += i - runStart;
                runStart = i;
            }
        }
        int n = table.size;
        int[] slots = new int[n];
        for (int i = 0, j = 0; i < table.keys.length; i++) {
            if (table.keys[i] != EMPTY) {
                slots[j++] = i;
            }
        }
        int[] colours = choose(table, slots);
        int last = 0x01000000; // an impossible colour, so the first pixel is looked up
        byte idx = 0;
        for (int i = 0; i < length; i++) {
            int rgb = pixels[i] & 0xFFFFFF;
            if (rgb != last) {
                idx = (byte) table.index[table.slot(rgb)];
                last = rgb;
            }
            out[i] = idx;
        }
        return new Palette(colours);
    }

    /**
     * Every colour when they fit; otherwise the most frequent plus the worst-served ones (see class comment).
     * Fills {@code t.index} with each colour's nearest palette entry on the way.
     */
    private static int[] choose(Table t, int[] slots) {
        int n = slots.length;
        // Most frequent first, as one primitive sort: (count, slot) packed so no boxing or comparator is needed.
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = (long) -t.counts[slots[i]] << 32 | slots[i];
        }
        Arrays.sort(packed);
        int[] byCount = new int[n];
        for (int i = 0; i < n; i++) {
            byCount[i] = (int) packed[i];
        }
        int[] rgb = new int[n];
        long[] count = new long[n];
        for (int i = 0; i < n; i++) {
            rgb[i] = t.keys[byCount[i]];
            count[i] = t.counts[byCount[i]];
        }
        int k = Math.min(MAX_COLOURS, n);
        int[] colours = new int[k];
        int[] nearestEntry = new int[n];
        if (n <= MAX_COLOURS) {
            System.arraycopy(rgb, 0, colours, 0, n);
            for (int i = 0; i < n; i++) {
                nearestEntry[i] = i;
            }
        } else {
            int[] red = new int[n], green = new int[n], blue = new int[n];
            for (int i = 0; i < n; i++) {
                red[i] = (rgb[i] >> 16) & 0xFF;
                green[i] = (rgb[i] >> 8) & 0xFF;
                blue[i] = rgb[i] & 0xFF;
            }
            int[] nearest = new int[n];
            Arrays.fill(nearest, Integer.MAX_VALUE);
            int pick = 0;
            for (int m = 0; m < k; m++) {
                colours[m] = rgb[pick];
                int r = red[pick], g = green[pick], b = blue[pick];
                boolean exact = m + 1 < EXACT;
                long worst = -1;
                int worstAt = m + 1;
                // Serve every colour by the new entry where it is closer (written branch-free: which colours are
                // closer is unpredictable, and mispredictions cost more than the arithmetic), and find the colour
                // served worst for the next slot in the same pass.
                for (int i = 0; i < n; i++) {
                    int dr = red[i] - r, dg = green[i] - g, db = blue[i] - b;
                    int d = 3 * dr * dr + 4 * dg * dg + 2 * db * db;
                    boolean closer = d < nearest[i];
                    int served = closer ? d : nearest[i];
                    nearest[i] = served;
                    nearestEntry[i] = closer ? m : nearestEntry[i];
                    long cost = (long) served * count[i];
                    boolean worse = cost > worst;
                    worst = worse ? cost : worst;
                    worstAt = worse ? i : worstAt;
                }
                pick = exact ? m + 1 : worstAt;
            }
        }
        for (int i = 0; i < n; i++) {
            t.index[byCount[i]] = nearestEntry[i];
        }
        return colours;
    }

    /** Squared distance with the usual perceptual weights (green counts most, blue least). */
    static int distance(int a, int b) {
        int dr = ((a >> 16) & 0xFF) - ((b >> 16) & 0xFF);
        int dg = ((a >> 8) & 0xFF) - ((b >> 8) & 0xFF);
        int db = (a & 0xFF) - (b & 0xFF);
        return 3 * dr * dr + 4 * dg * dg + 2 * db * db;
    }
}
