package ai.pace42.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdminBindingTest {

    private static List<ConnectorFactory> boundTo(String host) {
        HttpConnectorFactory http = new HttpConnectorFactory();
        http.setBindHost(host);
        http.setPort(8081);
        return List.of(http);
    }

    @Test
    void loopbackAddressesAreQuiet() {
        assertThat(AdminBinding.warning(boundTo("127.0.0.1"))).isEmpty();
        assertThat(AdminBinding.warning(boundTo("localhost"))).isEmpty();
        assertThat(AdminBinding.warning(boundTo("::1"))).isEmpty();
    }

    @Test
    void anyOtherAddressOrNoneAtAllIsWarnedAbout() {
        assertThat(AdminBinding.warning(boundTo("0.0.0.0"))).hasValueSatisfying(w ->
                assertThat(w).contains("8081", "0.0.0.0", "no authentication", "PACE42_ADMIN_BIND_HOST"));
        assertThat(AdminBinding.warning(boundTo(null))).hasValueSatisfying(w ->
                assertThat(w).contains("every interface"));
        assertThat(AdminBinding.warning(boundTo("10.1.2.3"))).isPresent();
        assertThat(AdminBinding.warning(boundTo("admin.internal.example"))).isPresent();
    }
}
