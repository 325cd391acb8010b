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
    public sealed interface Part permits Part.Text, Part.Image, Part.LinkButton, Part.LocationRequest, Part.File {

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

        /**
         * A file to send (the plan's .ics calendar). Where a platform cannot send files the layout says where to
         * download it instead.
         *
         * @param downloadPath where the browser chat serves the same file (relative, behind the same sign-in), or ""
         */
        record File(String name, String mediaType, byte[] bytes, String downloadPath) implements Part {
            /** Far below every platform's upload limit; a calendar of a 24-week plan is about 40 KB. */
            public static final int MAX_BYTES = 1024 * 1024;

            public File {
                Objects.requireNonNull(name, "name");
                Objects.requireNonNull(mediaType, "mediaType");
                Objects.requireNonNull(bytes, "bytes");
                downloadPath = downloadPath == null ? "" : downloadPath;
                if (bytes.length > MAX_BYTES) {
                    throw new IllegalArgumentException("file of " + bytes.length + " bytes is above " + MAX_BYTES);
                }
                if (name.isBlank() || name.contains("/") || name.contains("\\")) {
                    throw new IllegalArgumentException("a file name without a path is needed");
                }
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
