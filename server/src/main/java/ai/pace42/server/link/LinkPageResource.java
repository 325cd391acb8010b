package ai.pace42.server.link;

import ai.pace42.bot.error.ErrorCode;
import ai.pace42.bot.linking.GarminLinking;
import ai.pace42.bot.linking.LinkState;
import ai.pace42.bot.linking.PendingLink;
import ai.pace42.bot.secrets.SecretStoreUnavailableException;
import ai.pace42.server.http.RequestIds;
import ai.pace42.server.http.TrustedProxies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-time link page. {@code GET /link/<token>} never uses the link up (chat apps and scanners prefetch
 * URLs): it swaps the token for a short-lived HttpOnly cookie and redirects to {@code /link}, so the token leaves
 * the address bar and request logs. Each method's form is a POST carrying a CSRF token bound to the same link;
 * completing it uses the link up atomically and stores Garmin's tokens under the link's own account.
 */
@Path("/link")
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public final class LinkPageResource {

    public static final String COOKIE = "pace42_link";
    private static final String UNAVAILABLE = "That way of connecting is not available.";
    private static final Logger LOG = LoggerFactory.getLogger(LinkPageResource.class);

    private final GarminLinking linking;
    private final Map<String, LinkMethod> methods = new LinkedHashMap<>();
    private final CsrfTokens csrf;
    private final URI publicUrl;
    private final Clock clock;
    private final LinkVisitLimits visits;
    private final TrustedProxies proxies;

    public LinkPageResource(GarminLinking linking, List<LinkMethod> methods, CsrfTokens csrf, URI publicUrl,
                            Clock clock) {
        this(linking, methods, csrf, publicUrl, clock, TrustedProxies.none());
    }

    /** @param proxies our reverse proxies, whose {@code X-Forwarded-For} names the address sign-ins are counted by */
    public LinkPageResource(GarminLinking linking, List<LinkMethod> methods, CsrfTokens csrf, URI publicUrl,
                            Clock clock, TrustedProxies proxies) {
        this.proxies = proxies;
        this.linking = linking;
        methods.forEach(m -> this.methods.put(m.id(), m));
        this.csrf = csrf;
        this.publicUrl = publicUrl;
        this.clock = clock;
        this.visits = LinkVisitLimits.defaults(clock);
    }

    @GET
    @Path("{token}")
    public Response arrive(@PathParam("token") String token, @Context HttpServletRequest servlet) {
        Optional<Duration> wait = visits.visit(clientOf(servlet), token);
        if (wait.isPresent()) {
            return tooManyVisits(wait.get());
        }
        Optional<PendingLink> link = linking.pending(token);
        if (link.isEmpty()) {
            return invalid(token);
        }
        long seconds = Math.max(1, Duration.between(clock.instant(), link.get().expiresAt()).toSeconds());
        NewCookie cookie = new NewCookie.Builder(COOKIE).value(token).path("/link").httpOnly(true)
                .secure("https".equals(publicUrl.getScheme()))
                // Lax, not Strict: the runner arrives by a top-level navigation from the chat app.
                .sameSite(NewCookie.SameSite.LAX).maxAge((int) seconds).build();
        return Response.seeOther(URI.create("/link")).cookie(cookie).build();
    }

    @GET
    public Response page(@CookieParam(COOKIE) String token, @Context HttpServletRequest servlet) {
        Optional<Duration> wait = visits.visit(clientOf(servlet), token);
        if (wait.isPresent()) {
            return tooManyVisits(wait.get());
        }
        return linking.pending(token).map(link -> Response.ok(methodsPage(link, null)).build())
                .orElseGet(() -> invalid(token));
    }

    /** Starts a method that runs on Garmin's own site: a plain link, as our CSP blocks cross-site form posts. */
    @GET
    @Path("{method}/start")
    public Response start(@PathParam("method") String methodId, @CookieParam(COOKIE) String token) {
        Optional<PendingLink> pending = linking.pending(token);
        if (pending.isEmpty()) {
            return invalid(token);
        }
        if (!(methods.get(methodId) instanceof RedirectLinkMethod method)) {
            return Response.status(404).entity(methodsPage(pending.get(), UNAVAILABLE)).build();
        }
        return answer(pending.get(), method, method.start(pending.get()));
    }

    /** Where Garmin sends the runner back. Shows what Garmin approved; only the confirmation uses the link up. */
    @GET
    @Path("{method}/callback")
    public Response callback(@PathParam("method") String methodId, @CookieParam(COOKIE) String token,
                             @Context UriInfo request) {
        Optional<PendingLink> pending = linking.pending(token);
        if (pending.isEmpty()) {
            return invalid(token);
        }
        if (!(methods.get(methodId) instanceof RedirectLinkMethod method)) {
            return Response.status(404).entity(methodsPage(pending.get(), UNAVAILABLE)).build();
        }
        Map<String, String> query = new LinkedHashMap<>();
        request.getQueryParameters().forEach((k, v) -> query.put(k, v.isEmpty() ? "" : v.get(0)));
        return answer(pending.get(), method, method.callback(pending.get(), query));
    }

    @POST
    @Path("{method}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response complete(@PathParam("method") String methodId, @CookieParam(COOKIE) String token,
                             @HeaderParam("Origin") String origin, @Context UriInfo request,
                             @Context HttpServletRequest servlet, MultivaluedMap<String, String> form) {
        Optional<PendingLink> pending = linking.pending(token);
        if (pending.isEmpty()) {
            return invalid(token);
        }
        PendingLink link = pending.get();
        if (!sameOrigin(origin, request.getBaseUri()) || !csrf.matches(link.tokenHash(), form.getFirst("csrf"))) {
            LOG.warn("link form refused: origin or CSRF token did not match");
            return Response.status(403).entity(Html.page("Please start again", "<h1>Please start again</h1>"
                    + "<p>This form could not be accepted. Open the link from your chat again.</p>")).build();
        }
        LinkMethod method = methods.get(methodId);
        if (method == null) {
            return Response.status(404).entity(methodsPage(link, UNAVAILABLE)).build();
        }
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.get(0)));
        LinkMethod.Outcome outcome = method.complete(link, values,
                new LinkMethod.Caller(clientOf(servlet), RequestIds.current()));
        if (!(outcome instanceof LinkMethod.Outcome.Linked linked)) {
            return answer(link, method, outcome);
        }
        Optional<GarminLinking.Completed> done;
        try {
            done = linking.complete(token, linked.garminDisplayName(), linked.secretJson(), RequestIds.current());
        } catch (SecretStoreUnavailableException e) {
            return Response.status(503).entity(methodsPage(link, "Secure storage is temporarily unavailable, so "
                    + "nothing was saved. Please try again in a few minutes.")).build();
        }
        if (done.isEmpty()) {
            return invalid(token);
        }
        NewCookie expired = new NewCookie.Builder(COOKIE).value("").path("/link").maxAge(0).httpOnly(true).build();
        return Response.ok(confirmInChatPage(linked.garminDisplayName(), done.get())).cookie(expired).build();
    }

    /**
     * Garmin accepted, but nothing is used until this code is typed into the chat that asked for the link. The page
     * names that chat concretely, so someone who was sent another person's link sees it is not theirs.
     */
    private String confirmInChatPage(String garminName, GarminLinking.Completed done) {
        PendingLink link = done.link();
        long minutes = Math.max(1, (Duration.between(clock.instant(), done.confirmBy()).toSeconds() + 59) / 60);
        return Html.page("Confirm in your chat", "<h1>Now confirm in " + Html.escape(link.chatName()) + "</h1>"
                + "<p>Garmin accepted <strong>" + Html.escape(garminName) + "</strong>. pace42 uses nothing until "
                + "you confirm in the chat that asked for this link: <strong>" + Html.escape(link.identityLabel())
                + "</strong>, which asked for it on " + Html.escape(link.issuedLabel()) + ".</p>"
                + "<p>Send this there within " + minutes + " minutes:</p>"
                + "<p class=\"code\"><strong id=\"confirm-command\">/link confirm " + done.code() + "</strong></p>"
                + "<p>If you did not ask for this link in that chat yourself, close this page and give this code to "
                + "nobody: someone sent you their link. Without the code nothing is kept.</p>");
    }

    /** The page for an outcome that does not finish the link: an error, another step, or a trip to Garmin. */
    private Response answer(PendingLink link, LinkMethod method, LinkMethod.Outcome outcome) {
        if (outcome instanceof LinkMethod.Outcome.Redirect redirect) {
            return Response.seeOther(redirect.location()).build();
        }
        if (outcome instanceof LinkMethod.Outcome.NeedsMore more) {
            return Response.ok(stepPage(link, method, more)).build();
        }
        if (outcome instanceof LinkMethod.Outcome.Failed failed) {
            return Response.status(failed.status()).entity(methodsPage(link, failed.message())).build();
        }
        // A method that reports "linked" outside a confirmed POST must not use the link up from a GET.
        return Response.status(422).entity(methodsPage(link, UNAVAILABLE)).build();
    }

    /** The form must come from this site: the public URL's origin, or the origin the request itself was sent to. */
    private boolean sameOrigin(String origin, URI requested) {
        if (origin == null || origin.isBlank() || origin.equals("null")) {
            // Browsers send "null" under Referrer-Policy: no-referrer; the CSRF token still has to match.
            return true;
        }
        return origin.equals(originOf(publicUrl)) || origin.equals(originOf(requested));
    }

    private static String originOf(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    /** The friendly refusal when the page was opened too often: when to come back, with code and reference. */
    /** The runner's address: the TCP peer, or what our trusted proxy saw when the peer is one of ours. */
    private String clientOf(HttpServletRequest servlet) {
        return proxies.clientOf(servlet.getRemoteAddr(), Collections.list(servlet.getHeaders("X-Forwarded-For")));
    }

    private static Response tooManyVisits(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return Response.status(ErrorCode.RATE_LIMITED.httpStatus())
                .header("Retry-After", Math.max(1, wait.toSeconds()))
                .entity(Html.page("Too many visits", "<h1>Please wait a moment</h1><p>This link page was opened "
                        + "too often, from your network or for this link. Please wait about " + minutes
                        + (minutes == 1 ? " minute" : " minutes") + ", then open your link again, or send "
                        + "<strong>/link</strong> in your chat with pace42 for a fresh one.</p><p class=\"fine\">Code "
                        + ErrorCode.RATE_LIMITED.name() + ", reference " + Html.escape(RequestIds.current()) + "</p>"))
                .build();
    }

    /** A page that says why the link no longer works and what to do next. */
    private Response invalid(String token) {
        LinkState state = token == null ? LinkState.UNKNOWN : linking.state(token);
        String why = switch (state) {
            case USED -> "<h1>This link was already used</h1><p>Each link works once. If you sent the code it "
                    + "showed to your chat, you are all set: ask there <em>Analyze my last run</em>.</p>";
            case EXPIRED -> "<h1>This link has expired</h1><p>Links work for a few minutes only, to keep your "
                    + "account safe.</p>";
            case REPLACED -> "<h1>A newer link replaced this one</h1><p>Only the newest link from your chat works."
                    + "</p>";
            default -> "<h1>This link can't be used</h1><p>It has expired, was already used, or a newer link "
                    + "replaced it.</p>";
        };
        return Response.status(410).entity(Html.page("Link not valid", why
                + "<p>Send <strong>/link</strong> in your chat with pace42 to get a fresh one.</p>")).build();
    }

    private String methodsPage(PendingLink link, String error) {
        StringBuilder body = new StringBuilder("<h1>Connect Garmin</h1>");
        body.append("<p>You are connecting Garmin to <strong>").append(Html.escape(link.identityLabel()))
                .append("</strong>. If that is not you, close this page: someone may have forwarded their link.</p>");
        if (error != null) {
            body.append("<p class=\"error\" role=\"alert\">").append(Html.escape(error)).append("</p>");
        }
        if (methods.isEmpty()) {
            body.append("<p>No way to connect Garmin is configured on this server yet. "
                    + "Please ask the operator of this pace42.</p>");
        }
        for (LinkMethod m : methods.values()) {
            body.append("<section><h2>").append(Html.escape(m.title())).append("</h2><p>")
                    .append(Html.escape(m.description())).append("</p>");
            if (m instanceof RedirectLinkMethod redirecting) {
                body.append("<p><a class=\"button\" href=\"/link/").append(Html.escape(m.id())).append("/start\">")
                        .append(Html.escape(redirecting.startLabel())).append("</a></p>");
            } else {
                body.append(form(link, m, m.fields(), Map.of(), "Connect"));
            }
            body.append("</section>");
        }
        body.append("<p class=\"fine\">pace42 never asks for your Garmin password in chat and never stores it.</p>");
        return Html.page("Connect Garmin", body.toString());
    }

    private String stepPage(PendingLink link, LinkMethod method, LinkMethod.Outcome.NeedsMore more) {
        return Html.page("Connect Garmin", "<h1>Connect Garmin</h1><p>" + Html.escape(more.message()) + "</p>"
                + form(link, method, more.fields(), more.hidden(), "Continue"));
    }

    private String form(PendingLink link, LinkMethod method, List<LinkMethod.Field> fields,
                        Map<String, String> hidden, String submit) {
        StringBuilder f = new StringBuilder("<form method=\"post\" action=\"/link/")
                .append(Html.escape(method.id())).append("\">")
                .append("<input type=\"hidden\" name=\"csrf\" value=\"").append(csrf.forLink(link.tokenHash()))
                .append("\">");
        hidden.forEach((k, v) -> f.append("<input type=\"hidden\" name=\"").append(Html.escape(k))
                .append("\" value=\"").append(Html.escape(v)).append("\">"));
        for (LinkMethod.Field field : fields) {
            String id = method.id() + "-" + field.name();
            f.append("<label for=\"").append(Html.escape(id)).append("\">").append(Html.escape(field.label()))
                    .append("</label>");
            switch (field.kind()) {
                case TEXTAREA -> f.append("<textarea id=\"").append(Html.escape(id)).append("\" name=\"")
                        .append(Html.escape(field.name())).append("\" rows=\"5\" required></textarea>");
                case HIDDEN -> { }
                default -> f.append("<input id=\"").append(Html.escape(id)).append("\" name=\"")
                        .append(Html.escape(field.name())).append("\" type=\"")
                        .append(field.kind() == LinkMethod.Field.Kind.PASSWORD ? "password" : "text")
                        .append("\" autocomplete=\"off\" required>");
            }
            if (!field.hint().isBlank()) {
                f.append("<small>").append(Html.escape(field.hint())).append("</small>");
            }
        }
        return f.append("<button type=\"submit\">").append(Html.escape(submit)).append("</button></form>").toString();
    }
}
