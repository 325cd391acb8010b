package ai.pace42.server;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where accounts and caches live. An empty {@code url} means the embedded default: SQLite under the data
 * directory. A PostgreSQL JDBC URL switches storage for several instances.
 */
public class DatabaseConfig {

    @JsonProperty
    private String url = "";

    @JsonProperty
    private String user = "";

    @JsonProperty
    private String password = "";

    /** Apply Flyway migrations at start; turn off to run {@code db migrate} as a separate release step. */
    @JsonProperty
    private boolean migrateOnStart = true;

    @JsonProperty
    private int maxConnections = 16;

    public String url() {
        return url == null ? "" : url.trim();
    }

    public String user() {
        return user == null ? "" : user;
    }

    public String password() {
        return password == null ? "" : password;
    }

    public boolean migrateOnStart() {
        return migrateOnStart;
    }

    public int maxConnections() {
        return maxConnections;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public void setMigrateOnStart(boolean migrateOnStart) {
        this.migrateOnStart = migrateOnStart;
    }
}
