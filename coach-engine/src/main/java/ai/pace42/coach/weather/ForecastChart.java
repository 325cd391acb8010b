package ai.pace42.coach.weather;

import ai.pace42.coach.ChartImage;
import ai.pace42.coach.UnitSystem;
import ai.pace42.coach.chart.ChartStyle;
import ai.pace42.coach.chart.PngEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Hourly temperature (left axis), rain chance and wind (right axis) over the asked period, the best window shaded,
 * in the house chart style. Hours are labelled in the runner's zone.
 */
public final class ForecastChart {

    static final Color TEMPERATURE = new Color(0xd6, 0x27, 0x28);
    static final Color RAIN = new Color(0x1f, 0x6f, 0xd1);
    static final Color WIND = new Color(0x55, 0x55, 0x55);
    static final Color BEST = new Color(44, 160, 44, 60);

    private ForecastChart() {
    }

    public static ChartImage render(List<HourScore> hours, Optional<BestWindow> best, UnitSystem units, ZoneId zone) {
        int n = hours.size();
        double[] x = new double[n];
        double[] temp = new double[n];
        double[] rain = new double[n];
        double[] wind = new double[n];
        boolean imperial = units == UnitSystem.IMPERIAL;
        for (int i = 0; i < n; i++) {
            HourlyWeather h = hours.get(i).hour();
            x[i] = h.time().getEpochSecond() / 3600.0;
            temp[i] = imperial ? HeatEffect.fahrenheit(h.temperatureC()) : h.temperatureC();
            rain[i] = Double.isNaN(h.precipitationProbPct()) ? 0 : h.precipitationProbPct();
            wind[i] = Double.isNaN(h.windKmh()) ? 0 : imperial ? h.windKmh() / 1.609344 : h.windKmh();
        }
        boolean multiDay = n > 0 && !hours.get(0).hour().time().atZone(zone).toLocalDate()
                .equals(hours.get(n - 1).hour().time().atZone(zone).toLocalDate());
        DateTimeFormatter label = DateTimeFormatter.ofPattern(multiDay ? "EEE HH:mm" : "HH:mm", Locale.ENGLISH);
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title("Forecast: temperature, rain and wind").xAxisTitle("Time (" + zone.getId() + ")").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setxAxisTickLabelsFormattingFunction(
                v -> Instant.ofEpochSecond(Math.round(v * 3600)).atZone(zone).format(label));
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.getStyler().setYAxisMin(1, 0.0);
        chart.getStyler().setYAxisMax(1, Math.max(100.0, max(wind)));
        chart.getStyler().setYAxisDecimalPattern("#0");
        chart.setYAxisGroupTitle(0, "Temperature (" + (imperial ? "°F" : "°C") + ")");
        chart.setYAxisGroupTitle(1, "Rain chance (%), wind (" + (imperial ? "mph" : "km/h") + ")");
        if (n == 0) {
            x = new double[] {0};
            temp = new double[] {0};
            rain = new double[] {0};
            wind = new double[] {0};
        }
        if (best.isPresent()) {
            double from = best.get().start().getEpochSecond() / 3600.0;
            // The window's last hour runs until its end; the plot stops at the last hour's start.
            double to = Math.min(best.get().end().getEpochSecond() / 3600.0, x[x.length - 1]);
            double top = Math.max(100.0, max(wind));
            XYSeries zoneSeries = chart.addSeries("Best window", new double[] {from, from, to, to},
                    new double[] {0, top, top, 0});
            zoneSeries.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            zoneSeries.setFillColor(BEST);
            zoneSeries.setLineColor(BEST);
            zoneSeries.setMarker(SeriesMarkers.NONE);
            zoneSeries.setYAxisGroup(1);
        }
        style(chart.addSeries("Rain chance", x, rain), RAIN, 1);
        style(chart.addSeries("Wind", x, wind), WIND, 1);
        style(chart.addSeries("Temperature", x, temp), TEMPERATURE, 0);
        return new ChartImage(PngEncoder.encode(chart, ChartStyle.WIDTH, ChartStyle.HEIGHT),
                altText(hours, best, units, zone, label));
    }

    private static void style(XYSeries s, Color c, int group) {
        s.setLineColor(c);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineWidth(2.5f);
        s.setYAxisGroup(group);
    }

    private static double max(double[] v) {
        double m = 0;
        for (double d : v) {
            m = Math.max(m, d);
        }
        return m;
    }

    static String altText(List<HourScore> hours, Optional<BestWindow> best, UnitSystem units, ZoneId zone,
                          DateTimeFormatter label) {
        if (hours.isEmpty()) {
            return "Empty forecast chart: no forecast hours for this period.";
        }
        WeatherFormat wf = new WeatherFormat(units, zone);
        double lo = hours.stream().mapToDouble(h -> h.hour().temperatureC()).filter(v -> !Double.isNaN(v)).min().orElse(Double.NaN);
        double hi = hours.stream().mapToDouble(h -> h.hour().temperatureC()).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
        double rain = hours.stream().mapToDouble(h -> h.hour().precipitationProbPct()).filter(v -> !Double.isNaN(v)).max().orElse(0);
        return "Line chart of " + hours.size() + " forecast hours from "
                + hours.get(0).hour().time().atZone(zone).format(label) + ": temperature " + wf.temperature(lo) + " to "
                + wf.temperature(hi) + ", rain chance up to " + Math.round(rain) + "%"
                + best.map(b -> "; best window " + wf.time(b.start()) + "–" + wf.time(b.end()) + " shaded").orElse("") + ".";
    }
}
