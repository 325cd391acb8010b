package ai.pace42.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecurityHeadersFilterTest {

    /** The headers the filter sets, through a response that only records them. */
    private static Map<String, String> headersFor(String publicUrl) throws Exception {
        Map<String, String> headers = new HashMap<>();
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
                SecurityHeadersFilterTest.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("setHeader")) {
                        headers.put((String) args[0], (String) args[1]);
                    }
                    return null;
                });
        FilterChain nothing = (req, res) -> { };
        new SecurityHeadersFilter(URI.create(publicUrl)).doFilter(null, response, nothing);
        return headers;
    }

    @Test
    void behindHttpsBrowsersAreToldToStayOnHttps() throws Exception {
        assertThat(headersFor("https://coach.example")).containsEntry("Strict-Transport-Security",
                "max-age=31536000; includeSubDomains");
    }

    @Test
    void plainHttpGetsNoHstsHeaderButTheOthers() throws Exception {
        Map<String, String> headers = headersFor("http://localhost:8080");
        assertThat(headers).doesNotContainKey("Strict-Transport-Security");
        assertThat(headers).containsEntry("X-Frame-Options", "DENY").containsKey("Content-Security-Policy");
    }
}
