package ai.pace42.server.link;

/** Small helpers for server-rendered pages: everything inserted is escaped. */
final class Html {

    private Html() {
    }

    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A whole page: our stylesheet only, no scripts, no third-party assets. */
    static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"referrer\" content=\"no-referrer\">"
                + "<title>" + escape(title) + " — pace42</title>"
                + "<link rel=\"stylesheet\" href=\"/static/link.css\"></head><body><main class=\"card\">"
                + "<p class=\"brand\"><span class=\"logo\">42</span> pace42</p>"
                + body + "</main></body></html>";
    }
}
