package ai.pace42.garmin.files;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a ZIP archive held in memory within fixed limits: number of entries, bytes per entry, bytes in total and
 * how tightly they were compressed (per entry and for the whole archive). Every limit is checked against the bytes
 * actually inflated, as they come, never against the sizes the archive's headers claim. Entry names are reduced to
 * a base name for display and never touch the file system; archives inside the archive are handed over as bytes
 * and not opened, except by {@link #readNested} (one level).
 */
public final class BoundedZip {

    /** Where reading stops; {@link #DEFAULT} fits a Garmin "original" download or a zip of a few activities. */
    public record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes, int maxRatio,
                         long ratioCheckedFromBytes) {

        public static final Limits DEFAULT = new Limits(200, ActivityFileImporter.MAX_BYTES, 100L * 1024 * 1024,
                100, 1024 * 1024);
    }

    /** One entry, its name cut to the part after the last slash. */
    public record Entry(String name, byte[] content) {
    }

    /** The archive broke one of the {@link Limits}; the message says which, for logs. */
    public static final class LimitExceeded extends IOException {
        LimitExceeded(String message) {
            super(message);
        }
    }

    private BoundedZip() {
    }

    /** A local file header (or the end record of an empty archive) at the start. */
    public static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && ((b[2] == 3 && b[3] == 4) || (b[2] == 5 && b[3] == 6));
    }

    /** Hands {@code each} the archive's files in order; throws {@link LimitExceeded} at the first broken limit. */
    public static void read(byte[] zip, Limits limits, Consumer<Entry> each) throws IOException {
        read(zip, new Totals(limits, zip.length), false, each);
    }

    /**
     * Like {@link #read}, but a zip inside the archive is opened too (one level: a Garmin "export your data" keeps
     * its activity files in part zips). The inner entries count against the same limits as the outer ones: one
     * entry count, one byte total, the archive's ratio against the outer archive's size. Zips two levels down are
     * handed over as bytes.
     */
    public static void readNested(byte[] zip, Limits limits, Consumer<Entry> each) throws IOException {
        read(zip, new Totals(limits, zip.length), true, each);
    }

    private static void read(byte[] zip, Totals totals, boolean openInner, Consumer<Entry> each) throws IOException {
        CountingStream raw = new CountingStream(new ByteArrayInputStream(zip));
        try (ZipInputStream in = new ZipInputStream(raw)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                totals.countEntry();
                byte[] content = totals.readEntry(in, raw);
                if (e.isDirectory()) {
                    continue;
                }
                if (openInner && isZip(content)) {
                    read(content, totals, false, each);
                } else {
                    each.accept(new Entry(baseName(e.getName()), content));
                }
            }
        }
    }

    static String baseName(String entryName) {
        String base = entryName.substring(Math.max(entryName.lastIndexOf('/'), entryName.lastIndexOf('\\')) + 1);
        return base.replaceAll("\\p{Cntrl}", "");
    }

    /** Inflated bytes so far, checked after every chunk. */
    private static final class Totals {
        private final Limits limits;
        private final long archiveBytes;
        private long total;
        private int entries;

        Totals(Limits limits, long archiveBytes) {
            this.limits = limits;
            this.archiveBytes = Math.max(1, archiveBytes);
        }

        void countEntry() throws LimitExceeded {
            if (++entries > limits.maxEntries()) {
                throw new LimitExceeded("more than " + limits.maxEntries() + " entries");
            }
        }

        byte[] readEntry(InputStream in, CountingStream raw) throws IOException {
            long rawAtStart = raw.count;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[64 * 1024];
            long entry = 0;
            int n;
            while ((n = in.read(chunk)) != -1) {
                entry += n;
                total += n;
                if (entry > limits.maxEntryBytes()) {
                    throw new LimitExceeded("an entry inflates past " + limits.maxEntryBytes() + " bytes");
                }
                if (total > limits.maxTotalBytes()) {
                    throw new LimitExceeded("entries inflate past " + limits.maxTotalBytes() + " bytes in total");
                }
                if (entry > limits.ratioCheckedFromBytes()
                        && entry > (long) limits.maxRatio() * Math.max(1, raw.count - rawAtStart)) {
                    throw new LimitExceeded("an entry is compressed more than " + limits.maxRatio() + ":1");
                }
                if (total > limits.ratioCheckedFromBytes() && total > (long) limits.maxRatio() * archiveBytes) {
                    throw new LimitExceeded("the archive is compressed more than " + limits.maxRatio() + ":1");
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        }
    }

    /** Counts the compressed bytes the inflater has pulled (a read-ahead of at most a buffer). */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
