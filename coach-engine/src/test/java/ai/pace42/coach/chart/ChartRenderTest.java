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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every chart type renders a decodable phone-size PNG with alt text that carries real numbers. */
class ChartRenderTest {

    static TrainingHistory history;
    static LoadStatus status;
    static final Format METRIC = new Format(UnitSystem.METRIC, Fixtures.ZONE);

    @BeforeAll
    static void sample() {
        SampleAthlete s = new SampleAthlete(Clock.fixed(Fixtures.NOW, ZoneOffset.UTC), Fixtures.ZONE);
        var runs = s.list(Instant.EPOCH, Fixtures.NOW).stream().map(h -> s.load(h.id()).orElseThrow()).toList();
        history = Fixtures.history(s.profile(), runs);
        status = LoadStatusCalculator.of(history, Fixtures.TODAY);
    }

    static BufferedImage decode(ChartImage c) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(c.png()));
        assertThat(img).isNotNull();
        assertThat(img.getWidth()).isEqualTo(ChartStyle.WIDTH);
        assertThat(img.getHeight()).isEqualTo(ChartStyle.HEIGHT);
        assertThat(c.altText()).matches(".*\\d.*");
        return img;
    }

    /** A chart that drew something has more than a handful of distinct colours. */
    static void assertNotBlank(BufferedImage img) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 4) {
            for (int x = 0; x < img.getWidth(); x += 4) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertThat(colours.size()).isGreaterThan(10);
    }

    @Test
    void runChartForEveryRunOfTheSampleAthlete() throws IOException {
        for (RunAnalysis r : history.runs().subList(history.runs().size() - 6, history.runs().size())) {
            ChartImage c = RunChart.render(r, METRIC);
            assertNotBlank(decode(c));
            assertThat(c.altText()).contains(r.type().label());
        }
    }

    @Test
    void aRunFromAnotherYearShowsItsYear() {
        ai.pace42.coach.model.Activity old = ai.pace42.coach.Fixtures.build(ai.pace42.coach.sample.RunSynthesizer.seeded(7)
                .segment(30, 330, 140, 142), "old", java.time.LocalDate.of(2014, 6, 3));
        RunAnalysis r = ai.pace42.coach.Fixtures.history(ai.pace42.coach.model.AthleteProfile.unknown(), List.of(old))
                .runs().get(0);

        assertThat(RunChart.render(r, METRIC).altText()).startsWith("Line chart of Tue 3 Jun 2014 (");
    }

    @Test
    void runChartSaysWhenHeartRateIsMissing() throws IOException {
        RunAnalysis noHr = history.runs().stream().filter(r -> !r.quality().hrReliable()).findFirst().orElseThrow();
        ChartImage c = RunChart.render(noHr, METRIC);
        decode(c);
        assertThat(c.altText()).contains("heart rate not shown");
    }

    @Test
    void otherChartTypes() throws IOException {
        List<RunAnalysis> last3 = history.runs().subList(history.runs().size() - 3, history.runs().size());
        assertNotBlank(decode(RecentRunsChart.render(last3, METRIC)));
        assertNotBlank(decode(FitnessChart.render(status.days())));
        assertNotBlank(decode(WeeklyVolumeChart.render(status.weeks(), new Format(UnitSystem.IMPERIAL, Fixtures.ZONE))));
        assertNotBlank(decode(ZonesChart.render(history.runs().get(history.runs().size() - 1).hrZones().get(), "Time in HR zones")));
    }

    @Test
    void emptyInputsStillRender() throws IOException {
        assertThat(ImageIO.read(new ByteArrayInputStream(WeeklyVolumeChart.render(List.of(), METRIC).png()))).isNotNull();
        assertThat(FitnessChart.render(List.of()).altText()).contains("no runs");
    }

    @Test
    void pngIsSmallEnoughForChatUploads() {
        RunAnalysis last = history.runs().get(history.runs().size() - 1);
        assertThat(RunChart.render(last, METRIC).png().length).isLessThan(400_000);
    }
}
