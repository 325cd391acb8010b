package ai.pace42.coach.chart;

import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.function.Function;

/** One look for every chart: phone-readable fonts, the same colour for the same quantity everywhere. */
public final class ChartStyle {

    public static final int WIDTH = 960;
    public static final int HEIGHT = 600;
    /** Points per line: about one per 3 px of plot width; more only costs stroke time on a phone-size chart. */
    public static final int MAX_POINTS = 300;

    public static final Color PACE = new Color(0x1f, 0x6f, 0xd1);
    public static final Color HEART_RATE = new Color(0xd6, 0x27, 0x28);
    public static final Color FITNESS = new Color(0x1f, 0x6f, 0xd1);
    public static final Color FATIGUE = new Color(0xe0, 0x5a, 0x9b);
    public static final Color FORM = new Color(0x55, 0x55, 0x55);
    public static final Color LOW = new Color(0x2c, 0xa0, 0x2c);
    public static final Color MODERATE = new Color(0xff, 0x9f, 0x1c);
    public static final Color HIGH = new Color(0xd6, 0x27, 0x28);
    public static final Color DRIFT_ZONE = new Color(255, 159, 28, 60);
    public static final Color FADE_ZONE = new Color(214, 39, 40, 50);
    public static final Color LAP_LINE = new Color(0, 0, 0, 70);
    public static final Color DISTANCE = new Color(0x8e, 0xb8, 0xe5);

    private ChartStyle() {
    }

    public static void apply(AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setPlotGridLinesColor(new Color(0xe3, 0xe3, 0xe3));
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 28));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 22));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setLegendBorderColor(Color.WHITE);
        s.setChartPadding(16);
        s.setAntiAlias(true);
        s.setMarkerSize(9);
        s.setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
    }

    /**
     * Pace is plotted as negative seconds per unit so a faster pace sits higher on the chart (an inverted pace
     * axis); this formatter shows those values as m:ss and everything else as a plain number.
     */
    public static Function<Double, String> paceAwareLabels() {
        return v -> v < 0 ? clock(-v) : String.valueOf(Math.round(v));
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s / 60 + ":" + String.format("%02d", s % 60);
    }
}
