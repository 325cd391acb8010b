package ai.pace42.coach.cache;

import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.CoachQuestion;
import ai.pace42.coach.CoachService;
import ai.pace42.coach.DeterministicCoach;
import ai.pace42.coach.UnitSystem;
import ai.pace42.coach.model.ActivityHeader;
import ai.pace42.coach.model.ActivitySource;
import ai.pace42.coach.model.ActivitySourceResolver;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Work done once: a layer around the coach that keeps finished answers (text and chart PNGs) by
 * {@link AnswerKey} — account, data version (listed runs, profile, source), units, zone, local hour and question —
 * so a question asked again while nothing changed costs a listing and a map lookup instead of an analysis and a
 * chart. A new or changed run, a profile change, another source ({@code /unlink}, {@code /sample}, a link) or other
 * units or zone give a new key by themselves; {@link #forget} drops an account's answers at once (e.g.
 * {@code /delete}). Answers given while the source reports trouble or a load failed are never kept. Bounded by
 * bytes and count. {@link #warmUp} also prepares the example questions' answers, so the first question after a
 * link or import is a cache hit.
 */
public final class CachingCoach implements CoachService {

    public static final long DEFAULT_MAX_BYTES = 48L * 1024 * 1024;
    public static final int DEFAULT_MAX_ENTRIES = 4096;
    private static final Logger LOG = Logger.getLogger(CachingCoach.class.getName());

    private final ActivitySourceResolver sources;
    private final CoachService coach;
    private final AnswerCache cache;
    /** Bumped by every {@link #forget}: an answer computed across one is not stored (it may predate the change). */
    private final AtomicLong generation = new AtomicLong();
    /** The source the current thread's answer is keyed by, handed to the coach instead of resolving again. */
    private final ThreadLocal<Pinned> pinned = new ThreadLocal<>();

    private record Pinned(String accountId, Optional<ActivitySource> source) {
    }

    /**
     * @param sources     where each account's runs come from
     * @param coachFactory builds the coach being cached on the resolver it must use (e.g. {@code DeterministicCoach::new})
     */
    public CachingCoach(ActivitySourceResolver sources, Function<ActivitySourceResolver, CoachService> coachFactory,
                        long maxBytes, int maxEntries) {
        this.sources = Objects.requireNonNull(sources, "sources");
        this.cache = new AnswerCache(maxBytes, maxEntries);
        this.coach = coachFactory.apply(this::resolveForCoach);
    }

    public CachingCoach(ActivitySourceResolver sources, Function<ActivitySourceResolver, CoachService> coachFactory) {
        this(sources, coachFactory, DEFAULT_MAX_BYTES, DEFAULT_MAX_ENTRIES);
    }

    @Override
    public CoachAnswer answer(CoachQuestion q) {
        Optional<ActivitySource> resolved;
        try {
            resolved = sources.resolve(q.accountId());
        } catch (RuntimeException e) {
            return coach.answer(q); // the coach resolves again and answers honestly about it
        }
        if (resolved.isEmpty()) {
            return answerWith(q, resolved);
        }
        ListedSource listed = new ListedSource(resolved.get());
        long before = generation.get();
        Optional<AnswerKey> key = keyOf(q, listed);
        Optional<CoachAnswer> hit = key.flatMap(cache::get);
        if (hit.isPresent()) {
            return hit.get();
        }
        CoachAnswer answer = answerWith(q, Optional.of(listed));
        if (key.isPresent() && listed.trouble().isEmpty() && !listed.loadFailed() && generation.get() == before) {
            cache.put(key.get(), answer);
        }
        return answer;
    }

    /** Prepares the history and the example questions' answers; never throws. */
    @Override
    public boolean warmUp(String accountId, UnitSystem units, ZoneId zone, Instant now) {
        boolean prepared = coach.warmUp(accountId, units, zone, now);
        if (!prepared) {
            return false;
        }
        try {
            for (String question : coach.exampleQuestions()) {
                answer(new CoachQuestion(accountId, question, units, zone, now));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "preparing the first answers failed", e);
        }
        return true;
    }

    @Override
    public boolean understands(CoachQuestion q) {
        return coach.understands(q);
    }

    @Override
    public void forget(String accountId) {
        generation.incrementAndGet();
        cache.forget(accountId);
        coach.forget(accountId);
    }

    @Override
    public List<String> exampleQuestions() {
        return coach.exampleQuestions();
    }

    public AnswerCache.Stats stats() {
        return cache.stats();
    }

    /** Empty when the source cannot even list or reports trouble: such answers are not kept. */
    private static Optional<AnswerKey> keyOf(CoachQuestion q, ListedSource listed) {
        try {
            List<ActivityHeader> headers = listed.list(q.askedAt().minus(DeterministicCoach.HISTORY), q.askedAt().plusSeconds(1));
            if (listed.trouble().isPresent()) {
                return Optional.empty();
            }
            ZonedDateTime local = q.askedAt().atZone(q.zone());
            String hour = local.toLocalDate() + "T" + local.getHour();
            return Optional.of(new AnswerKey(q.accountId(), listed.label(), listed.isSample(), headers,
                    listed.profile(), q.units(), q.zone(), hour, AnswerKey.normalise(q.text())));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private CoachAnswer answerWith(CoachQuestion q, Optional<ActivitySource> source) {
        Pinned outer = pinned.get();
        pinned.set(new Pinned(q.accountId(), source));
        try {
            return coach.answer(q);
        } finally {
            if (outer == null) {
                pinned.remove();
            } else {
                pinned.set(outer);
            }
        }
    }

    private Optional<ActivitySource> resolveForCoach(String accountId) {
        Pinned p = pinned.get();
        return p != null && p.accountId().equals(accountId) ? p.source() : sources.resolve(accountId);
    }
}
