package ai.pace42.server.garmin;

import ai.pace42.coach.ChartImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an answer's charts beside the analysed file: {@code run.fit} → {@code run.fit.pace42.png} (then
 * {@code run.fit.pace42-2.png}, … if there are more). The whole file name is kept so {@code run.fit} and
 * {@code run.gpx} of the same run don't share a chart. An existing file at that path is replaced only if it is a
 * chart pace42 wrote ({@link ChartMark}); anything else is left untouched and reported.
 */
final class ChartFiles {

    private ChartFiles() {
    }

    static List<Path> writeBeside(Path source, List<ChartImage> charts) throws AnalyzeFailure {
        List<Path> targets = new ArrayList<>();
        for (int i = 0; i < charts.size(); i++) {
            Path target = source.resolveSibling(source.getFileName() + ".pace42" + (i == 0 ? "" : "-" + (i + 1))
                    + ".png");
            if (Files.exists(target) && !isOurChart(target)) {
                throw new AnalyzeFailure("CHART_PATH_TAKEN", target + " already exists and isn't a pace42 chart, "
                        + "so I left it alone; move it and run analyze again to get the chart.");
            }
            targets.add(target);
        }
        for (int i = 0; i < targets.size(); i++) {
            try {
                Files.write(targets.get(i), ChartMark.mark(charts.get(i).png()));
            } catch (IOException e) {
                throw new AnalyzeFailure("CHART_NOT_WRITTEN", "I couldn't write the chart to " + targets.get(i)
                        + " (" + e.getClass().getSimpleName() + ").");
            }
        }
        return targets;
    }

    private static boolean isOurChart(Path target) {
        if (!Files.isRegularFile(target)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(target)) {
            return ChartMark.isMarked(in.readNBytes(ChartMark.headLength()));
        } catch (IOException e) {
            return false;
        }
    }
}
