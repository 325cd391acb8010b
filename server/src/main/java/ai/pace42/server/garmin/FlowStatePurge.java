package ai.pace42.server.garmin;

import ai.pace42.concurrent.DaemonThreads;
import io.dropwizard.lifecycle.Managed;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Purges expired link-flow state (and its sealed values) every minute, even when no new flow starts. */
public final class FlowStatePurge implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(FlowStatePurge.class);

    private final JdbiFlowState state;
    private ScheduledExecutorService timer;

    public FlowStatePurge(JdbiFlowState state) {
        this.state = state;
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("flow-state-purge"));
        timer.scheduleWithFixedDelay(() -> {
            try {
                state.purgeExpired();
            } catch (RuntimeException e) {
                LOG.warn("flow state purge failed: {}", e.getClass().getSimpleName());
            }
        }, 1, 1, TimeUnit.MINUTES);
    }

    @Override
    public void stop() {
        timer.shutdownNow();
    }
}
