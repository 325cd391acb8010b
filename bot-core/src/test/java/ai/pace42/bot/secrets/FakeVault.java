package ai.pace42.bot.secrets;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for Vault's HTTP API on WireMock, following the documented contract (reference §2): KV v2 reads,
 * writes and metadata deletes with the real envelopes and version metadata, 404 {@code {"errors":[]}} for missing
 * keys, check-and-set ({@code options.cas}, 400 when it is not the current version), 403 for bad tokens, 503
 * when sealed, AppRole login, and {@code sys/health}. Responses carry exactly
 * {@code Content-Type: application/json}, as Vault sends (the driver rejects anything else on login and health).
 *
 * <p>It also runs inside a standalone WireMock ({@code --extensions ai.pace42.bot.secrets.FakeVault}, a stub with
 * {@code "transformers":["fake-vault"]}), as the smoke run's Vault mode does; there the stub parameter
 * {@code sealed: true} seals it.
 */
public final class FakeVault implements ResponseDefinitionTransformerV2 {

    public static final String ROOT_TOKEN = "hvs.test-root-token";
    static final String ROLE_ID = "role-1";
    static final String SECRET_ID = "secret-1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Versioned> kv = new ConcurrentHashMap<>();
    private final Map<String, Boolean> tokens = new ConcurrentHashMap<>(Map.of(ROOT_TOKEN, true));
    private volatile boolean sealed;
    private final WireMockServer server;

    private record Versioned(JsonNode data, int version, String createdTime) {
    }

    /** The extension a standalone WireMock loads; requests reach it through stubs that name it. */
    public FakeVault() {
        server = null;
    }

