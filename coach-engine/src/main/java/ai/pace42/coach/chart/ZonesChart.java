package ai.pace42.coach.chart;

import ai.pace42.coach.ChartImage;
import ai.pace42.coach.analysis.ZoneDistribution;
import ai.pace42.coach.analysis.ZoneTime;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/** Minutes in each zone as bars, one colour per zone from easy green to hard red. */
public final class ZonesChart {

    private static final Color[] ZONE_COLOURS = {
            new Color(0x9e, 0xcf, 0x9e), ChartStyle.LOW, ChartStyle.MODERATE, new Color(0xf0, 0x6a, 0x2a), ChartStyle.HIGH};

    private ZonesChart() {
    }

    public static ChartImage render(ZoneDistribution zones, String title) {
        List<String> labels = new ArrayList<>();
        for (ZoneTime z : zones.zones()) {
            labels.add(z.name());
        }
        CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title(title).yAxisTitle("Minutes").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setStacked(true);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setAvailableSpaceFill(0.7);
        chart.getStyler().setAxisTickLabelsFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 18));
        chart.getStyler().setYAxisDecimalPattern("#0");
        // One series per zone with zeros elsewhere, so each bar gets its own colour.
        for (int i = 0; i < zones.zones().size(); i++) {
            List<Double> values = new ArrayList<>();
            for (int j = 0; j < zones.zones().size(); j++) {
                values.add(i == j ? zones.zones().get(j).seconds() / 60.0 : 0.0);
            }
            CategorySeries s = chart.addSeries(labels.get(i), labels, values);
            s.setFillColor(ZONE_COLOURS[Math.min(i, ZONE_COLOURS.length - 1)]);
        }
        return new ChartImage(PngEncoder.encode(chart, ChartStyle.WIDTH, ChartStyle.HEIGHT), altText(zones, title));
    }

    static String altText(ZoneDistribution zones, String title) {
        StringBuilder sb = new StringBuilder("Bar chart, ").append(title).append(": ");
        double total = zones.totalSeconds();
        for (int i = 0; i < zones.zones().size(); i++) {
            ZoneTime z = zones.zones().get(i);
            sb.append(i == 0 ? "" : ", ").append(z.name()).append(' ').append(Math.round(z.seconds() / 60)).append(" min");
            if (total > 0) {
                sb.append(" (").append(Math.round(z.seconds() / total * 100)).append("%)");
            }
        }
        return sb.append('.').toString();
    }
}
