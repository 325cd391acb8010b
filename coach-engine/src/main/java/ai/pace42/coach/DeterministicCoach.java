package ai.pace42.coach;

import ai.pace42.coach.analysis.RunAnalysis;
import ai.pace42.coach.answer.CoachContext;
import ai.pace42.coach.answer.FixedResponses;
import ai.pace42.coach.answer.Format;
import ai.pace42.coach.answer.HistoryReports;
import ai.pace42.coach.answer.NextRunReport;
import ai.pace42.coach.answer.PlanningReports;
import ai.pace42.coach.answer.RunFinder;
import ai.pace42.coach.answer.RunReport;
import ai.pace42.coach.answer.SourceNotes;
import ai.pace42.coach.fitness.ThresholdResolver;
import ai.pace42.coach.fitness.TrainingHistory;
import ai.pace42.coach.intent.DistanceParser;
import ai.pace42.coach.intent.Intent;
import ai.pace42.coach.intent.IntentRecognizer;
import ai.pace42.coach.intent.RunSelector;
import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivityHeader;
import ai.pace42.coach.model.ActivitySource;
import ai.pace42.coach.model.ActivitySourceResolver;
import ai.pace42.coach.model.AthleteProfile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The coach without an LLM: recognises the question, loads the runner's recent history from their
 * {@link ActivitySource}, analyses it and answers with numbers that all come from the analysis. Medical questions
 * get the fixed safe response before any data is touched. Never throws for bad data.
 */
public final class DeterministicCoach implements CoachService {

    /** History window: 90 days for charts plus six weeks for the fitness model to warm up, plus slack. */
    public static final Duration HISTORY = Duration.ofDays(180);
    private static final Logger LOG = Logger.getLogger(DeterministicCoach.class.getName());

    private final ActivitySourceResolver sources;
    private final HistoryCache cache = new HistoryCache(256);

    /** @param sources decides per account whether runs come from Garmin, imported files or the sample athlete */
    public DeterministicCoach(ActivitySourceResolver sources) {
        this.sources = Objects.requireNonNull(sources, "sources");
    }

    @Override
    public CoachAnswer answer(CoachQuestion q) {
        return answer(q, recognize(q));
    }

    /** Anything but {@link Intent.Unrecognized} (medical and help texts included) is understood. */
    @Override
    public boolean understands(CoachQuestion q) {
        return !(recognize(q) instanceof Intent.Unrecognized);
    }

    private static Intent recognize(CoachQuestion q) {
        // "details" / "more" alone is about the run just discussed; without a memory of it, the newest run.
        return IntentRecognizer.onlyAsksForDetails(q.text()) ? new Intent.LastRun()
                : IntentRecognizer.recognize(q.text(), q.askedAt().atZone(q.zone()).toLocalDate());
    }

