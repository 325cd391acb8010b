package ai.pace42.server.secrets;

import ai.pace42.bot.secrets.SecretStore;
import com.codahale.metrics.health.HealthCheck;

/** Reports whether the secret store is unsealed and reachable. */
public final class SecretStoreHealthCheck extends HealthCheck {

    private final SecretStore store;

    public SecretStoreHealthCheck(SecretStore store) {
        this.store = store;
    }

    @Override
    protected Result check() {
        SecretStore.Health health = store.health();
        String message = store.kind() + ": " + health.message();
        return health.healthy() ? Result.healthy(message) : Result.unhealthy(message);
    }
}
