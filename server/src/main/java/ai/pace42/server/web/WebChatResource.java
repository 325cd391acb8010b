package ai.pace42.server.web;

import ai.pace42.bot.error.ErrorCode;
import ai.pace42.bot.error.Pace42Exception;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** Serves the browser chat page and its two static files; the first visit gets a chat identity cookie. */
@Path("/")
public final class WebChatResource {

    private static final Map<String, String> ASSET_TYPES = Map.of(
            "chat.js", "text/javascript; charset=utf-8",
            "chat.css", "text/css; charset=utf-8",
            "link.css", "text/css; charset=utf-8");

    private final WebIdentity identities;
    private final byte[] page;
    private final Map<String, byte[]> assets;

    public WebChatResource(WebIdentity identities) {
        this.identities = identities;
        this.page = read("index.html");
        this.assets = Map.of("chat.js", read("chat.js"), "chat.css", read("chat.css"), "link.css", read("link.css"));
    }

    @GET
    public Response page(@CookieParam(WebIdentity.COOKIE) Cookie cookie) {
        Response.ResponseBuilder ok = Response.ok(page, "text/html; charset=utf-8");
        if (identities.identify(cookie).isEmpty()) {
            ok.cookie(identities.cookie(identities.newSecret()));
        }
        return ok.build();
    }

    @GET
    @Path("static/{file}")
    public Response asset(@PathParam("file") String file) {
        String type = ASSET_TYPES.get(file);
        if (type == null) {
            throw new Pace42Exception(ErrorCode.NOT_FOUND);
        }
        return Response.ok(assets.get(file), type).build();
    }

    private static byte[] read(String file) {
        try (InputStream in = WebChatResource.class.getResourceAsStream("/web/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing web asset " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