    private FakeVault(boolean ownServer) {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(this));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(ResponseDefinitionBuilder.okForEmptyJson()
                .withTransformers(getName())));
    }

    /** A fake Vault on its own WireMock server. */
    static FakeVault started() {
        return new FakeVault(true);
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    void shutdown() {
        server.stop();
    }

    void seal() {
        sealed = true;
    }

    void unseal() {
        sealed = false;
    }

    void revoke(String token) {
        tokens.remove(token);
    }

    /** Writes a key as another client would (another instance, an operator), bypassing any client's view. */
    void writeBehindTheClientsBack(String key, String value) {
        kv.compute(key, (k, old) -> new Versioned(JSON.createObjectNode().put("value", value),
                old == null ? 1 : old.version() + 1, Instant.now().toString()));
    }

    WireMockServer server() {
        return server;
    }

    @Override
    public String getName() {
        return "fake-vault";
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        LoggedRequest request = event.getRequest();
        String path = request.getUrl().replaceFirst("\\?.*", "");
        String method = request.getMethod().getName();
        try {
            if (path.equals("/v1/sys/health")) {
                return json(sealed ? 503 : 200, "{\"initialized\":true,\"sealed\":" + sealed + ",\"standby\":false,"
                        + "\"performance_standby\":false,\"server_time_utc\":" + Instant.now().getEpochSecond()
                        + ",\"version\":\"1.17.0\",\"cluster_name\":\"fake\"}");
            }
            if (sealed || (event.getTransformerParameters() != null
                    && event.getTransformerParameters().getBoolean("sealed", false))) {
                return json(503, "{\"errors\":[\"Vault is sealed\"]}");
            }
            if (path.equals("/v1/auth/approle/login")) {
                return login(request);
            }
            if (!tokens.containsKey(String.valueOf(request.getHeader("X-Vault-Token")))) {
                return json(403, "{\"errors\":[\"permission denied\",\"invalid token\"]}");
            }
            if (path.equals("/v1/auth/token/renew-self")) {
                return json(200, authEnvelope(request.getHeader("X-Vault-Token")));
            }
            if (path.startsWith("/v1/secret/data/")) {
                String key = path.substring("/v1/secret/data/".length());
                return switch (method) {
                    case "GET" -> read(key);
                    case "POST", "PUT" -> write(key, request.getBodyAsString());
                    default -> json(405, "{\"errors\":[]}");
                };
            }
            if (path.startsWith("/v1/secret/metadata/") && method.equals("GET")
                    && request.getUrl().contains("list=true")) {
                return list(path.substring("/v1/secret/metadata/".length()));
            }
            if (path.startsWith("/v1/secret/metadata/") && method.equals("DELETE")) {
                kv.remove(path.substring("/v1/secret/metadata/".length()));
                return new ResponseDefinitionBuilder().withStatus(204).build();
            }
            return json(404, "{\"errors\":[]}");
        } catch (IOException e) {
            return json(400, "{\"errors\":[\"failed to parse JSON input\"]}");
        }
    }

    private ResponseDefinition login(LoggedRequest request) throws IOException {
        JsonNode body = JSON.readTree(request.getBodyAsString());
        if (!ROLE_ID.equals(body.path("role_id").asText()) || !SECRET_ID.equals(body.path("secret_id").asText())) {
            return json(400, "{\"errors\":[\"invalid role or secret ID\"]}");
        }
        String token = "hvs." + UUID.randomUUID();
        tokens.put(token, true);
        return json(200, authEnvelope(token));
    }

    private static String authEnvelope(String token) {
        return "{\"request_id\":\"" + UUID.randomUUID() + "\",\"lease_id\":\"\",\"renewable\":false,"
                + "\"lease_duration\":0,\"data\":null,\"wrap_info\":null,\"warnings\":null,\"auth\":{"
                + "\"client_token\":\"" + token + "\",\"accessor\":\"acc\",\"policies\":[\"default\",\"pace42\"],"
                + "\"token_policies\":[\"default\",\"pace42\"],\"metadata\":null,\"lease_duration\":1200,"
                + "\"renewable\":true}}";
    }

    private ResponseDefinition read(String key) {
        Versioned v = kv.get(key);
        if (v == null) {
            return json(404, "{\"errors\":[]}");
        }
        ObjectNode envelope = envelope();
        ObjectNode data = envelope.putObject("data");
        data.set("data", v.data());
        data.set("metadata", metadata(v));
        return json(200, envelope.toString());
    }

    /** KV v2 LIST: the folder's direct children ({@code "sub/"} for deeper ones); 404 {@code {"errors":[]}} if none. */
    private ResponseDefinition list(String folder) {
        String dir = folder.endsWith("/") ? folder : folder + "/";
        java.util.TreeSet<String> keys = new java.util.TreeSet<>();
        for (String key : kv.keySet()) {
            if (key.startsWith(dir)) {
                String rest = key.substring(dir.length());
                keys.add(rest.contains("/") ? rest.substring(0, rest.indexOf('/') + 1) : rest);
            }
        }
        if (keys.isEmpty()) {
            return json(404, "{\"errors\":[]}");
        }
        ObjectNode envelope = envelope();
        keys.forEach(envelope.putObject("data").putArray("keys")::add);
        return json(200, envelope.toString());
    }

    private ResponseDefinition write(String key, String body) throws IOException {
        JsonNode request = JSON.readTree(body);
        JsonNode data = request.get("data");
        if (data == null || !data.isObject()) {
            return json(400, "{\"errors\":[\"no data provided\"]}");
        }
        // Check-and-set as KV v2 does it: options.cas must be the key's current version (0: not there yet).
        JsonNode cas = request.path("options").path("cas");
        boolean[] refused = {false};
        Versioned v = kv.compute(key, (k, old) -> {
            if (cas.isNumber() && cas.asLong() != (old == null ? 0 : old.version())) {
                refused[0] = true;
                return old;
            }
            return new Versioned(data, old == null ? 1 : old.version() + 1, Instant.now().toString());
        });
        if (refused[0]) {
            return json(400, "{\"errors\":[\"check-and-set parameter did not match the current version\"]}");
        }
        ObjectNode envelope = envelope();
        envelope.set("data", metadata(v));
        return json(200, envelope.toString());
    }

    private static ObjectNode envelope() {
        ObjectNode e = JSON.createObjectNode();
        e.put("request_id", UUID.randomUUID().toString());
        e.put("lease_id", "");
        e.put("renewable", false);
        e.put("lease_duration", 0);
        e.putNull("wrap_info");
        e.putNull("warnings");
        e.putNull("auth");
        e.put("mount_type", "kv");
        return e;
    }

    private static ObjectNode metadata(Versioned v) {
        ObjectNode m = JSON.createObjectNode();
        m.put("created_time", v.createdTime());
        m.putNull("custom_metadata");
        m.put("deletion_time", "");
        m.put("destroyed", false);
        m.put("version", v.version());
        return m;
    }

    private static ResponseDefinition json(int status, String body) {
        return new ResponseDefinitionBuilder().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body).build();
    }
}
