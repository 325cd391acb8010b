package ai.pace42.server.admin;

import ai.pace42.bot.admin.AdminOverview;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code GET /pace42} on the admin port (loopback only, see {@code AdminBinding}): a read-only page of counts —
 * accounts, active chat sessions, messages per day, Garmin links by health, errors by code. It has no forms and
 * no links that change anything, and shows no names, message contents, tokens or account ids.
 */
public final class AdminPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient AdminOverview overview;

    public AdminPage(AdminOverview overview) {
        this.overview = overview;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        AdminOverview.Snapshot s = overview.snapshot();
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>pace42 admin</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:"
                + "collapse;margin-bottom:1.5em}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}"
                + "</style></head><body><h1>pace42 admin (read-only)</h1>");
        html.append("<p>Accounts: <strong id=\"accounts\">").append(s.accounts()).append("</strong></p>");
        table(html, "sessions-day", "Chat sessions active in the last 24 h", "platform", s.sessionsLastDay());
        table(html, "sessions-week", "Chat sessions active in the last 7 days", "platform", s.sessionsLastWeek());
        table(html, "messages", "Messages per day (UTC)", "day", s.messagesPerDay());
        table(html, "link-health", "Garmin links by health", "health", s.linkHealth());
        table(html, "errors", "Errors by code since this instance started", "code", s.errorsByCode());
        html.append("<p>Metrics: <a href=\"prometheus\">Prometheus text</a> · <a href=\"metrics\">Dropwizard JSON"
                + "</a></p></body></html>");
        resp.setStatus(200);
        resp.setContentType("text/html; charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        resp.getOutputStream().write(html.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void table(StringBuilder html, String id, String title, String key, Map<String, Long> rows) {
        html.append("<h2>").append(escape(title)).append("</h2><table id=\"").append(id).append("\"><tr><th>")
                .append(escape(key)).append("</th><th>count</th></tr>");
        if (rows.isEmpty()) {
            html.append("<tr><td colspan=\"2\">none</td></tr>");
        }
        rows.forEach((k, v) -> html.append("<tr><td>").append(escape(k)).append("</td><td>").append(v)
                .append("</td></tr>"));
        html.append("</table>");
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
