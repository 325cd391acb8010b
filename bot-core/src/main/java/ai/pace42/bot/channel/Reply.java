package ai.pace42.bot.channel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What the bot says back, in platform-neutral parts. Text uses pace42's small markup ({@code **bold**},
 * {@code "- "} bullets) which each platform's {@link TextRenderer} turns into its own.
 *
 * @param ephemeral shown only to the user where the platform supports it (Slack, Discord interactions)
 */
public record Reply(List<Part> parts, boolean ephemeral) {

    public Reply {
        parts = List.copyOf(parts);
    }

    public static Reply text(String markup) {
        return new Reply(List.of(new Part.Text(markup)), false);
    }

    public static Reply of(Part... parts) {
        return new Reply(List.of(parts), false);
    }

    public Reply asEphemeral() {
        return new Reply(parts, true);
    }

    public Reply with(Part... more) {
        List<Part> all = new ArrayList<>(parts);
        all.addAll(Arrays.asList(more));
        return new Reply(all, ephemeral);
    }

    /** All text parts joined by blank lines; handy for platforms and tests that only see text. */
    public String plainText() {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            if (p instanceof Part.Text t) {
                if (sb.length() > 0) {
                    sb.append("\n\n");
                }
                sb.append(t.markup());
            }
        }
        return sb.toString();
    }

    /** One piece of a reply. */
    public sealed interface Part permits Part.Text, Part.Image, Part.LinkButton, Part.LocationRequest {

        record Text(String markup) implements Part {
            public Text {
                Objects.requireNonNull(markup, "markup");
            }
        }

        record Image(byte[] png, String altText) implements Part {
            public Image {
                Objects.requireNonNull(png, "png");
                Objects.requireNonNull(altText, "altText");
            }
        }

        record LinkButton(String label, String url) implements Part {
            public LinkButton {
                Objects.requireNonNull(label, "label");
                Objects.requireNonNull(url, "url");
            }
        }

        /**
         * Offers the platform's own "share my location" control (Telegram's request_location button, the browser's
         * geolocation). The core adds it only where the platform has one; a layout that cannot show it drops it.
         */
        record LocationRequest(String label) implements Part {
            public LocationRequest {
                Objects.requireNonNull(label, "label");
            }
        }
    }
}
