package ai.pace42.coach.chart;

import ai.pace42.coach.ChartImage;
import ai.pace42.coach.analysis.RunAnalysis;
import ai.pace42.coach.answer.Format;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.ArrayList;
import java.util.List;

/** Recent runs side by side: distance as bars, average pace as a line on an inverted axis, HR in the labels. */
public final class RecentRunsChart {

    private RecentRunsChart() {
    }

    /** @param runs oldest first */
    public static ChartImage render(List<RunAnalysis> runs, Format f) {
        List<String> labels = new ArrayList<>();
        List<Double> distance = new ArrayList<>();
        List<Double> pace = new ArrayList<>();
        for (RunAnalysis r : runs) {
            labels.add(r.activity().start().map(f::day).map(d -> d.substring(0, d.lastIndexOf(' '))).orElse("?") + " · " + shortType(r));
            distance.add(Double.isNaN(r.distanceM()) ? 0 : r.distanceM() / f.unitMetres());
            pace.add(r.averageSpeed().toOptional().map(v -> -f.unitMetres() / v).orElse(null));
        }
        CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title("Last " + runs.size() + " runs").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setyAxisTickLabelsFormattingFunction(ChartStyle.paceAwareLabels());
        chart.getStyler().setXAxisLabelRotation(runs.size() > 4 ? 45 : 0);
        chart.getStyler().setAxisTickLabelsFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, runs.size() > 4 ? 16 : 20));
        chart.getStyler().setAvailableSpaceFill(0.55);
        chart.getStyler().setOverlapped(true);
        CategorySeries d = chart.addSeries("Distance (" + f.units().distanceUnit() + ")", labels, distance);
        d.setFillColor(ChartStyle.DISTANCE);
        d.setYAxisGroup(0);
        chart.setYAxisGroupTitle(0, "Distance (" + f.units().distanceUnit() + ")");
        chart.getStyler().setYAxisMin(0, 0.0);
        List<Double> paceValues = pace.stream().map(p -> p == null ? Double.NaN : p).toList();
        double slowest = paceValues.stream().filter(p -> !p.isNaN()).mapToDouble(Double::doubleValue).min().orElse(-420);
        double fastest = paceValues.stream().filter(p -> !p.isNaN()).mapToDouble(Double::doubleValue).max().orElse(-240);
        CategorySeries p = chart.addSeries("Average pace (min/" + f.units().distanceUnit() + ")", labels, pace);
        p.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        p.setLineColor(ChartStyle.PACE);
        p.setMarkerColor(ChartStyle.PACE);
        p.setMarker(SeriesMarkers.CIRCLE);
        p.setLineWidth(3f);
        p.setYAxisGroup(1);
        chart.setYAxisGroupTitle(1, "Pace (faster up)");
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.getStyler().setYAxisMin(1, slowest - 30);
        chart.getStyler().setYAxisMax(1, fastest + 30);
        return new ChartImage(PngEncoder.encode(chart, ChartStyle.WIDTH, ChartStyle.HEIGHT), altText(runs, f));
    }

    private static String shortType(RunAnalysis r) {
        return switch (r.type()) {
            case INTERVALS -> "intervals";
            case TEMPO -> "tempo";
            case MODERATE -> "moderate";
            case PROGRESSION -> "progression";
            default -> r.type().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    static String altText(List<RunAnalysis> runs, Format f) {
        StringBuilder sb = new StringBuilder("Bar chart of the last ").append(runs.size()).append(" runs: ");
        for (int i = 0; i < runs.size(); i++) {
            RunAnalysis r = runs.get(i);
            sb.append(i == 0 ? "" : "; ").append(r.activity().start().map(f::day).orElse("unknown date")).append(' ')
                    .append(r.type().label()).append(' ').append(f.distance(r.distanceM()));
            r.averageSpeed().toOptional().ifPresent(v -> sb.append(" at ").append(f.pace(v)));
            r.averageHr().toOptional().ifPresent(h -> sb.append(", ").append(Math.round(h)).append(" bpm"));
        }
        return sb.append('.').toString();
    }
}
