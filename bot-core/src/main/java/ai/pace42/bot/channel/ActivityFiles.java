package ai.pace42.bot.channel;

import java.util.Locale;
import java.util.Set;

/**
 * Which shared files are activity files the coach reads (FIT, GPX, TCX, or a ZIP of them such as Garmin's
 * "original" download), recognised by name, and the media type to give one when the platform did not say. Every
 * adapter asks the same question, so it is answered once here.
 */
public final class ActivityFiles {

    private static final Set<String> EXTENSIONS = Set.of("fit", "gpx", "tcx", "zip");

    private ActivityFiles() {
    }

    /** True for a FIT, GPX, TCX or ZIP file name, in any letter case. */
    public static boolean isActivityFile(String fileName) {
        return EXTENSIONS.contains(extension(fileName));
    }

    /** The platform's media type when it gave one, else the usual one for the file's extension. */
    public static String mediaType(String fileName, String platformMediaType) {
        if (platformMediaType != null && !platformMediaType.isBlank()) {
            return platformMediaType;
        }
        return switch (extension(fileName)) {
            case "gpx" -> "application/gpx+xml";
            case "tcx" -> "application/vnd.garmin.tcx+xml";
            case "zip" -> "application/zip";
            default -> "application/vnd.ant.fit";
        };
    }

    /**
     * Reads a downloaded file, refusing it once it passes {@code maxBytes}: the limit holds however large the
     * platform said the file was, and no more than one byte over it is ever buffered.
     */
    public static byte[] readAtMost(java.io.InputStream in, long maxBytes) throws java.io.IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new TooLarge(maxBytes);
        }
        return bytes;
    }

    /**
     * A platform's answer to a file download: its body read as {@link #readAtMost}, or an exception naming only
     * the HTTP status, since download URLs hold tokens or signatures and must never reach a message.
     */
    public static byte[] readDownload(int status, java.io.InputStream body, long maxBytes) throws java.io.IOException {
        if (status / 100 != 2 || body == null) {
            throw new java.io.IOException("file download failed with HTTP " + status);
        }
        try (body) {
            return readAtMost(body, maxBytes);
        }
    }

    /** A file that passed the limit while it was read. */
    public static final class TooLarge extends java.io.IOException {
        public TooLarge(long maxBytes) {
            super("file larger than " + maxBytes + " bytes");
        }
    }

    static String extension(String fileName) {
        if (fileName == null) {
            return "";
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
