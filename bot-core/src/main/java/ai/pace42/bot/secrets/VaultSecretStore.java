package ai.pace42.bot.secrets;

import io.github.jopenlibs.vault.EnvironmentLoader;
import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.api.WriteOptions;
import io.github.jopenlibs.vault.response.AuthResponse;
import io.github.jopenlibs.vault.response.HealthResponse;
import io.github.jopenlibs.vault.response.LogicalResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets in HashiCorp Vault's KV v2 engine through vault-java-driver. The driver's own behaviour is unsafe to rely
 * on (no time-outs by default, no backoff, and 403/404/429 come back as "empty data" rather than errors), so every
 * response status is checked here: 404 is "absent", 403 triggers one re-login with AppRole, 429/412/5xx/time-outs
 * are retried with jittered exponential backoff, and anything else becomes {@link SecretStoreUnavailableException}.
 *
 * <p>Every write is a KV v2 check-and-set against the version this store last read or wrote for the key (a key it
 * has not seen yet is read first; absent means version 0), so another instance's newer write is never replaced
 * unseen. On Vault's CAS refusal the key is read again and the change applied once on top of what is there now
 * (or nothing written when it is already the stored value); a second refusal is a {@link SecretStoreConflictException}.
 */
public final class VaultSecretStore implements SecretStore {

    private static final Logger LOG = LoggerFactory.getLogger(VaultSecretStore.class);
    private static final String VALUE = "value";
    /** Vault's 400 body when {@code options.cas} is not the key's current version. */
    private static final String CAS_MISMATCH = "check-and-set parameter did not match the current version";
    private static final int KNOWN_VERSIONS = 10_000;

