package ai.pace42.coach.cache;

import ai.pace42.coach.ChartImage;
import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.CoachQuestion;
import ai.pace42.coach.CoachService;
import ai.pace42.coach.UnitSystem;
import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivityHeader;
import ai.pace42.coach.model.ActivitySource;
import ai.pace42.coach.model.ActivitySourceResolver;
import ai.pace42.coach.model.AthleteProfile;
import ai.pace42.coach.model.SourceTrouble;
import ai.pace42.coach.model.SportType;
import ai.pace42.coach.model.Sourced;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The answer cache answers a repeated question once and notices every change the answer depends on. */
class CachingCoachTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    static final Instant NOW = Instant.parse("2026-11-26T19:00:00Z");

    /** One account's runs, changeable by the test; counts how often it is listed. */
    static class FakeSource implements ActivitySource {
        final List<ActivityHeader> headers = new ArrayList<>(List.of(header("r1")));
        AthleteProfile profile = AthleteProfile.unknown();
        Optional<SourceTrouble> trouble = Optional.empty();
        boolean loadsFail;
        final AtomicInteger lists = new AtomicInteger();

        @Override
        public String label() {
            return "test runs";
        }

        @Override
        public List<ActivityHeader> list(Instant from, Instant to) {
            lists.incrementAndGet();
            return List.copyOf(headers);
        }

        @Override
        public Optional<Activity> load(String activityId) {
            if (loadsFail) {
                throw new IllegalStateException("store down");
            }
            return Optional.empty();
        }

        @Override
        public Optional<SourceTrouble> trouble() {
            return trouble;
        }

        @Override
        public AthleteProfile profile() {
            return profile;
        }
    }

    /** Stands in for the deterministic coach: lists and loads through the resolver it was given, like it does. */
    static final class CountingCoach implements CoachService {
        final ActivitySourceResolver sources;
        final AtomicInteger answers = new AtomicInteger();
        final AtomicInteger forgotten = new AtomicInteger();

        CountingCoach(ActivitySourceResolver sources) {
            this.sources = sources;
        }

        @Override
        public CoachAnswer answer(CoachQuestion q) {
            int n = answers.incrementAndGet();
            Optional<ActivitySource> src = sources.resolve(q.accountId());
            if (src.isEmpty()) {
                return CoachAnswer.text("no source");
            }
            List<ActivityHeader> h = src.get().list(q.askedAt().minus(ai.pace42.coach.DeterministicCoach.HISTORY), q.askedAt().plusSeconds(1));
            try {
                src.get().load(h.get(0).id());
            } catch (RuntimeException e) {
                return CoachAnswer.text("could not load");
            }
            return new CoachAnswer("answer " + n + " about " + h.size() + " runs",
                    List.of(new ChartImage(new byte[1000], "chart " + n)));
        }

        @Override
        public boolean warmUp(String accountId, UnitSystem units, ZoneId zone, Instant now) {
            return sources.resolve(accountId).isPresent();
        }

        @Override
        public void forget(String accountId) {
            forgotten.incrementAndGet();
        }

        @Override
        public List<String> exampleQuestions() {
            return List.of("Analyze my last run", "How is my fitness trending?");
        }
    }

    final ConcurrentHashMap<String, FakeSource> sources = new ConcurrentHashMap<>();
    CountingCoach inner;
    final CachingCoach coach = new CachingCoach(id -> Optional.ofNullable(sources.get(id)), r -> inner = new CountingCoach(r));

    static ActivityHeader header(String id) {
        return new ActivityHeader(id, "Run", SportType.ROAD, Optional.of(NOW.minusSeconds(86_400).atZone(ZONE)),
                OptionalDouble.of(3600), OptionalDouble.of(10_000));
    }

    static CoachQuestion ask(String account, String text) {
        return new CoachQuestion(account, text, UnitSystem.METRIC, ZONE, NOW);
    }

    FakeSource runner(String account) {
        FakeSource s = new FakeSource();
        sources.put(account, s);
        return s;
    }

    @Test
    void aRepeatedQuestionIsAnsweredOnceAndListedOncePerAsking() {
        FakeSource s = runner("acc_1");
        CoachAnswer first = coach.answer(ask("acc_1", "Analyze my last run"));
        CoachAnswer second = coach.answer(ask("acc_1", "  analyze MY last   run "));
        assertThat(inner.answers).hasValue(1);
        assertThat(second).isSameAs(first);
        // The coach answered from the listing the key was made of: one listing per question, not two.
        assertThat(s.lists).hasValue(2);
        assertThat(coach.stats().hits()).isEqualTo(1);
    }

    @Test
    void aNewRunAProfileChangeOtherUnitsOrZoneOrANewDayAnswerAfresh() {
        FakeSource s = runner("acc_1");
        coach.answer(ask("acc_1", "Analyze my last run"));
        s.headers.add(0, header("r2"));
        assertThat(coach.answer(ask("acc_1", "Analyze my last run")).text()).isEqualTo("answer 2 about 2 runs");
        s.profile = AthleteProfile.unknown().withMaxHeartRate(Sourced.userSet(190.0));
        coach.answer(ask("acc_1", "Analyze my last run"));
        assertThat(inner.answers).hasValue(3);
        coach.answer(new CoachQuestion("acc_1", "Analyze my last run", UnitSystem.IMPERIAL, ZONE, NOW));
        coach.answer(new CoachQuestion("acc_1", "Analyze my last run", UnitSystem.METRIC, ZoneId.of("America/New_York"), NOW));
        coach.answer(new CoachQuestion("acc_1", "Analyze my last run", UnitSystem.METRIC, ZONE, NOW.plusSeconds(86_400)));
        assertThat(inner.answers).hasValue(6);
    }

    @Test
    void anotherSourceIsAnotherDataVersion() {
        runner("acc_1");
        coach.answer(ask("acc_1", "Analyze my last run"));
        sources.put("acc_1", new FakeSource() {
            @Override
            public String label() {
                return "the sample athlete";
            }

            @Override
            public boolean isSample() {
                return true;
            }
        });
        coach.answer(ask("acc_1", "Analyze my last run"));
        sources.remove("acc_1"); // /unlink with nothing else
        assertThat(coach.answer(ask("acc_1", "Analyze my last run")).text()).isEqualTo("no source");
        assertThat(inner.answers).hasValue(3);
    }

    @Test
    void forgetDropsOnlyThatAccountsAnswers() {
        runner("acc_1");
        runner("acc_2");
        coach.answer(ask("acc_1", "Analyze my last run"));
        coach.answer(ask("acc_2", "Analyze my last run"));
        coach.forget("acc_1");
        coach.answer(ask("acc_1", "Analyze my last run"));
        coach.answer(ask("acc_2", "Analyze my last run"));
        assertThat(inner.answers).hasValue(3);
        assertThat(inner.forgotten).hasValue(1);
    }

    @Test
    void answersGivenDuringTroubleOrAfterAFailedLoadAreNotKept() {
        FakeSource s = runner("acc_1");
        s.trouble = Optional.of(new SourceTrouble("GARMIN_SLOW", "slow", Optional.empty(), Optional.empty()));
        coach.answer(ask("acc_1", "Analyze my last run"));
        coach.answer(ask("acc_1", "Analyze my last run"));
        assertThat(inner.answers).hasValue(2);
        s.trouble = Optional.empty();
        s.loadsFail = true;
        assertThat(coach.answer(ask("acc_1", "Analyze my last run")).text()).isEqualTo("could not load");
        s.loadsFail = false;
        assertThat(coach.answer(ask("acc_1", "Analyze my last run")).text()).startsWith("answer 4");
    }

    @Test
    void warmUpPreparesTheExampleQuestionsSoTheFirstQuestionIsAHit() {
        runner("acc_1");
        assertThat(coach.warmUp("acc_1", UnitSystem.METRIC, ZONE, NOW)).isTrue();
        assertThat(inner.answers).hasValue(2);
        coach.answer(ask("acc_1", "How is my fitness trending?"));
        coach.answer(ask("acc_1", "Analyze my last run"));
        assertThat(inner.answers).hasValue(2);
        assertThat(coach.warmUp("acc_none", UnitSystem.METRIC, ZONE, NOW)).isFalse();
    }

    @Test
    void theCacheIsBoundedByBytes() {
        AnswerCache cache = new AnswerCache(10_000, 1_000);
        CoachAnswer answer = new CoachAnswer("x", List.of(new ChartImage(new byte[3_000], "c")));
        for (int i = 0; i < 10; i++) {
            cache.put(new AnswerKey("acc_" + i, "l", false, List.of(), AthleteProfile.unknown(), UnitSystem.METRIC,
                    ZONE, "h", "q"), answer);
        }
        assertThat(cache.stats().bytes()).isLessThanOrEqualTo(10_000);
        assertThat(cache.stats().entries()).isEqualTo(2); // 3,000 B of chart + overhead each: two fit
        assertThat(cache.get(new AnswerKey("acc_9", "l", false, List.of(), AthleteProfile.unknown(), UnitSystem.METRIC,
                ZONE, "h", "q"))).isPresent();
        assertThat(cache.get(new AnswerKey("acc_0", "l", false, List.of(), AthleteProfile.unknown(), UnitSystem.METRIC,
                ZONE, "h", "q"))).isEmpty();
    }
}
