package ai.pace42.coach.chart;

import ai.pace42.coach.ChartImage;
import ai.pace42.coach.answer.Format;
import ai.pace42.coach.fitness.WeekSummary;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Weekly distance as stacked bars split by intensity (low / moderate / high, by time share). */
public final class WeeklyVolumeChart {

    public static final int WEEKS = 12;
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private WeeklyVolumeChart() {
    }

    public static ChartImage render(List<WeekSummary> allWeeks, Format f) {
        List<WeekSummary> weeks = allWeeks.subList(Math.max(0, allWeeks.size() - WEEKS), allWeeks.size());
        List<String> labels = new ArrayList<>();
        List<Double> low = new ArrayList<>(), mid = new ArrayList<>(), high = new ArrayList<>();
        for (WeekSummary w : weeks) {
            labels.add(w.weekStart().format(LABEL));
            double total = w.lowS() + w.moderateS() + w.highS();
            double dist = w.distanceM() / f.unitMetres();
            low.add(total > 0 ? dist * w.lowS() / total : dist);
            mid.add(total > 0 ? dist * w.moderateS() / total : 0);
            high.add(total > 0 ? dist * w.highS() / total : 0);
        }
        if (labels.isEmpty()) {
            labels.add("no runs");
            low.add(0.0);
            mid.add(0.0);
            high.add(0.0);
        }
        CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title("Weekly distance by intensity").xAxisTitle("Week starting")
                .yAxisTitle("Distance (" + f.units().distanceUnit() + ")").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setStacked(true);
        chart.getStyler().setAvailableSpaceFill(0.7);
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setAxisTickLabelsFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 17));
        chart.getStyler().setYAxisDecimalPattern("#0");
        bar(chart, "Low (Z1–Z2)", labels, low, ChartStyle.LOW);
        bar(chart, "Moderate (Z3)", labels, mid, ChartStyle.MODERATE);
        bar(chart, "High (Z4–Z5)", labels, high, ChartStyle.HIGH);
        return new ChartImage(PngEncoder.encode(chart, ChartStyle.WIDTH, ChartStyle.HEIGHT), altText(weeks, f));
    }

    private static void bar(CategoryChart chart, String name, List<String> labels, List<Double> values, java.awt.Color c) {
        CategorySeries s = chart.addSeries(name, labels, values);
        s.setFillColor(c);
    }

    static String altText(List<WeekSummary> weeks, Format f) {
        if (weeks.isEmpty()) {
            return "Empty weekly volume chart: no runs yet.";
        }
        WeekSummary last = weeks.get(weeks.size() - 1);
        double max = weeks.stream().mapToDouble(WeekSummary::distanceM).max().orElse(0);
        return "Stacked bar chart of the last " + weeks.size() + " weeks of distance split into low, moderate and high "
                + "intensity; the week of " + last.weekStart().format(LABEL) + " has " + f.distance(last.distanceM())
                + " with " + Format.pct(last.highShare()) + " above Z2; the biggest week was " + f.distance(max) + ".";
    }
}
