package ai.pace42.bot.secrets;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Vault. Authenticate with a token, or with AppRole ({@code roleId} + {@code secretId}); a token
 * wins when both are given.
 *
 * @param mount      the KV v2 mount, usually {@code secret}
 * @param pathPrefix where pace42's secrets live under the mount; account ids (random, not personal) follow it
 * @param namespace  Vault Enterprise namespace, or empty
 */
public record VaultSettings(String address, String token, String roleId, String secretId, String namespace,
                            String mount, String pathPrefix, int openTimeoutSeconds, int readTimeoutSeconds,
                            int maxAttempts, Duration retryBase) {

    public VaultSettings {
        Objects.requireNonNull(address, "address");
        token = token == null ? "" : token;
        roleId = roleId == null ? "" : roleId;
        secretId = secretId == null ? "" : secretId;
        namespace = namespace == null ? "" : namespace;
        mount = mount == null || mount.isBlank() ? "secret" : mount;
        pathPrefix = pathPrefix == null || pathPrefix.isBlank() ? "pace42" : pathPrefix;
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (token.isBlank() && (roleId.isBlank() || secretId.isBlank())) {
            throw new IllegalArgumentException("Vault needs VAULT_TOKEN, or VAULT_ROLE_ID and VAULT_SECRET_ID");
        }
    }

    public boolean usesAppRole() {
        return token.isBlank();
    }

    /** Sensible defaults: 5 s to connect, 10 s to read, 4 attempts from 200 ms with jittered backoff. */
    public static VaultSettings of(String address, String token, String roleId, String secretId, String namespace) {
        return new VaultSettings(address, token, roleId, secretId, namespace, "secret", "pace42", 5, 10, 4,
                Duration.ofMillis(200));
    }

    @Override
    public String toString() {
        return "VaultSettings[address=" + address + ", auth=" + (usesAppRole() ? "approle" : "token")
                + ", namespace=" + namespace + ", mount=" + mount + ", pathPrefix=" + pathPrefix + "]";
    }
}
