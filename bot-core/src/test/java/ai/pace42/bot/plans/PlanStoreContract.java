package ai.pace42.bot.plans;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.testing.MutableClock;
import ai.pace42.bot.testing.TestDatabases;
import ai.pace42.coach.UnitSystem;
import ai.pace42.coach.plan.CurrentFitness;
import ai.pace42.coach.plan.PastRun;
import ai.pace42.coach.plan.PlanGenerator;
import ai.pace42.coach.plan.PlanOutcome;
import ai.pace42.coach.plan.PlanRequest;
import ai.pace42.coach.plan.TrainingPlan;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plans and their history on both databases. */
public abstract class PlanStoreContract {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    static final CurrentFitness FIT = new CurrentFitness(OptionalDouble.of(48), 35_000, List.of(new PastRun(TODAY.minusDays(3), 15_000)),
            OptionalDouble.empty());

    protected abstract Jdbi database();

    private PlanStore store;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));

    public static TrainingPlan plan(LocalDate race) {
        return ((PlanOutcome.Ready) PlanGenerator.generate(new PlanRequest(race, 21_097.5, 4, DayOfWeek.SUNDAY, TODAY, UnitSystem.METRIC), FIT)).plan();
    }

    @BeforeEach
    void setUp() {
        Jdbi jdbi = database();
        TestDatabases.insertAccounts(jdbi, "acc_a", "acc_b");
        store = new PlanStore(jdbi, clock);
    }

    private StoredPlan created(String account, TrainingPlan p) {
        PlanChange c = store.propose(account, Optional.empty(), PlanChange.Kind.CREATE, "new", Optional.of(p));
        clock.advance(Duration.ofSeconds(1));
        return store.apply(account, c.id()).orElseThrow();
    }

    @Test
    void aProposalChangesNothingUntilAppliedAndUndoRestoresTheBodyExactly() {
        TrainingPlan first = plan(LocalDate.of(2027, 3, 7));
        StoredPlan sp = created("acc_a", first);
        TrainingPlan shorter = first.withWeeks(first.weeks().subList(0, first.weeks().size()));
        PlanChange adapt = store.propose("acc_a", Optional.of(sp.id()), PlanChange.Kind.ADAPT, "drop a run",
                Optional.of(new TrainingPlan(first.request(), first.fitness(), first.weeks(), List.of("changed"))));
        assertThat(store.current("acc_a").orElseThrow().plan()).isEqualTo(first);
        assertThat(store.pending("acc_a")).contains(adapt);
        clock.advance(Duration.ofSeconds(1));
        store.apply("acc_a", adapt.id());
        assertThat(store.current("acc_a").orElseThrow().plan().notes()).containsExactly("changed");
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.undoLast("acc_a")).isPresent();
        assertThat(store.current("acc_a").orElseThrow().plan()).isEqualTo(shorter);
        assertThat(store.history("acc_a")).extracting(PlanChange::kind, PlanChange::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(PlanChange.Kind.CREATE, PlanChange.Status.APPLIED),
                org.assertj.core.groups.Tuple.tuple(PlanChange.Kind.ADAPT, PlanChange.Status.UNDONE));
        assertThat(store.current("acc_b")).as("other accounts see nothing").isEmpty();
    }

    @Test
    void aNewerProposalDeclinesTheOlderOneAndApplyingTwiceDoesNothing() {
        StoredPlan sp = created("acc_a", plan(LocalDate.of(2027, 3, 7)));
        PlanChange pause = store.propose("acc_a", Optional.of(sp.id()), PlanChange.Kind.PAUSE, "pause", Optional.empty());
        clock.advance(Duration.ofSeconds(1));
        PlanChange stop = store.propose("acc_a", Optional.of(sp.id()), PlanChange.Kind.STOP, "stop", Optional.empty());
        assertThat(store.apply("acc_a", pause.id())).isEmpty();
        assertThat(store.apply("acc_b", stop.id())).as("another account's proposal").isEmpty();
        assertThat(store.apply("acc_a", stop.id())).map(StoredPlan::status).contains(StoredPlan.Status.ARCHIVED);
        assertThat(store.apply("acc_a", stop.id())).isEmpty();
    }

    @Test
    void replacingArchivesTheOldPlanAndUndoBringsItBack() {
        StoredPlan old = created("acc_a", plan(LocalDate.of(2027, 3, 7)));
        PlanChange replace = store.propose("acc_a", Optional.of(old.id()), PlanChange.Kind.REPLACE, "replace",
                Optional.of(plan(LocalDate.of(2027, 4, 11))));
        clock.advance(Duration.ofSeconds(1));
        StoredPlan now = store.apply("acc_a", replace.id()).orElseThrow();
        assertThat(store.current("acc_a").orElseThrow().id()).isEqualTo(now.id());
        assertThat(store.countActive("acc_a")).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        store.undoLast("acc_a");
        assertThat(store.current("acc_a").orElseThrow().id()).isEqualTo(old.id());
    }

    @Test
    void aDowngradePausesEveryActivePlanButTheNewest() {
        created("acc_a", plan(LocalDate.of(2027, 3, 7)));
        created("acc_a", plan(LocalDate.of(2027, 4, 11)));
        StoredPlan newest = created("acc_a", plan(LocalDate.of(2027, 5, 9)));
        assertThat(store.pauseBeyond("acc_a", 1)).isEqualTo(2);
        assertThat(store.countActive("acc_a")).isEqualTo(1);
        assertThat(store.current("acc_a").orElseThrow().id()).isEqualTo(newest.id());
        assertThat(store.all("acc_a")).hasSize(3);
    }
}
