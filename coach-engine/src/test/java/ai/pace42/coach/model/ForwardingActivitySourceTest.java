package ai.pace42.coach.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The forwarding base passes every method of the port through, so a decorator cannot drop one by accident. */
class ForwardingActivitySourceTest {

    /** A decorator that changes nothing. */
    private static final class Unchanged extends ForwardingActivitySource {
        Unchanged(ActivitySource source) {
            super(source);
        }
    }

    @Test
    void everyMethodOfThePortIsForwarded() {
        ActivitySource wrapped = new Unchanged(new SyncedSource(true));

        assertThat(wrapped.label()).isEqualTo("Garmin");
        assertThat(wrapped.refreshedAt()).contains(SyncedSource.SYNCED);
        assertThat(wrapped.trouble()).contains(SyncedSource.TROUBLE);
        assertThat(wrapped.readiness(SyncedSource.READINESS.date())).contains(SyncedSource.READINESS);
        assertThat(wrapped.newest()).contains(SyncedSource.NEWEST);
        assertThat(wrapped.list(Instant.EPOCH, Instant.MAX)).containsExactly(SyncedSource.NEWEST);
    }

    @Test
    void theBaseOverridesEveryMethodThePortDeclares() {
        // A method added to the port later must be forwarded here too, or every decorator silently answers the
        // port's default (as refreshedAt once did: the "synced 4 min ago" line vanished behind a decorator).
        List<String> port = Arrays.stream(ActivitySource.class.getDeclaredMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers())).map(ForwardingActivitySourceTest::signature)
                .toList();
        List<String> forwarded = Arrays.stream(ForwardingActivitySource.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers())).map(ForwardingActivitySourceTest::signature)
                .toList();

        assertThat(port).isNotEmpty();
        assertThat(forwarded).containsAll(port);
    }

    private static String signature(Method m) {
        return m.getName() + Arrays.toString(m.getParameterTypes());
    }
}
