package ai.pace42.coach.chart;

import ai.pace42.coach.ChartImage;
import ai.pace42.coach.Fixtures;
import ai.pace42.coach.UnitSystem;
import ai.pace42.coach.analysis.RunAnalysis;
import ai.pace42.coach.answer.Format;
import ai.pace42.coach.fitness.LoadStatus;
import ai.pace42.coach.fitness.LoadStatusCalculator;
import ai.pace42.coach.fitness.TrainingHistory;
import ai.pace42.coach.sample.SampleAthlete;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One chart of each kind from the sample athlete on a fixed day: the inputs of the encoder's before/after
 * comparison ({@code PngFidelityTest}) and of the chart benchmarks. {@link #main} writes the "before" references
 * into src/test/resources/chart-reference: each chart's painted canvas written losslessly as RGB by ImageIO, i.e.
 * the picture before the indexed encoder touched it. They are only regenerated deliberately, when a chart's content
 * changes (see docs/performance.md); last: the smoothed pace and heart-rate traces (issue #19).
 */
public final class ReferenceCharts {

    public static final String RESOURCE_DIR = "chart-reference";

    private ReferenceCharts() {
    }

    /** Chart name → renderer, in a fixed order. */
    public static Map<String, Supplier<ChartImage>> all() {
        SampleAthlete s = new SampleAthlete(Clock.fixed(Fixtures.NOW, ZoneOffset.UTC), Fixtures.ZONE);
        var runs = s.list(Instant.EPOCH, Fixtures.NOW).stream().map(h -> s.load(h.id()).orElseThrow()).toList();
        TrainingHistory history = Fixtures.history(s.profile(), runs);
        LoadStatus status = LoadStatusCalculator.of(history, Fixtures.TODAY);
        Format metric = new Format(UnitSystem.METRIC, Fixtures.ZONE);
        List<RunAnalysis> all = history.runs();
        RunAnalysis last = all.get(all.size() - 1);
        List<RunAnalysis> lastThree = all.subList(all.size() - 3, all.size());
        Map<String, Supplier<ChartImage>> charts = new LinkedHashMap<>();
        charts.put("run", () -> RunChart.render(last, metric));
        charts.put("recent-runs", () -> RecentRunsChart.render(lastThree, metric));
        charts.put("fitness", () -> FitnessChart.render(status.days()));
        charts.put("weekly-volume", () -> WeeklyVolumeChart.render(status.weeks(), metric));
        charts.put("zones", () -> ZonesChart.render(last.hrZones().get(), "Time in HR zones"));
        return charts;
    }

    /** Writes every chart's PNG into the given directory (default: this module's test resources). */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/" + RESOURCE_DIR);
        Files.createDirectories(dir);
        for (Map.Entry<String, Supplier<ChartImage>> e : all().entrySet()) {
            byte[] png = e.getValue().get().png();
            Path file = dir.resolve(e.getKey() + ".png");
            ImageIO.write(PngEncoder.lastCanvas(), "png", file.toFile());
            System.out.println(e.getKey() + ".png " + Files.size(file) + " bytes as RGB, " + png.length + " bytes indexed");
        }
    }
}
