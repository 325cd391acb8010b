package ai.pace42.coach.cache;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.coach.model.ActivitySource;
import ai.pace42.coach.model.SyncedSource;
import org.junit.jupiter.api.Test;

/** The answer cache's view of a source keeps what the source says about its freshness and trouble. */
class ListedSourceForwardingTest {

    @Test
    void freshnessTroubleReadinessAndNewestComeFromTheSource() {
        ActivitySource listed = new ListedSource(new SyncedSource(true));

        assertThat(listed.refreshedAt()).contains(SyncedSource.SYNCED);
        assertThat(listed.trouble()).contains(SyncedSource.TROUBLE);
        assertThat(listed.readiness(SyncedSource.READINESS.date())).contains(SyncedSource.READINESS);
        assertThat(listed.newest()).contains(SyncedSource.NEWEST);
    }
}
