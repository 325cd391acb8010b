package ai.pace42.coach;

import java.util.Objects;

/** A rendered chart: PNG bytes plus alt text that says what the chart shows, for screen readers and captions. */
public record ChartImage(byte[] png, String altText) {

    public ChartImage {
        Objects.requireNonNull(png, "png");
        Objects.requireNonNull(altText, "altText");
    }
}
