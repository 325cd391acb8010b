package ai.pace42.server;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.channel.ChannelHealth;
import ai.pace42.bot.channel.ChatAdapter;
import com.codahale.metrics.health.HealthCheck;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;

/**
 * What every chat platform needs from the server: the core sends its notices (e.g. "Garmin connected") through
 * the adapter, the adapter starts and stops with the server, and its health is a check named after the platform.
 * Called after the core is managed, so on shutdown an adapter stops first and can still send answers in flight.
 */
final class ChannelWiring {

    private ChannelWiring() {
    }

    static <A extends ChatAdapter & ChannelHealth> void run(Environment environment, BotCore core, A adapter) {
        core.adapters().register(adapter);
        environment.lifecycle().manage(new Managed() {
            @Override
            public void start() throws Exception {
                adapter.start(core.dispatcher());
            }

            @Override
            public void stop() throws Exception {
                adapter.stop();
            }
        });
        environment.healthChecks().register(adapter.platform().id(), new HealthCheck() {
            @Override
            protected Result check() {
                ChannelHealth.Status status = adapter.check();
                return status.healthy() ? Result.healthy(status.message()) : Result.unhealthy(status.message());
            }
        });
    }
}
