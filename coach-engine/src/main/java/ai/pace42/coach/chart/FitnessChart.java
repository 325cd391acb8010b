package ai.pace42.coach.chart;

import ai.pace42.coach.ChartImage;
import ai.pace42.coach.answer.Format;
import ai.pace42.coach.fitness.FitnessDay;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Fitness (42-day), fatigue (7-day) and form over the last 90 days, with the −30 form line marked. */
public final class FitnessChart {

    public static final int DAYS = 90;
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private FitnessChart() {
    }

    public static ChartImage render(List<FitnessDay> allDays) {
        List<FitnessDay> days = allDays.subList(Math.max(0, allDays.size() - DAYS), allDays.size());
        int n = days.size();
        double[] x = new double[n], fit = new double[n], fat = new double[n], form = new double[n];
        for (int i = 0; i < n; i++) {
            FitnessDay d = days.get(i);
            x[i] = d.date().toEpochDay();
            fit[i] = d.fitness();
            fat[i] = d.fatigue();
            form[i] = d.form();
        }
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title("Fitness, fatigue and form (" + n + " days)").yAxisTitle("Load (HRSS/rTSS per day)").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setxAxisTickLabelsFormattingFunction(v -> LocalDate.ofEpochDay(Math.round(v)).format(LABEL));
        chart.getStyler().setXAxisMaxLabelCount(7);
        add(chart, "Fitness (42-day)", x, fit, ChartStyle.FITNESS, 4f);
        add(chart, "Fatigue (7-day)", x, fat, ChartStyle.FATIGUE, 2.5f);
        add(chart, "Form (fitness − fatigue)", x, form, ChartStyle.FORM, 2.5f);
        double min = Math.min(-35, java.util.Arrays.stream(form).min().orElse(0) - 5);
        chart.getStyler().setYAxisMin(min);
        AnnotationLine risk = new AnnotationLine(-30, false, false);
        chart.addAnnotation(risk);
        chart.getStyler().setAnnotationLineColor(ChartStyle.HIGH);
        return new ChartImage(PngEncoder.encode(chart, ChartStyle.WIDTH, ChartStyle.HEIGHT), altText(days));
    }

    private static void add(XYChart chart, String name, double[] x, double[] y, java.awt.Color c, float width) {
        if (x.length == 0) {
            return;
        }
        XYSeries s = chart.addSeries(name, x.length == 1 ? new double[] {x[0], x[0] + 1} : x,
                y.length == 1 ? new double[] {y[0], y[0]} : y);
        s.setLineColor(c);
        s.setLineWidth(width);
        s.setMarker(SeriesMarkers.NONE);
    }

    static String altText(List<FitnessDay> days) {
        if (days.isEmpty()) {
            return "Empty fitness chart: no runs yet.";
        }
        FitnessDay first = days.get(0), last = days.get(days.size() - 1);
        return String.format(Locale.ROOT,
                "Line chart from %s to %s: fitness from %.0f to %.0f, fatigue now %.0f, form now %.0f; a red line marks form −30.",
                first.date().format(LABEL), last.date().format(LABEL), first.fitness(), last.fitness(), last.fatigue(), last.form());
    }
}
