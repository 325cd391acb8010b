package ai.pace42.server.http;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * The admin port (metrics, health checks, thread dumps, tasks) has no authentication, so it must stay on the
 * loopback interface; a bind address elsewhere (or none, which means every interface) earns a warning.
 */
public final class AdminBinding {

    private AdminBinding() {
    }

    public static Optional<String> warning(ServerFactory server) {
        if (!(server instanceof DefaultServerFactory factory)) {
            return Optional.empty();
        }
        return warning(factory.getAdminConnectors());
    }

    static Optional<String> warning(List<ConnectorFactory> connectors) {
        for (ConnectorFactory c : connectors) {
            if (c instanceof HttpConnectorFactory http && !loopback(http.getBindHost())) {
                String where = http.getBindHost() == null || http.getBindHost().isBlank() ? "every interface"
                        : http.getBindHost();
                return Optional.of("admin port " + http.getPort() + " listens on " + where + ": it has no "
                        + "authentication (metrics, thread dumps, tasks); bind it to 127.0.0.1 "
                        + "(PACE42_ADMIN_BIND_HOST) and reach it through SSH or a private network");
            }
        }
        return Optional.empty();
    }

    private static boolean loopback(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            // Only literal addresses are resolved here; a name other than localhost counts as not loopback.
            return host.matches("[0-9.:\\[\\]a-fA-F]+") && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
