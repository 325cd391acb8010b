package ai.pace42.server.garmin;

import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.files.ActivityFileImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the file given to {@code analyze}, refusing early what the importer could not use: a missing path, a
 * folder, a name that is not .fit/.gpx/.tcx/.zip, or more than 25 MB (checked on the size, before reading).
 */
final class ActivityFileInput {

    private static final Set<String> EXTENSIONS = Set.of("fit", "gpx", "tcx", "zip");

    private ActivityFileInput() {
    }

    static byte[] read(Path file) throws AnalyzeFailure {
        if (Files.isDirectory(file)) {
            throw new AnalyzeFailure("FILE_IS_A_DIRECTORY",
                    file + " is a folder; give me one FIT, GPX or TCX file (or a zip of them).");
        }
        if (!Files.exists(file)) {
            throw new AnalyzeFailure("FILE_NOT_FOUND", "There is no file at " + file + ".");
        }
        if (!EXTENSIONS.contains(extension(file))) {
            throw problem(GarminProblemCode.FILE_UNSUPPORTED, file);
        }
        try {
            if (Files.size(file) > ActivityFileImporter.MAX_BYTES) {
                throw problem(GarminProblemCode.FILE_TOO_LARGE, file);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AnalyzeFailure(GarminProblemCode.FILE_UNREADABLE.name(),
                    file + ": I couldn't open that file (" + e.getClass().getSimpleName() + ").");
        }
    }

    /** An importer problem, told about this file. */
    static AnalyzeFailure problem(GarminProblemCode code, Path file) {
        return new AnalyzeFailure(code.name(), file + ": " + code.friendly());
    }

    private static String extension(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
