package ai.pace42.garmin.files;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
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

        /**
         * A whole archive read into the history, counted over the entries read only: a Garmin export holds
         * thousands of activity files in its part zips (real-recordings.md §6.4: 50,000 entries, 50 MB per
         * activity file, 200 MB per summary JSON; the total is kept at 1 GB because the upload itself is capped).
         */
        public static final Limits EXPORT = new Limits(50_000, 200L * 1024 * 1024, 1024L * 1024 * 1024,
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
        readNested(zip, limits, name -> true, each);
    }

    /**
     * Like {@link #readNested(byte[], Limits, Consumer)}, but only the entries whose full name {@code wanted}
     * accepts (and zips inside, one level) are inflated; the others are passed over by the central directory
     * without reading a byte of them, and neither count against the limits nor can exhaust them (at most
     * {@link #MAX_SKIPPED_ENTRIES} of them). So a Garmin export of thousands of wellness files is read for its
     * activities only, and a bomb among the skipped entries costs nothing. An archive without a readable
     * central directory (cut short, or streamed) is read from its local headers instead, every entry counted.
     */
    public static void readNested(byte[] zip, Limits limits, Predicate<String> wanted, Consumer<Entry> each)
            throws IOException {
        readNested(zip, limits, wanted, found -> { }, each);
    }

    /**
     * As above; {@code found} hears, as each archive's directory is opened, how many files in it will be handed
     * over (zips to be opened not counted), so a caller can say "read 120 of 312 files".
     */
    public static void readNested(byte[] zip, Limits limits, Predicate<String> wanted, IntConsumer found,
                                  Consumer<Entry> each) throws IOException {
        Totals totals = new Totals(limits, zip.length);
        totals.found = found;
        if (!readByDirectory(zip, totals, wanted, true, each)) {
            read(zip, totals, true, each);
        }
    }

    /** Entries passed over unread before an archive counts as hostile; a real export has about 8,000 files. */
    public static final int MAX_SKIPPED_ENTRIES = 200_000;

    /** False, having read nothing, when the archive has no readable central directory. */
    private static boolean readByDirectory(byte[] zip, Totals totals, Predicate<String> wanted, boolean openInner,
                                           Consumer<Entry> each) throws IOException {
        Path file = Files.createTempFile("pace42-import-", ".zip"); // owner-only on POSIX
        try {
            Files.write(file, zip);
            ZipFile opened;
            try {
                opened = new ZipFile(file.toFile());
            } catch (ZipException noDirectory) {
                return false;
            }
            try (ZipFile archive = opened) {
                totals.found.accept((int) archive.stream()
                        .filter(e -> !e.isDirectory() && !(openInner && isZipName(e)) && wanted.test(e.getName()))
                        .limit(MAX_SKIPPED_ENTRIES).count());
                Enumeration<? extends ZipEntry> entries = archive.entries();
                int skipped = 0;
                while (entries.hasMoreElements()) {
                    ZipEntry e = entries.nextElement();
                    boolean inner = openInner && isZipName(e);
                    if (e.isDirectory() || !(inner || wanted.test(e.getName()))) {
                        if (++skipped > MAX_SKIPPED_ENTRIES) {
                            throw new LimitExceeded("more than " + MAX_SKIPPED_ENTRIES + " entries");
                        }
                        continue;
                    }
                    totals.countEntry();
                    byte[] content;
                    try (InputStream in = archive.getInputStream(e)) {
                        content = totals.readEntry(in, Math.max(1, e.getCompressedSize()));
                    }
                    if (inner && isZip(content)) {
                        if (!readByDirectory(content, totals, wanted, false, each)) {
                            read(content, totals, false, each);
                        }
                    } else {
                        each.accept(new Entry(baseName(e.getName()), content));
                    }
                }
            }
            return true;
        } finally {
            Files.deleteIfExists(file);
        }
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

    private static boolean isZipName(ZipEntry e) {
        return e.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".zip");
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
        private IntConsumer found = n -> { };

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
            return readEntry(in, () -> Math.max(1, raw.count - rawAtStart));
        }

        /** An entry read by the directory: its compressed size is what its stream can deliver at most. */
        byte[] readEntry(InputStream in, long compressedBytes) throws IOException {
            return readEntry(in, () -> compressedBytes);
        }

        private byte[] readEntry(InputStream in, java.util.function.LongSupplier compressedSoFar) throws IOException {
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
                        && entry > (long) limits.maxRatio() * compressedSoFar.getAsLong()) {
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
