package ai.pace42.garmin.files;

import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.model.Activity;
import ai.pace42.garmin.Result;

/**
 * A stand-in for the server's file analysis that keeps its importer: the problem's friendly sentence, or a line
 * naming the imported run. Lets an adapter test send a file through the real import without the server.
 */
public final class ImportedAnswer {

    private ImportedAnswer() {
    }

    public static CoachAnswer of(String fileName, byte[] content) {
        Result<Activity> r = new ActivityFileImporter().importBytes(fileName, content);
        return CoachAnswer.text(r.isOk() ? "Imported " + r.value().name() : r.problem().friendly());
    }
}
