package ai.pace42.coach.chart;

import ai.pace42.coach.ChartImage;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexed encoder keeps the look: every chart, decoded by ImageIO, matches the "before" reference rendered
 * with main's RGB encoder (src/test/resources/chart-reference, see {@link ReferenceCharts}) within a tight
 * per-pixel tolerance, and images whose colours fit a palette round-trip exactly.
 */
class PngFidelityTest {

    /** Largest change of any channel of any pixel (of 255): an anti-aliased edge blend moved to a near neighbour. */
    static final int MAX_CHANNEL_CHANGE = 32;
    /** At most this share of pixels may differ at all (the reference charts: 0.1–2%). */
    static final double MAX_CHANGED_SHARE = 0.03;
    static final int MAX_CHART_BYTES = 50_000;

    @Test
    void everyChartLooksLikeItsReferenceAndFitsTheSizeBudget() throws IOException {
        for (Map.Entry<String, Supplier<ChartImage>> e : ReferenceCharts.all().entrySet()) {
            byte[] png = e.getValue().get().png();
            BufferedImage after = decode(png);
            BufferedImage before;
            try (InputStream in = getClass().getResourceAsStream("/" + ReferenceCharts.RESOURCE_DIR + "/" + e.getKey() + ".png")) {
                assertThat(in).as(e.getKey()).isNotNull();
                before = ImageIO.read(in);
            }
            Difference d = Difference.of(before, after);
            assertThat(d.maxChannelChange).as(e.getKey() + " largest channel change").isLessThanOrEqualTo(MAX_CHANNEL_CHANGE);
            assertThat(d.changedShare()).as(e.getKey() + " share of changed pixels").isLessThanOrEqualTo(MAX_CHANGED_SHARE);
            assertThat(png.length).as(e.getKey() + " bytes").isLessThanOrEqualTo(MAX_CHART_BYTES);
            assertThat(colourType(png)).as(e.getKey() + " colour type").isEqualTo(3);
        }
    }

    @Test
    void anImageWithAtMost256ColoursRoundTripsExactly() throws IOException {
        BufferedImage img = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                int c = (x / 3 + y) % 250; // 250 distinct colours in diagonal stripes
                img.setRGB(x, y, (c * 7 & 0xFF) << 16 | (255 - c) << 8 | (c * 13 & 0xFF));
            }
        }
        byte[] png = PngEncoder.write(img);
        assertThat(colourType(png)).isEqualTo(3);
        assertThat(Difference.of(img, decode(png)).changed).isZero();
    }

    @Test
    void aPhotoLikeImageStaysRgbAndExact() throws IOException {
        BufferedImage img = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 200; x++) {
                img.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        byte[] png = PngEncoder.write(img);
        assertThat(colourType(png)).isEqualTo(2);
        assertThat(Difference.of(img, decode(png)).changed).isZero();
    }

    @Test
    void beyond256ColoursTheFrequentOnesStayExactAndRareOnesMoveLittle() throws IOException {
        BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 400; x++) {
                img.setRGB(x, y, 0xFFFFFF); // background
            }
        }
        // 600 single-pixel grey levels and tints along a "line": 600 + 1 colours in all.
        for (int i = 0; i < 600; i++) {
            int v = 40 + i * 200 / 600, tint = i % 3;
            img.setRGB(i % 400, 10 + i / 400 * 2, v << 16 | Math.min(255, v + tint) << 8 | v);
        }
        byte[] png = PngEncoder.write(img);
        BufferedImage out = decode(png);
        assertThat(colourType(png)).isEqualTo(3);
        assertThat(out.getRGB(200, 200) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(Difference.of(img, out).maxChannelChange).isLessThanOrEqualTo(MAX_CHANNEL_CHANGE);
    }

    static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(img).isNotNull();
        return img;
    }

    /** IHDR's colour type byte: 2 = RGB, 3 = indexed. */
    static int colourType(byte[] png) {
        return png[25];
    }

    record Difference(int maxChannelChange, long changed, long pixels) {

        double changedShare() {
            return (double) changed / pixels;
        }

        static Difference of(BufferedImage a, BufferedImage b) {
            assertThat(b.getWidth()).isEqualTo(a.getWidth());
            assertThat(b.getHeight()).isEqualTo(a.getHeight());
            int max = 0;
            long changed = 0;
            for (int y = 0; y < a.getHeight(); y++) {
                for (int x = 0; x < a.getWidth(); x++) {
                    int p = a.getRGB(x, y), q = b.getRGB(x, y);
                    int d = Math.max(Math.abs((p >> 16 & 0xFF) - (q >> 16 & 0xFF)),
                            Math.max(Math.abs((p >> 8 & 0xFF) - (q >> 8 & 0xFF)), Math.abs((p & 0xFF) - (q & 0xFF))));
                    if (d > 0) {
                        changed++;
                        max = Math.max(max, d);
                    }
                }
            }
            return new Difference(max, changed, (long) a.getWidth() * a.getHeight());
        }
    }
}
