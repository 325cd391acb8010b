package ai.pace42.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.util.SlackRequestParser;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP mode: Slack posts events, slash commands and interactions here, and installers go through the OAuth
 * install. Posts are checked against the signing secret on their exact bytes before anything else reads them;
 * then Bolt routes them. Handlers acknowledge at once and answer later, so Slack gets its 200 within 3 s.
 */
@Path("/slack")
public final class SlackHttpResource {

    /** Events and commands are a few kilobytes. */
    static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(SlackHttpResource.class);

    private final App app;
    private final SlackSignature signature;
    private final SlackRequestParser parser;
    private final boolean oauth;

    SlackHttpResource(App app, SlackSignature signature, boolean oauth) {
        this.app = app;
        this.signature = signature;
        this.parser = new SlackRequestParser(app.config());
        this.oauth = oauth;
    }

    @POST
    @Path("events")
    @Consumes(MediaType.WILDCARD)
    public Response events(@Context HttpHeaders headers, InputStream body) {
        return signedPost("/slack/events", headers, body);
    }

    @POST
    @Path("commands")
    @Consumes(MediaType.WILDCARD)
    public Response commands(@Context HttpHeaders headers, InputStream body) {
        return signedPost("/slack/commands", headers, body);
    }

    @POST
    @Path("interactive")
    @Consumes(MediaType.WILDCARD)
    public Response interactive(@Context HttpHeaders headers, InputStream body) {
        return signedPost("/slack/interactive", headers, body);
    }

    /** Starts an install: sets the state cookie and sends the installer to Slack's consent page. */
    @GET
    @Path("install")
    public Response install(@Context HttpHeaders headers, @Context UriInfo uri) {
        return oauthStep(SlackSettings.INSTALL_PATH, headers, uri);
    }

    /** Slack sends the installer back here with a code; Bolt exchanges it (oauth.v2.access) and stores it. */
    @GET
    @Path("oauth_redirect")
    public Response oauthRedirect(@Context HttpHeaders headers, @Context UriInfo uri) {
        return oauthStep(SlackSettings.REDIRECT_PATH, headers, uri);
    }

    private Response signedPost(String path, HttpHeaders headers, InputStream body) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        if (bytes.length > MAX_BODY_BYTES) {
            return Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE).build();
        }
        String refusal = signature.refusal(headers.getHeaderString(SlackSignature.TIMESTAMP_HEADER),
                headers.getHeaderString(SlackSignature.SIGNATURE_HEADER), bytes);
        if (refusal != null) {
            LOG.warn("slack request to {} refused: {}", path, refusal);
            return Response.status(Response.Status.UNAUTHORIZED).build();
        }
        return run(path, headers, new String(bytes, StandardCharsets.UTF_8), Map.of());
    }

    private Response oauthStep(String path, HttpHeaders headers, UriInfo uri) {
        if (!oauth) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        Map<String, List<String>> query = new HashMap<>(uri.getQueryParameters());
        return run(path, headers, "", query);
    }

    private Response run(String path, HttpHeaders headers, String body, Map<String, List<String>> query) {
        Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(path)
                .queryString(query)
                .requestBody(body)
                .headers(new RequestHeaders(headers.getRequestHeaders()))
                .build());
        if (request == null) {
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        try {
            return toJaxRs(app.run(request));
        } catch (Exception e) {
            // Bolt's own failure: Slack will retry; never show the cause to the caller.
            LOG.error("slack request to {} failed", path, e);
            return Response.serverError().build();
        }
    }

    static Response toJaxRs(com.slack.api.bolt.response.Response bolt) {
        Response.ResponseBuilder out = Response.status(bolt.getStatusCode() == null ? 200 : bolt.getStatusCode());
        if (bolt.getHeaders() != null) {
            for (Map.Entry<String, List<String>> header : bolt.getHeaders().entrySet()) {
                for (String value : header.getValue()) {
                    out.header(header.getKey(), value);
                }
            }
        }
        if (bolt.getBody() != null && !bolt.getBody().isEmpty()) {
            out.entity(bolt.getBody()).type(bolt.getContentType() == null ? "text/plain" : bolt.getContentType());
        }
        return out.build();
    }
}
