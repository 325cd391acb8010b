package ai.pace42.server.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Names the request thread after what it serves, with secrets in the path masked, so a thread dump (the admin
 * port's {@code /threads}) shows {@code POST /link/***} and never a one-time link token or the Garmin path
 * secret. Replaces Dropwizard's own thread-name filter (turned off in config/pace42.yml), which shows the raw URI.
 */
public final class MaskedThreadNames implements Filter {

    private static final Pattern LINK_TOKEN = Pattern.compile("(/link/)[A-Za-z0-9_-]{16,}");
    private static final Pattern PARTNER_SECRET = Pattern.compile("(/garmin/partner/)[^/]+");

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        Thread thread = Thread.currentThread();
        String original = thread.getName();
        HttpServletRequest request = (HttpServletRequest) req;
        thread.setName(original + " - " + request.getMethod() + " " + mask(request.getRequestURI()));
        try {
            chain.doFilter(req, res);
        } finally {
            thread.setName(original);
        }
    }

    public static String mask(String path) {
        if (path == null) {
            return "";
        }
        String masked = LINK_TOKEN.matcher(path).replaceAll("$1***");
        return PARTNER_SECRET.matcher(masked).replaceAll("$1***");
    }
}
