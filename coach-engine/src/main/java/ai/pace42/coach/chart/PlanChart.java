package ai.pace42.coach.chart;

import ai.pace42.coach.ChartImage;
import ai.pace42.coach.answer.Format;
import ai.pace42.coach.plan.PlanWeek;
import ai.pace42.coach.plan.TrainingPlan;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

import java.util.ArrayList;
import java.util.List;

/** Planned weekly distance (labelled by phase) beside what was run, week by week. */
public final class PlanChart {

    private PlanChart() {
    }

    public static ChartImage render(TrainingPlan plan, double[] doneByWeek, int currentWeek, Format f) {
        List<String> labels = new ArrayList<>();
        List<Double> planned = new ArrayList<>(), done = new ArrayList<>();
        for (PlanWeek w : plan.weeks()) {
            labels.add((w.index() + 1) + " " + w.phase().label() + (w.cutBack() ? "*" : ""));
            planned.add(w.volumeM() / f.unitMetres());
            done.add(w.index() <= currentWeek ? doneByWeek[w.index()] / f.unitMetres() : 0.0);
        }
        CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title("Your plan: weekly distance by phase (* cut-back)").xAxisTitle("Week")
                .yAxisTitle("Distance (" + f.units().distanceUnit() + ")").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setAvailableSpaceFill(0.8);
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setYAxisDecimalPattern("#0");
        chart.addSeries("Planned", labels, planned).setFillColor(ChartStyle.DISTANCE);
        chart.addSeries("Done", labels, done).setFillColor(ChartStyle.LOW);
        return new ChartImage(PngEncoder.encode(chart, ChartStyle.WIDTH, ChartStyle.HEIGHT), altText(plan, doneByWeek, currentWeek, f));
    }

    static String altText(TrainingPlan plan, double[] done, int currentWeek, Format f) {
        double peak = plan.weeks().stream().mapToDouble(PlanWeek::volumeM).max().orElse(0);
        String now = currentWeek >= 0 && currentWeek < plan.weeks().size()
                ? "; this week (" + (currentWeek + 1) + ") plans " + f.distance(plan.weeks().get(currentWeek).volumeM())
                + " and " + f.distance(done[currentWeek]) + " is done"
                : "";
        return "Bar chart of the plan's " + plan.weeks().size() + " weeks, planned distance beside distance run; the biggest "
                + "planned week is " + f.distance(peak) + now + ".";
    }
}
