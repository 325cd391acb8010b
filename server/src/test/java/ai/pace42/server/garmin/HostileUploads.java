package ai.pace42.server.garmin;

import ai.pace42.garmin.files.HostileFiles;
import ai.pace42.garmin.files.OutboundListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The hostile files every upload path is tried with, around a planted local secret and a listener standing in
 * for the attacker's server. XML cases must come back FILE_UNREADABLE, zip cases FILE_ARCHIVE_REFUSED.
 */
final class HostileUploads implements AutoCloseable {

    final String secretText = "pace42-secret-" + UUID.randomUUID();
    final Path secret;
    final OutboundListener listener;

    HostileUploads(Path dir) {
        try {
            secret = Files.writeString(dir.resolve("secret.key"), secretText);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        listener = new OutboundListener(secret.toString());
    }

    /** File name → content for every XML case, as GPX and as TCX. */
    Map<String, byte[]> xml() {
        Map<String, byte[]> all = new LinkedHashMap<>();
        HostileFiles.gpx(listener.url(), secret.toString()).forEach((k, v) -> all.put(k + ".gpx", v));
        HostileFiles.tcx(listener.url(), secret.toString()).forEach((k, v) -> all.put(k + ".tcx", v));
        return all;
    }

    /** File name → content for the zip cases: a bomb (200 MB of zeros) and 1,000 entries. */
    static Map<String, byte[]> zips() {
        // Entries named as activity files: an import reads only those, other names are skipped unread.
        Map<String, byte[]> many = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 1000; i++) {
            many.put("run-" + i + ".gpx", new byte[] {'x'});
        }
        return Map.of("bomb.zip", HostileFiles.zipBomb(200), "many.zip", HostileFiles.zip(many));
    }

    @Override
    public void close() {
        listener.close();
    }
}