    /**
     * Answers an intent that was already decided (by the recogniser, or by an LLM's tool call), with the same
     * analysis, checks and notes as a recognised question. The question's text is not read again.
     */
    public CoachAnswer answer(CoachQuestion q, Intent intent) {
        if (intent instanceof Intent.Medical m) {
            return FixedResponses.medical(m.cardiacRedFlag());
        }
        Optional<ActivitySource> source = resolve(q.accountId());
        if (intent instanceof Intent.Help) {
            return FixedResponses.help(source.isPresent());
        }
        if (intent instanceof Intent.Unrecognized) {
            return FixedResponses.unrecognized(source.isPresent());
        }
        if (source.isEmpty()) {
            return FixedResponses.noSource();
        }
        ActivitySource src = source.get();
        Format format = new Format(q.units(), q.zone());
        List<ActivityHeader> headers;
        Optional<ActivityHeader> oldNewest = Optional.empty();
        try {
            headers = src.list(q.askedAt().minus(HISTORY), q.askedAt().plusSeconds(1));
            if (headers.isEmpty() && src.trouble().isEmpty()) {
                // The newest run lies before the window: answer about it rather than "no runs".
                oldNewest = src.newest().filter(h -> h.start().isPresent());
                Optional<Instant> end = oldNewest.flatMap(ActivityHeader::start).map(z -> z.toInstant().plusSeconds(1));
                headers = end.isEmpty() ? headers : src.list(end.get().minus(HISTORY), end.get());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not list activities from " + src.label(), e);
            return FixedResponses.loadFailed(src.label());
        }
        if (headers.isEmpty()) {
            return src.trouble().map(t -> SourceNotes.failure(t, format, q.requestId()))
                    .orElseGet(() -> FixedResponses.noRuns(src.label()));
        }
        CoachAnswer answer = answerFromHistory(q, intent, src, headers);
        if (oldNewest.isPresent()) {
            answer = SourceNotes.withOldHistoryNote(answer, oldNewest.get(), format, HISTORY.toDays());
        }
        CoachAnswer answered = answer;
        return src.trouble().map(t -> SourceNotes.withStaleNote(answered, t, format, q.askedAt(), q.requestId()))
                .orElseGet(() -> src.refreshedAt()
                        .map(at -> SourceNotes.withFreshness(answered, src.label(), at, q.askedAt()))
                        .orElse(answered));
    }

    private CoachAnswer answerFromHistory(CoachQuestion q, Intent intent, ActivitySource src,
                                          List<ActivityHeader> headers) {
        try {
            AthleteProfile profile = src.profile();
            var key = new HistoryCache.Key(q.accountId(), List.copyOf(headers), profile, q.units(), q.zone());
            Optional<TrainingHistory> cached = cache.peek(key);
            TrainingHistory history;
            if (cached.isPresent()) {
                history = cached.get();
            } else {
                List<Activity> activities;
                try {
                    activities = load(src, headers);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "could not load activities from " + src.label(), e);
                    return FixedResponses.loadFailed(src.label());
                }
                if (activities.isEmpty()) {
                    return FixedResponses.noRuns(src.label());
                }
                history = cache.get(key, () -> TrainingHistory.analyse(activities,
                        ThresholdResolver.resolve(profile, activities), q.zone(), q.units()));
            }
            CoachContext ctx = new CoachContext(history, new Format(q.units(), q.zone()), q.askedAt(), src);
            return answer(intent, ctx, IntentRecognizer.asksForDetails(q.text()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "analysis failed for a question of intent " + intent, e);
            return CoachAnswer.text("Something in your recent runs tripped up my analysis, so I would rather not guess. "
                    + "The problem has been logged; please try again later or ask about a different run.");
        }
    }

    /**
     * Analyses an account's recent history ahead of its first question (e.g. right after a Garmin sync or after
     * the runner picks the sample athlete), so that question is answered from the cache. Never throws.
     *
     * @return true when a history is now cached for the account
     */
    @Override
    public boolean warmUp(String accountId, UnitSystem units, java.time.ZoneId zone, Instant now) {
        try {
            Optional<ActivitySource> source = resolve(accountId);
            if (source.isEmpty()) {
                return false;
            }
            ActivitySource src = source.get();
            List<ActivityHeader> headers = src.list(now.minus(HISTORY), now.plusSeconds(1));
            if (headers.isEmpty()) {
                return false;
            }
            AthleteProfile profile = src.profile();
            var key = new HistoryCache.Key(accountId, List.copyOf(headers), profile, units, zone);
            if (cache.peek(key).isEmpty()) {
                List<Activity> activities = load(src, headers);
                cache.get(key, () -> TrainingHistory.analyse(activities, ThresholdResolver.resolve(profile, activities), zone, units));
            }
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "warm-up failed", e);
            return false;
        }
    }

    static CoachAnswer answer(Intent intent, CoachContext ctx) {
        return answer(intent, ctx, false);
    }