    private final VaultSettings settings;
    private final Clock clock;
    private final Object authLock = new Object();
    private volatile Vault vault;
    private volatile Instant renewAt;
    /** The KV v2 version last read or written per path: the check-and-set value of the next write. */
    private final Map<String, Long> versions = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                    return size() > KNOWN_VERSIONS;
                }
            });

    public VaultSecretStore(VaultSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void put(String accountId, String name, String value) {
        String path = path(accountId, name);
        Long seen = versions.get(path);
        long cas = seen != null ? seen : read(path).version();
        if (write(path, value, cas)) {
            return;
        }
        // Another writer got in since our read: look at what it wrote and apply this change once on top of it.
        Versioned now = read(path);
        if (now.value().filter(value::equals).isPresent()) {
            return;
        }
        LOG.warn("Vault write of {} met a newer version ({}, expected {}); writing once on top of it", name,
                now.version(), cas);
        if (!write(path, value, now.version())) {
            throw new SecretStoreConflictException("Vault write of " + name + " met concurrent writes twice; "
                    + "nothing overwritten");
        }
    }

    @Override
    public Optional<String> get(String accountId, String name) {
        return read(path(accountId, name)).value();
    }

    @Override
    public void delete(String accountId, String name) {
        // On KV v2 the driver's delete removes the metadata: every version, permanently.
        String path = path(accountId, name);
        call("delete", () -> vault().logical().delete(path));
        versions.put(path, 0L);
    }

    /** A key's value and the version it was read at (0 when it was never written or its metadata is gone). */
    private record Versioned(Optional<String> value, long version) {
    }

    private Versioned read(String path) {
        LogicalResponse response = call("read", () -> vault().logical().read(path));
        long version = versionOf(response);
        versions.put(path, version);
        if (status(response) == 404) {
            return new Versioned(Optional.empty(), version); // never written, deleted, or soft-deleted: "absent"
        }
        return new Versioned(Optional.ofNullable(response.getData().get(VALUE)), version);
    }

    /** Writes with {@code options.cas}; false when Vault refused because the key has another version now. */
    private boolean write(String path, String value, long cas) {
        LogicalResponse response;
        try {
            response = call("write", () -> vault().logical().write(path, Map.of(VALUE, value), null,
                    new WriteOptions().checkAndSet(cas).build()));
        } catch (CasMismatch e) {
            versions.remove(path);
            return false;
        }
        long written = versionOf(response);
        if (written > 0) {
            versions.put(path, written);
        } else {
            versions.remove(path); // unknown: the next write reads first
        }
        return true;
    }

    /** The KV v2 version in a read's metadata or a write's answer; 0 when the response has none. */
    private static long versionOf(LogicalResponse response) {
        try {
            Long fromMetadata = response.getDataMetadata() == null ? null : response.getDataMetadata().getVersion();
            if (fromMetadata != null) {
                return fromMetadata;
            }
            String fromWrite = response.getData() == null ? null : response.getData().get("version");
            return fromWrite == null ? 0 : Long.parseLong(fromWrite);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** KV v2 LIST on the account's folder; 404 (nothing there) is an empty list. Names never hold a slash. */
    @Override
    public List<String> names(String accountId) {
        LogicalResponse response = call("list", () -> vault().logical().list(path(accountId, "")));
        if (status(response) == 404 || response.getListData() == null) {
            return List.of();
        }
        return response.getListData().stream().filter(n -> !n.endsWith("/")).sorted().toList();
    }

    @Override
    public Health health() {
        try {
            HealthResponse h = vault().debug().health();
            if (Boolean.TRUE.equals(h.getSealed())) {
                return Health.unhealthy("Vault is sealed");
            }
            if (Boolean.FALSE.equals(h.getInitialized())) {
                return Health.unhealthy("Vault is not initialised");
            }
            return Health.ok("Vault unsealed" + (Boolean.TRUE.equals(h.getStandby()) ? " (standby)" : ""));
        } catch (VaultException | SecretStoreUnavailableException e) {
            return Health.unhealthy("Vault unreachable (status " + statusOf(e) + ")");
        }
    }

    @Override
    public String kind() {
        return "vault";
    }

    String path(String accountId, String name) {
        return settings.mount() + "/" + settings.pathPrefix() + "/accounts/" + accountId + "/" + name;
    }

    @FunctionalInterface
    private interface VaultCall {
        LogicalResponse run() throws VaultException;
    }

    /** Runs one KV operation with status checks, one re-login on 403, and backoff on retryable failures. */
    private LogicalResponse call(String operation, VaultCall action) {
        boolean reauthenticated = false;
        String lastProblem = "no attempt";
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            int status;
            LogicalResponse response = null;
            try {
                refreshTokenIfDue();
                response = action.run();
                status = status(response);
            } catch (VaultException e) {
                status = e.getHttpStatusCode(); // 0 for time-outs and I/O errors
                if (status == 400 && String.valueOf(e.getMessage()).contains(CAS_MISMATCH)) {
                    throw new CasMismatch();
                }
            }
            if (status == 200 || status == 204 || status == 404) {
                return response;
            }
            if (status == 400 && body(response).contains(CAS_MISMATCH)) {
                throw new CasMismatch();
            }
            lastProblem = "Vault " + operation + " answered " + (status == 0 ? "no response (time-out or I/O)" : status);
            if (status == 403 && settings.usesAppRole() && !reauthenticated) {
                reauthenticated = true;
                forceLogin();
                attempt--; // a fresh token gets a full set of attempts
                continue;
            }
            if (!retryable(status) || attempt == settings.maxAttempts()) {
                break;
            }
            LOG.warn("{}; retrying (attempt {} of {})", lastProblem, attempt, settings.maxAttempts());
            backoff(attempt);
        }
        LOG.warn("secret store unavailable: {}", lastProblem);
        throw new SecretStoreUnavailableException(lastProblem);
    }

    /** Vault refused a write whose check-and-set version is not the key's current one; never retried as is. */
    private static final class CasMismatch extends RuntimeException {
        CasMismatch() {
            super(CAS_MISMATCH, null, false, false);
        }
    }

    private static String body(LogicalResponse response) {
        byte[] body = response == null ? null : response.getRestResponse().getBody();
        return body == null ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static boolean retryable(int status) {
        return status == 0 || status == 412 || status == 429 || status >= 500;
    }

    private void backoff(int attempt) {
        long cap = settings.retryBase().toMillis() << Math.min(attempt - 1, 6);
        long sleep = ThreadLocalRandom.current().nextLong(cap / 2, cap + 1); // "equal jitter"
        try {
            Thread.sleep(sleep);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SecretStoreUnavailableException("interrupted while waiting to retry");
        }
    }

    private static int status(LogicalResponse response) {
        return response.getRestResponse().getStatus();
    }

    private static int statusOf(Exception e) {
        return e instanceof VaultException v ? v.getHttpStatusCode() : 0;
    }

    private Vault vault() {
        Vault current = vault;
        if (current != null) {
            return current;
        }
        synchronized (authLock) {
            if (vault == null) {
                vault = settings.usesAppRole() ? login() : client(settings.token());
            }
            return vault;
        }
    }

    private void forceLogin() {
        synchronized (authLock) {
            vault = login();
        }
    }

    /** Renews the AppRole token at two thirds of its lease, logging in again if renewal is refused. */
    private void refreshTokenIfDue() {
        Instant due = renewAt;
        if (due == null || clock.instant().isBefore(due)) {
            return;
        }
        synchronized (authLock) {
            try {
                AuthResponse renewed = vault.auth().renewSelf();
                scheduleRenewal(renewed.getAuthLeaseDuration(), renewed.isAuthRenewable());
            } catch (VaultException e) {
                vault = login();
            }
        }
    }

    private Vault login() {
        try {
            AuthResponse auth = client(null).auth().loginByAppRole(settings.roleId(), settings.secretId());
            int status = auth.getRestResponse().getStatus();
            if (status != 200 || auth.getAuthClientToken() == null) {
                throw new SecretStoreUnavailableException("Vault AppRole login answered " + status);
            }
            scheduleRenewal(auth.getAuthLeaseDuration(), auth.isAuthRenewable());
            return client(auth.getAuthClientToken());
        } catch (VaultException e) {
            throw new SecretStoreUnavailableException("Vault AppRole login failed (status " + e.getHttpStatusCode() + ")");
        }
    }

    private void scheduleRenewal(long leaseSeconds, boolean renewable) {
        renewAt = renewable && leaseSeconds > 0 ? clock.instant().plusSeconds(leaseSeconds * 2 / 3) : null;
    }

    private Vault client(String token) {
        try {
            VaultConfig config = new VaultConfig()
                    .environmentLoader(new NoEnvironment())
                    .address(settings.address())
                    .engineVersion(2)
                    .openTimeout(settings.openTimeoutSeconds())
                    .readTimeout(settings.readTimeoutSeconds());
            if (token != null) {
                config.token(token);
            }
            if (!settings.namespace().isBlank()) {
                config.nameSpace(settings.namespace());
            }
            return Vault.create(config.build());
        } catch (VaultException e) {
            throw new IllegalStateException("invalid Vault configuration: " + settings, e);
        }
    }

    /** The driver falls back to VAULT_* environment variables; configuration comes only from our settings. */
    private static final class NoEnvironment extends EnvironmentLoader {
        @Override
        public String loadVariable(String name) {
            return null;
        }
    }
}
