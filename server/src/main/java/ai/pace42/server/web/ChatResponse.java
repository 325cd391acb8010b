package ai.pace42.server.web;

import ai.pace42.bot.channel.Reply;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** The JSON answer of the browser chat API. Text keeps pace42's markup; the page renders it safely. */
public record ChatResponse(String requestId, Body reply) {

    public record Body(List<PartJson> parts) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PartJson(String type, String text, String mimeType, String alt, String data, String label,
                           String url) {
    }

    public static ChatResponse of(String requestId, Reply reply) {
        return new ChatResponse(requestId, new Body(partsOf(reply)));
    }

    /** The parts as the page shows them; also how {@link WebHistory} keeps them. */
    public static List<PartJson> partsOf(Reply reply) {
        List<PartJson> parts = new ArrayList<>();
        for (Reply.Part part : reply.parts()) {
            if (part instanceof Reply.Part.Text t) {
                parts.add(new PartJson("text", t.markup(), null, null, null, null, null));
            } else if (part instanceof Reply.Part.Image i) {
                parts.add(new PartJson("image", null, "image/png", i.altText(),
                        Base64.getEncoder().encodeToString(i.png()), null, null));
            } else if (part instanceof Reply.Part.LinkButton l) {
                parts.add(new PartJson("link", null, null, null, null, l.label(), l.url()));
            } else if (part instanceof Reply.Part.LocationRequest r) {
                parts.add(new PartJson("location", null, null, null, null, r.label(), null));
            } else if (part instanceof Reply.Part.File f) {
                // The page offers the file as a download link to where it is served behind the same cookie.
                parts.add(f.downloadPath().isEmpty()
                        ? new PartJson("text", "Your file " + f.name() + " is not available in the browser chat.", null, null, null, null, null)
                        : new PartJson("link", null, null, null, null, "Download " + f.name(), f.downloadPath()));
            }
        }
        return parts;
    }

    /** What the runner sent, as their own bubble shows it: their text, or the name of the file they uploaded. */
    static PartJson said(String text) {
        return new PartJson("text", text, null, null, null, null, null);
    }

    static PartJson uploaded(String fileName) {
        return new PartJson("file", fileName, null, null, null, null, null);
    }
}