    /** @param details the full breakdown of a run as the text, instead of the concise reply with details attached */
    static CoachAnswer answer(Intent intent, CoachContext ctx, boolean details) {
        TrainingHistory h = ctx.history();
        if (intent instanceof Intent.LastRun) {
            return h.latest().map(r -> runAnswer(r, ctx, details)).orElseGet(() -> FixedResponses.noRuns(ctx.source().label()));
        }
        if (intent instanceof Intent.SpecificRun s) {
            Optional<RunAnalysis> found = RunFinder.find(h, s.selector()).map(r -> withSamples(r, ctx));
            return found.map(r -> runAnswer(r, ctx, details)).orElseGet(() -> notFound(s.selector(), ctx));
        }
        if (intent instanceof Intent.CompareRuns c) {
            return HistoryReports.compare(ctx, c.count());
        }
        if (intent instanceof Intent.NextRun n) {
            return NextRunReport.answer(ctx, n.tomorrow());
        }
        if (intent instanceof Intent.FitnessTrend) {
            return HistoryReports.trend(ctx);
        }
        if (intent instanceof Intent.RacePrediction p) {
            return PlanningReports.predict(ctx, p.distanceM());
        }
        if (intent instanceof Intent.PacesAndZones) {
            return HistoryReports.paces(ctx);
        }
        if (intent instanceof Intent.WeeklySummary w) {
            return HistoryReports.weekly(ctx, w.lastWeek());
        }
        if (intent instanceof Intent.Vo2max) {
            return PlanningReports.vo2max(ctx);
        }
        if (intent instanceof Intent.VolumeGoal g) {
            return PlanningReports.volumeGoal(ctx, g.weeklyDistanceM());
        }
        if (intent instanceof Intent.Medical m) {
            return FixedResponses.medical(m.cardiacRedFlag());
        }
        return intent instanceof Intent.Help ? FixedResponses.help(true) : FixedResponses.unrecognized(true);
    }

    private static CoachAnswer runAnswer(RunAnalysis r, CoachContext ctx, boolean details) {
        return details ? RunReport.detailed(r, ctx, true) : RunReport.answer(r, ctx, true);
    }

    private static CoachAnswer notFound(RunSelector sel, CoachContext ctx) {
        Format f = ctx.format();
        StringBuilder sb = new StringBuilder("I could not find a");
        sel.kind().ifPresent(k -> sb.append(' ').append(k));
        sb.append(" run");
        sel.distanceM().ifPresent(d -> sb.append(" of about ").append(DistanceParser.name(d)));
        sel.date().ifPresent(d -> sb.append(" on ").append(f.day(d)));
        sb.append(" in your last ").append(HISTORY.toDays()).append(" days.");
        ctx.history().latest().ifPresent(r -> sb.append(" Your most recent run was on ")
                .append(r.activity().start().map(f::day).orElse("an unknown date")).append(" (").append(r.type().label())
                .append(", ").append(f.distance(r.distanceM())).append("); ask \"analyze my last run\" for it."));
        return CoachAnswer.text(sb.toString());
    }

    private Optional<ActivitySource> resolve(String accountId) {
        try {
            return sources.resolve(accountId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not resolve the activity source", e);
            return Optional.empty();
        }
    }

    /** The newest run in full (it is the one most questions analyse), every older one as a summary. */
    private static List<Activity> load(ActivitySource src, List<ActivityHeader> headers) {
        List<Activity> out = new ArrayList<>(headers.size());
        for (int i = 0; i < headers.size(); i++) {
            String id = headers.get(i).id();
            (i == 0 ? src.load(id) : src.summary(id)).ifPresent(out::add);
        }
        return out;
    }

    /**
     * An older run the runner asked about came into the history as a summary: it is loaded in full now and the
     * history analysed again around it (milliseconds), so its report has zones, splits and charts.
     */
    private static RunAnalysis withSamples(RunAnalysis run, CoachContext ctx) {
        if (!run.activity().samples().isEmpty()) {
            return run;
        }
        Optional<Activity> full;
        try {
            full = ctx.source().load(run.activity().id());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not load a run in full; answering from its summary", e);
            return run;
        }
        if (full.isEmpty() || full.get().samples().isEmpty()) {
            return run;
        }
        TrainingHistory h = ctx.history();
        List<Activity> activities = new ArrayList<>(h.runs().size());
        for (RunAnalysis r : h.runs()) {
            activities.add(r.activity().id().equals(run.activity().id()) ? full.get() : r.activity());
        }
        TrainingHistory again = TrainingHistory.analyse(activities, h.thresholds(), h.zone(), ctx.format().units());
        return again.runs().stream().filter(r -> r.activity().id().equals(run.activity().id())).findFirst()
                .orElse(run);
    }
}
