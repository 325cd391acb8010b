package ai.pace42.garmin.files;

import ai.pace42.coach.model.Activity;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.Result;
import ai.pace42.garmin.normalise.ExportSummaries;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Uploaded activity files (FIT, GPX, TCX, or a ZIP of them) → the coach's {@link Activity}. The format is decided
 * by content, not by the file name; anything over 25 MB is refused before it is read in full. A ZIP is unpacked
 * within {@link BoundedZip.Limits} and gives its newest run (archives inside it are not opened). Never throws.
 */
public final class ActivityFileImporter {

    public static final long MAX_BYTES = 25L * 1024 * 1024;

    private final long maxBytes;
    private final BoundedZip.Limits zipLimits;
    private final BoundedZip.Limits historyLimits;

    public ActivityFileImporter() {
        this(MAX_BYTES, BoundedZip.Limits.DEFAULT, BoundedZip.Limits.EXPORT);
    }

    public ActivityFileImporter(long maxBytes) {
        this(maxBytes, BoundedZip.Limits.DEFAULT, BoundedZip.Limits.EXPORT);
    }

    /** The same limits for the newest-run read and for the history import. */
    public ActivityFileImporter(long maxBytes, BoundedZip.Limits zipLimits) {
        this(maxBytes, zipLimits, zipLimits);
    }

    /**
     * @param zipLimits     for a zip read for its newest run ({@link #importBytes})
     * @param historyLimits for a zip read whole into the history ({@link #importEach}), over the entries read only
     */
    public ActivityFileImporter(long maxBytes, BoundedZip.Limits zipLimits, BoundedZip.Limits historyLimits) {
        this.maxBytes = maxBytes;
        this.zipLimits = zipLimits;
        this.historyLimits = historyLimits;
    }

    /** Reads at most {@code maxBytes + 1} bytes from {@code in} (the caller closes it). */
    public Result<Activity> importFile(String fileName, InputStream in) {
        byte[] bytes;
        try {
            bytes = readLimited(in);
        } catch (IOException e) {
            return Result.failed(GarminProblemCode.FILE_UNREADABLE, "read: " + e.getClass().getSimpleName());
        }
        if (bytes == null) {
            return Result.failed(GarminProblemCode.FILE_TOO_LARGE, "over " + maxBytes + " bytes");
        }
        return importBytes(fileName, bytes);
    }

    public Result<Activity> importBytes(String fileName, byte[] bytes) {
        if (bytes.length > maxBytes) {
            return Result.failed(GarminProblemCode.FILE_TOO_LARGE, "over " + maxBytes + " bytes");
        }
        return detect(bytes) == Format.ZIP ? importZip(bytes) : importOne(fileName, bytes);
    }

    /** One file of an upload: its name, the SHA-256 of its bytes (how a repeated upload is recognised) and its run. */
    public record ImportedFile(String name, String sha256, Result<Activity> activity) {
    }

    /**
     * Every file of an upload, for the runner's history: a single file, or each file of a ZIP, including the files
     * in zips one level down (the part zips of Garmin's "export your data"), all within the same
     * {@link BoundedZip.Limits}. Failed only when the upload as a whole is refused (too large, over the zip limits,
     * not a readable zip); a file that is not a run or cannot be read is an entry with a failed activity.
     */
    public Result<List<ImportedFile>> importEach(String fileName, byte[] bytes) {
        return importEach(fileName, bytes, ImportProgress.none());
    }

