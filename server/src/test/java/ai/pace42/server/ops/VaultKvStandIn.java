package ai.pace42.server.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A WireMock extension that stands in for Vault's KV version 2 engine with memory, following Vault's documented
 * HTTP contract (reference §2.2-2.3): versions per key, check-and-set, soft delete, metadata delete, the response
 * envelope, {@code {"errors":[]}} for a missing key, 403 without the token and exactly
 * {@code Content-Type: application/json}. WireMock alone cannot give back what was written; this can, so the
 * smoke run's Vault mode and the several-instances test exercise the production VaultSecretStore end to end.
 *
 * <p>Stub parameters: {@code token} (the accepted X-Vault-Token; any non-blank one when absent) and
 * {@code sealed} (true: every call answers 503 "Vault is sealed", the documented way to break the Vault mode).
 */
public final class VaultKvStandIn implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "vault-kv-v2";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Key path (mount + path) → versions, oldest first; a null data map is a soft-deleted version. */
    private final Map<String, List<Version>> keys = new ConcurrentHashMap<>();

    private record Version(JsonNode data, Instant created, Instant deleted) {
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        Parameters parameters = event.getTransformerParameters();
        if (parameters != null && parameters.getBoolean("sealed", false)) {
            return error(503, "Vault is sealed");
        }
        String expected = parameters == null ? null : parameters.getString("token", null);
        String token = request.getHeader("X-Vault-Token");
        if (token == null || token.isBlank() || (expected != null && !expected.equals(token))) {
            return error(403, "permission denied");
        }
        String path = request.getUrl().replaceFirst("\\?.*$", "");
        // /v1/<mount>/<data|metadata>/<key>
        String[] parts = path.split("/", 5);
        if (parts.length < 5 || !(parts[3].equals("data") || parts[3].equals("metadata"))) {
            return error(404, null);
        }
        String key = parts[2] + "/" + parts[4];
        String method = request.getMethod().getName();
        synchronized (keys) { // Vault serialises writes per key; one lock is plenty for a stand-in
            return switch (parts[3] + " " + method) {
                case "data GET" -> read(key);
                case "data POST", "data PUT" -> write(key, request.getBodyAsString());
                case "data DELETE" -> softDelete(key);
                case "metadata DELETE" -> {
                    keys.remove(key);
                    yield noContent();
                }
                case "metadata GET" -> metadata(key);
                default -> error(405, "unsupported operation");
            };
        }
    }

    private ResponseDefinition read(String key) {
        List<Version> versions = keys.get(key);
        if (versions == null || versions.isEmpty()) {
            return error(404, null);
        }
        Version latest = versions.get(versions.size() - 1);
        ObjectNode data = JSON.createObjectNode();
        data.set("data", latest.deleted() == null ? latest.data() : null);
        data.set("metadata", versionMetadata(latest, versions.size()));
        // A soft-deleted version answers 404 with the envelope still there (data.data null), as Vault does.
        return json(latest.deleted() == null ? 200 : 404, envelope(data));
    }

    private ResponseDefinition write(String key, String body) {
        JsonNode request;
        try {
            request = JSON.readTree(body == null ? "" : body);
        } catch (IOException e) {
            return error(400, "error parsing JSON");
        }
        if (request == null || !request.path("data").isObject()) {
            return error(400, "no data provided");
        }
        List<Version> versions = keys.computeIfAbsent(key, k -> new ArrayList<>());
        JsonNode cas = request.path("options").path("cas");
        if (!cas.isMissingNode() && cas.asInt() != versions.size()) {
            return error(400, "check-and-set parameter did not match the current version");
        }
        Version written = new Version(request.get("data"), Instant.now(), null);
        versions.add(written);
        return json(200, envelope(versionMetadata(written, versions.size())));
    }

    private ResponseDefinition softDelete(String key) {
        List<Version> versions = keys.get(key);
        if (versions != null && !versions.isEmpty()) {
            Version latest = versions.remove(versions.size() - 1);
            versions.add(new Version(latest.data(), latest.created(), Instant.now()));
        }
        return noContent();
    }

    private ResponseDefinition metadata(String key) {
        List<Version> versions = keys.get(key);
        if (versions == null || versions.isEmpty()) {
            return error(404, null);
        }
        ObjectNode data = JSON.createObjectNode();
        data.put("current_version", versions.size());
        data.put("oldest_version", 1);
        data.put("max_versions", 0);
        data.put("cas_required", false);
        ObjectNode all = data.putObject("versions");
        for (int i = 0; i < versions.size(); i++) {
            all.set(Integer.toString(i + 1), versionMetadata(versions.get(i), i + 1));
        }
        return json(200, envelope(data));
    }

    private static ObjectNode versionMetadata(Version version, int number) {
        ObjectNode metadata = JSON.createObjectNode();
        metadata.put("created_time", version.created().toString());
        metadata.putNull("custom_metadata");
        metadata.put("deletion_time", version.deleted() == null ? "" : version.deleted().toString());
        metadata.put("destroyed", false);
        metadata.put("version", number);
        return metadata;
    }

    private static ObjectNode envelope(JsonNode data) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("request_id", UUID.randomUUID().toString());
        envelope.put("lease_id", "");
        envelope.put("renewable", false);
        envelope.put("lease_duration", 0);
        envelope.set("data", data);
        envelope.putNull("wrap_info");
        envelope.putNull("warnings");
        envelope.putNull("auth");
        envelope.put("mount_type", "kv");
        return envelope;
    }

    private static ResponseDefinition error(int status, String message) {
        ObjectNode body = JSON.createObjectNode();
        if (message == null) {
            body.putArray("errors");
        } else {
            body.putArray("errors").add(message);
        }
        return json(status, body);
    }

    private static ResponseDefinition noContent() {
        return new ResponseDefinitionBuilder().withStatus(204).build();
    }

    private static ResponseDefinition json(int status, JsonNode body) {
        return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(body.toString()).build();
    }
}
