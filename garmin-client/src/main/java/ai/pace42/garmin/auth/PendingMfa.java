package ai.pace42.garmin.auth;

import ai.pace42.garmin.normalise.PayloadReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A sign-in waiting for its MFA code, in a form any instance can store and resume: Garmin's SSO session is
 * nothing but its cookies, so those are kept (the server seals the whole value with the secret store) together
 * with the MFA method and the attempts left. The password is never part of it.
 */
record PendingMfa(String method, int attemptsLeft, List<Cookie> cookies) {

    /** The parts of a cookie the SSO needs back. */
    record Cookie(String name, String value, String domain, String path, boolean secure) {
    }

    static List<Cookie> cookiesOf(CookieManager jar) {
        return jar.getCookieStore().getCookies().stream()
                .filter(c -> !c.hasExpired())
                .map(c -> new Cookie(c.getName(), c.getValue(), c.getDomain(), c.getPath(), c.getSecure()))
                .toList();
    }

    /** A fresh jar holding the kept cookies, as if the browser had never left. */
    CookieManager cookieJar(URI sso) {
        CookieManager jar = new CookieManager();
        for (Cookie c : cookies) {
            HttpCookie cookie = new HttpCookie(c.name(), c.value());
            cookie.setDomain(c.domain());
            cookie.setPath(c.path() == null ? "/" : c.path());
            cookie.setSecure(c.secure());
            cookie.setVersion(0);
            jar.getCookieStore().add(sso, cookie);
        }
        return jar;
    }

    PendingMfa withAttemptsLeft(int n) {
        return new PendingMfa(method, n, cookies);
    }

    String toJson() {
        ObjectNode o = PayloadReader.mapper().createObjectNode().put("method", method).put("attemptsLeft", attemptsLeft);
        ArrayNode list = o.putArray("cookies");
        cookies.forEach(c -> list.addObject().put("name", c.name()).put("value", c.value()).put("domain", c.domain())
                .put("path", c.path()).put("secure", c.secure()));
        return o.toString();
    }

    static PendingMfa fromJson(String json) {
        try {
            JsonNode o = PayloadReader.mapper().readTree(json);
            List<Cookie> cookies = new ArrayList<>();
            o.path("cookies").forEach(c -> cookies.add(new Cookie(c.path("name").asText(), c.path("value").asText(),
                    c.hasNonNull("domain") ? c.get("domain").asText() : null,
                    c.hasNonNull("path") ? c.get("path").asText() : "/", c.path("secure").asBoolean())));
            return new PendingMfa(o.path("method").asText("email"), o.path("attemptsLeft").asInt(0), cookies);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "PendingMfa[" + method + ", " + attemptsLeft + " left, " + cookies.size() + " cookie(s)]";
    }
}