    /**
     * As {@link #importEach(String, byte[])}; only activity files ({@code .fit}, {@code .tcx}, {@code .gpx}), zips
     * and the export's {@code *summarizedActivities*.json} are read, everything else in the archive is skipped
     * unread. Each summarised run becomes an entry named {@code <json>#<activityId>} whose hash is of its Garmin
     * id, so it is recognised on a second import; summaries come after the files, so a run that also has its FIT
     * file is kept from the file (with its samples) and the summary is then a duplicate by start time.
     */
    public Result<List<ImportedFile>> importEach(String fileName, byte[] bytes, ImportProgress progress) {
        if (bytes.length > maxBytes) {
            return Result.failed(GarminProblemCode.FILE_TOO_LARGE, "over " + maxBytes + " bytes");
        }
        if (detect(bytes) != Format.ZIP) {
            return Result.ok(List.of(new ImportedFile(fileName, sha256(bytes), importOne(fileName, bytes))));
        }
        List<ImportedFile> files = new ArrayList<>();
        List<BoundedZip.Entry> summaries = new ArrayList<>();
        int[] known = {0};
        try {
            BoundedZip.readNested(bytes, historyLimits, ActivityFileImporter::readForHistory, n -> known[0] += n,
                    entry -> {
                        if (isExportSummary(entry.name())) {
                            summaries.add(entry);
                        } else {
                            files.add(new ImportedFile(entry.name(), sha256(entry.content()),
                                    importOne(entry.name(), entry.content())));
                        }
                        progress.read(files.size() + summaries.size(), known[0]);
                    });
            for (BoundedZip.Entry summary : summaries) {
                for (ExportSummaries.Summary s : ExportSummaries.read(summary.content())) {
                    files.add(new ImportedFile(summary.name() + "#" + s.activityId(),
                            sha256(("garmin-export-activity:" + s.activityId()).getBytes(StandardCharsets.UTF_8)),
                            s.activity()));
                }
            }
        } catch (BoundedZip.LimitExceeded e) {
            return Result.failed(GarminProblemCode.FILE_ARCHIVE_REFUSED, "zip: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            return Result.failed(GarminProblemCode.FILE_UNREADABLE, "zip: " + e.getClass().getSimpleName());
        }
        if (files.isEmpty()) {
            return Result.failed(GarminProblemCode.FILE_UNSUPPORTED, "zip: no activity file in it");
        }
        return Result.ok(List.copyOf(files));
    }

    /** Entries a history import reads, by full name; the rest of an archive is skipped unread. */
    static boolean readForHistory(String entryName) {
        String n = entryName.toLowerCase(Locale.ROOT);
        return n.endsWith(".fit") || n.endsWith(".tcx") || n.endsWith(".gpx") || n.endsWith(".zip")
                || isExportSummary(entryName);
    }

    /** {@code DI_CONNECT/DI-Connect-Fitness/<user>_0_summarizedActivities.json} of Garmin's export. */
    static boolean isExportSummary(String entryName) {
        String base = BoundedZip.baseName(entryName).toLowerCase(Locale.ROOT);
        return base.contains("summarizedactivities") && base.endsWith(".json");
    }

    /** The run an upload answers with: the newest, or the most telling problem when it holds none. */
    public static Result<Activity> newestRun(List<ImportedFile> files) {
        NewestRun newest = new NewestRun();
        files.forEach(f -> newest.offer(f.activity()));
        return newest.result();
    }

    private Result<Activity> importOne(String fileName, byte[] bytes) {
        String id = "file-" + sha256(bytes).substring(0, 16);
        Result<Activity> r = switch (detect(bytes)) {
            case FIT -> FitImporter.read(bytes, id);
            case GPX -> GpxImporter.read(bytes, id);
            case TCX -> TcxImporter.read(bytes, id);
            case ZIP -> Result.failed(GarminProblemCode.FILE_UNSUPPORTED, "a zip inside a zip is not opened");
            case UNKNOWN -> Result.failed(GarminProblemCode.FILE_UNSUPPORTED, "unknown format: " + fileName);
        };
        // The importer's note on how it read the file (FileNotes) follows the file name.
        return r.map(a -> fileName != null && (a.name().isEmpty() || a.name().startsWith(FileNotes.SEPARATOR))
                ? rename(a, fileName, a.name()) : a);
    }

    private Result<Activity> importZip(byte[] zip) {
        NewestRun newest = new NewestRun();
        try {
            BoundedZip.read(zip, zipLimits, entry -> newest.offer(importOne(entry.name(), entry.content())));
        } catch (BoundedZip.LimitExceeded e) {
            return Result.failed(GarminProblemCode.FILE_ARCHIVE_REFUSED, "zip: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            return Result.failed(GarminProblemCode.FILE_UNREADABLE, "zip: " + e.getClass().getSimpleName());
        }
        return newest.result();
    }

    enum Format { FIT, GPX, TCX, ZIP, UNKNOWN }

    static Format detect(byte[] b) {
        if (BoundedZip.isZip(b)) {
            return Format.ZIP;
        }
        // FIT: header size 12 or 14, then ".FIT" at bytes 8–11.
        if (b.length >= 12 && (b[0] == 12 || b[0] == 14) && b[8] == '.' && b[9] == 'F' && b[10] == 'I' && b[11] == 'T') {
            return Format.FIT;
        }
        String head = new String(b, 0, Math.min(b.length, 4096), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        if (head.contains("<trainingcenterdatabase")) {
            return Format.TCX;
        }
        if (head.contains("<gpx")) {
            return Format.GPX;
        }
        return Format.UNKNOWN;
    }

    private byte[] readLimited(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buf)) != -1) {
            total += n;
            if (total > maxBytes) {
                return null;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static Activity rename(Activity a, String fileName, String note) {
        String base = fileName.replaceAll("^.*[/\\\\]", "") + note;
        return new Activity(a.id(), a.source(), base, a.sport(), a.start(), a.elapsedS(), a.movingS(), a.distanceM(),
                a.summary(), a.samples(), a.laps(), a.tags());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
