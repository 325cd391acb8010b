package ai.pace42.coach.chart;

import ai.pace42.coach.ChartImage;
import ai.pace42.coach.analysis.Decoupling;
import ai.pace42.coach.analysis.Pacing;
import ai.pace42.coach.analysis.RunAnalysis;
import ai.pace42.coach.analysis.RunStreams;
import ai.pace42.coach.analysis.SessionType;
import ai.pace42.coach.answer.Format;
import ai.pace42.coach.model.Lap;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.Arrays;

/**
 * One run: pace (inverted axis, faster is higher) and HR over distance (or time without distance), both despiked
 * (rolling median), smoothed over 30 s and drawn as one mean per plotted point ({@link TraceSmoothing}), stops as gaps; the HR-drift zone (decoupling above 5%) or the fading half of a
 * race is shaded; device lap boundaries are thin vertical lines.
 */
public final class RunChart {

    private RunChart() {
    }

    public static ChartImage render(RunAnalysis r, Format f) {
        RunStreams s = RunStreams.of(r.activity());
        boolean byDistance = s.hasSpeed() && !Double.isNaN(s.totalDistance()) && s.totalDistance() > 0;
        double unit = f.unitMetres();
        int n = s.size();
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = byDistance ? s.distance()[i] / unit : s.movingTime()[i] / 60.0;
        }
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title(title(r, f)).xAxisTitle(byDistance ? "Distance (" + f.units().distanceUnit() + ")" : "Moving time (min)")
                .build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setyAxisTickLabelsFormattingFunction(ChartStyle.paceAwareLabels());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setXAxisDecimalPattern("#0.#");
        boolean any = false;
        double[] paceRange = null;
        if (s.hasSpeed()) {
            double[] pace = new double[n];
            double[] smooth = smooth(TraceSmoothing.rollingMedian(s.speed(), TraceSmoothing.MEDIAN_HALF_WINDOW),
                    TraceSmoothing.meanHalfWindow(n));
            double[] moving = s.movingTime();
            for (int i = 0; i < n; i++) {
                // Stopped samples (no moving time gained) are gaps in the line, not a slow pace.
                boolean stopped = i > 0 && moving[i] == moving[i - 1];
                pace[i] = smooth[i] > 0.8 && !stopped ? -unit / smooth[i] : Double.NaN;
            }
            double[][] d = TraceSmoothing.bucketMeans(x, pace, ChartStyle.MAX_POINTS);
            if (TraceSmoothing.drawable(d[1])) {
                XYSeries p = chart.addSeries("Pace (min/" + f.units().distanceUnit() + ")", d[0], d[1]);
                style(p, ChartStyle.PACE, 0);
                chart.setYAxisGroupTitle(0, "Pace (min/" + f.units().distanceUnit() + ", faster up)");
                paceRange = paceAxis(d[1]);
                chart.getStyler().setYAxisMin(0, paceRange[0]);
                chart.getStyler().setYAxisMax(0, paceRange[1]);
                any = true;
            }
        }
        double[] hrRange = null;
        if (r.quality().hrReliable()) {
            double[] hr = smooth(TraceSmoothing.rollingMedian(s.heartRate(), TraceSmoothing.MEDIAN_HALF_WINDOW),
                    TraceSmoothing.meanHalfWindow(n));
            double[][] d = TraceSmoothing.bucketMeans(x, hr, ChartStyle.MAX_POINTS);
            if (TraceSmoothing.drawable(d[1])) {
                int group = any ? 1 : 0;
                XYSeries h = chart.addSeries("Heart rate (bpm)", d[0], d[1]);
                style(h, ChartStyle.HEART_RATE, group);
                chart.setYAxisGroupTitle(group, "Heart rate (bpm)");
                chart.getStyler().setYAxisGroupPosition(group, any ? Styler.YAxisPosition.Right : Styler.YAxisPosition.Left);
                hrRange = paddedRange(d[1], 0.15, 20);
                chart.getStyler().setYAxisMin(group, hrRange[0]);
                chart.getStyler().setYAxisMax(group, hrRange[1]);
                any = true;
            }
        }
        if (!any) {
            XYSeries empty = chart.addSeries("No pace or heart-rate samples", new double[] {0, 1}, new double[] {0, 0});
            empty.setLineColor(ChartStyle.FORM);
            empty.setMarker(SeriesMarkers.NONE);
        } else {
            shadeZone(chart, r, s, x, byDistance, paceRange, hrRange);
            for (Lap lap : r.activity().laps()) {
                if (lap.startS() > 0) {
                    chart.addAnnotation(new AnnotationLine(x[indexAtOrAfter(s.time(), lap.startS())], true, false));
                }
            }
        }
        chart.getStyler().setAnnotationLineColor(ChartStyle.LAP_LINE);
        byte[] png = PngEncoder.encode(chart, ChartStyle.WIDTH, ChartStyle.HEIGHT);
        return new ChartImage(png, altText(r, f, byDistance));
    }

    /** Shade the drifting second half of a steady run, or the fading second half of a race/tempo. */
    private static void shadeZone(XYChart chart, RunAnalysis r, RunStreams s, double[] x, boolean byDistance,
                                  double[] paceRange, double[] hrRange) {
        double from = Double.NaN;
        String label = null;
        java.awt.Color colour = null;
        if (r.decoupling().isKnown() && r.decoupling().get().percent() > 5) {
            Decoupling d = r.decoupling().get();
            double start = d.skippedWarmupS() + (s.movingSeconds() - d.skippedWarmupS()) / 2;
            from = xAtMovingTime(s, x, start);
            label = "HR drift zone";
            colour = ChartStyle.DRIFT_ZONE;
        } else if (r.pacing().isKnown() && (r.type() == SessionType.RACE || r.type() == SessionType.TEMPO)
                && r.pacing().get().splitRatio() > 1.02) {
            Pacing p = r.pacing().get();
            from = xAtMovingTime(s, x, p.firstHalfS());
            label = "Fade (slower half)";
            colour = ChartStyle.FADE_ZONE;
        }
        if (Double.isNaN(from) || hrRange == null) {
            return;
        }
        // XChart fills an area down to zero; on the (positive) HR axis that covers the full plot height.
        double to = x[x.length - 1];
        double top = hrRange[1];
        XYSeries zone = chart.addSeries(label, new double[] {from, from, to, to}, new double[] {0, top, top, 0});
        zone.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        zone.setFillColor(colour);
        zone.setLineColor(colour);
        zone.setMarker(SeriesMarkers.NONE);
        zone.setYAxisGroup(paceRange != null ? 1 : 0);
    }

    private static double xAtMovingTime(RunStreams s, double[] x, double t) {
        return x[indexAtOrAfter(s.movingTime(), t)];
    }

    /** Index of the first value ≥ t in an ascending array, clamped to the last index. */
    static int indexAtOrAfter(double[] ascending, double t) {
        int i = Arrays.binarySearch(ascending, t);
        return Math.max(0, Math.min(ascending.length - 1, i >= 0 ? i : -i - 1));
    }

    private static void style(XYSeries series, java.awt.Color colour, int group) {
        series.setLineColor(colour);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineWidth(2.5f);
        series.setYAxisGroup(group);
    }

    static double[] smooth(double[] v, int halfWindow) {
        double[] out = new double[v.length];
        double sum = 0;
        int count = 0, lo = 0, hi = -1;
        for (int i = 0; i < v.length; i++) {
            while (hi < Math.min(v.length - 1, i + halfWindow)) {
                hi++;
                if (!Double.isNaN(v[hi]) && v[hi] > 0) {
                    sum += v[hi];
                    count++;
                }
            }
            while (lo < i - halfWindow) {
                if (!Double.isNaN(v[lo]) && v[lo] > 0) {
                    sum -= v[lo];
                    count--;
                }
                lo++;
            }
            out[i] = count > 0 ? sum / count : Double.NaN;
        }
        return out;
    }

    /** Range covering the 2nd–98th percentile plus padding, so one GPS blip cannot flatten the whole line. */
    /**
     * The pace axis (values are negative s per unit, faster up): the 2–98% range, but never slower than 1.6 × the
     * median pace, so the slow walk around a stop cannot stretch the axis to 20 min/km and flatten the run.
     */
    static double[] paceAxis(double[] negativePaces) {
        double[] sorted = Arrays.stream(negativePaces).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double median = sorted[sorted.length / 2];
        double slowest = median * 1.6;
        double[] clipped = Arrays.stream(sorted).map(v -> Math.max(v, slowest)).toArray();
        return paddedRange(clipped, 0.12, 60);
    }

    static double[] paddedRange(double[] values, double pad, double minSpan) {
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double lo = sorted[(int) (0.02 * (sorted.length - 1))], hi = sorted[(int) (0.98 * (sorted.length - 1))];
        if (hi - lo < minSpan) {
            double mid = (hi + lo) / 2;
            lo = mid - minSpan / 2;
            hi = mid + minSpan / 2;
        }
        double span = hi - lo;
        return new double[] {lo - span * pad, hi + span * pad};
    }

    private static String title(RunAnalysis r, Format f) {
        // With its year: a chart is forwarded and looked at later, and an uploaded file may be from any year.
        String when = r.activity().start().map(f::date).orElse("Run");
        return when + ": " + r.type().label();
    }

    static String altText(RunAnalysis r, Format f, boolean byDistance) {
        StringBuilder sb = new StringBuilder("Line chart of ");
        sb.append(r.activity().start().map(f::date).orElse("the run")).append(" (").append(r.type().label()).append(")");
        sb.append(byDistance ? " over distance: " : " over time: ");
        if (r.averageSpeed().isKnown()) {
            sb.append("average pace ").append(f.pace(r.averageSpeed().get()));
        } else {
            sb.append("no pace");
        }
        if (r.averageHr().isKnown()) {
            sb.append(", average heart rate ").append(Format.bpm(r.averageHr().get()));
        } else {
            sb.append(", heart rate not shown (").append(r.averageHr().reason()).append(")");
        }
        r.decoupling().toOptional().filter(d -> d.percent() > 5)
                .ifPresent(d -> sb.append(", shaded second half where heart rate drifted ").append(Format.one(d.percent())).append("%"));
        if (!r.activity().laps().isEmpty()) {
            sb.append(", ").append(r.activity().laps().size()).append(" laps marked");
        }
        return sb.append('.').toString();
    }
}
