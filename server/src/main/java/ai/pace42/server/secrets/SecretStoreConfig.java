package ai.pace42.server.secrets;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Which secret store holds Garmin and installation tokens: {@code local} (embedded, Tink, the default) or
 * {@code vault} (HashiCorp Vault KV v2).
 */
public class SecretStoreConfig {

    @JsonProperty
    private String store = "local";

    /** Base64 of 32 random bytes; when empty, the key file is used (created owner-only on first start). */
    @JsonProperty
    private String key = "";

    /** Defaults to {@code <dataDir>/secret-store.key}. */
    @JsonProperty
    private String keyFile = "";

    @JsonProperty
    private String vaultAddress = "";

    @JsonProperty
    private String vaultToken = "";

    @JsonProperty
    private String vaultRoleId = "";

    @JsonProperty
    private String vaultSecretId = "";

    @JsonProperty
    private String vaultNamespace = "";

    @JsonProperty
    private String vaultMount = "secret";

    public String store() {
        return store == null || store.isBlank() ? "local" : store.trim();
    }

    public String key() {
        return key == null ? "" : key.trim();
    }

    public String keyFile() {
        return keyFile == null ? "" : keyFile.trim();
    }

    public String vaultAddress() {
        return vaultAddress == null ? "" : vaultAddress.trim();
    }

    public String vaultToken() {
        return vaultToken;
    }

    public String vaultRoleId() {
        return vaultRoleId;
    }

    public String vaultSecretId() {
        return vaultSecretId;
    }

    public String vaultNamespace() {
        return vaultNamespace;
    }

    public String vaultMount() {
        return vaultMount;
    }
}
