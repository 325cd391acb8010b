package ai.pace42.bot.plans;

import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.CoachQuestion;
import ai.pace42.coach.CoachService;
import ai.pace42.coach.UnitSystem;
import ai.pace42.coach.answer.Format;
import ai.pace42.coach.chart.PlanChart;
import ai.pace42.coach.fitness.TrainingHistory;
import ai.pace42.coach.model.ActivitySource;
import ai.pace42.coach.model.ActivitySourceResolver;
import ai.pace42.coach.plan.CurrentFitness;
import ai.pace42.coach.plan.PlanAdapter;
import ai.pace42.coach.plan.PlanAsk;
import ai.pace42.coach.plan.PlanGenerator;
import ai.pace42.coach.plan.PlanHistory;
import ai.pace42.coach.plan.PlanOutcome;
import ai.pace42.coach.plan.PlanPhrases;
import ai.pace42.coach.plan.PlanReplies;
import ai.pace42.coach.plan.PlanRequest;
import ai.pace42.coach.plan.PlanTracking;
import ai.pace42.coach.plan.PlanWeek;
import ai.pace42.coach.plan.PlanText;
import ai.pace42.coach.plan.SessionResult;
import ai.pace42.coach.plan.TimeOff;
import ai.pace42.coach.weather.SessionHeat;
import ai.pace42.coach.plan.TrainingPlan;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The coach with training plans: plan phrases are answered here (from {@link PlanPhrases}); every other question
 * goes to the wrapped coach unchanged. Changes are proposals until the runner says yes, and each can be undone.
 * Phrases that only mean something with a plan or a proposal ("what's today?", "yes") go to the wrapped coach
 * when there is none.
 */
public final class PlanCoach extends ai.pace42.bot.conversation.CoachDecorator {

    private static final Logger LOG = Logger.getLogger(PlanCoach.class.getName());
    static final int DEFAULT_DAYS = 4;
    static final DayOfWeek DEFAULT_LONG_DAY = DayOfWeek.SUNDAY;

    private final PlanStore store;
    private final ActivitySourceResolver sources;
    private final PlanAllowance allowance;
    private final Clock clock;
    /** Heat-adjusted targets when weather is on; null when it is off. */
    private volatile SessionHeat heat;

    public PlanCoach(CoachService coach, PlanStore store, ActivitySourceResolver sources, PlanAllowance allowance, Clock clock) {
        super(coach);
        this.store = store;
        this.sources = sources;
        this.allowance = allowance;
        this.clock = clock;
    }

    public PlanStore store() {
        return store;
    }

    /** Pauses plans a lapsed subscription no longer allows, before the plans API reads them. */
    public void settle(String accountId) {
        allowance.settle(accountId);
    }

    public void useHeat(SessionHeat sessionHeat) {
        this.heat = sessionHeat;
    }

    @Override
    public CoachAnswer answer(CoachQuestion q) {
        LocalDate today = q.askedAt().atZone(q.zone()).toLocalDate();
        Optional<PlanAsk> ask = PlanPhrases.recognize(q.text(), today);
        if (ask.isEmpty()) {
            CoachAnswer answer = coach.answer(q);
            return ai.pace42.coach.intent.IntentRecognizer.recognize(q.text(), today) instanceof ai.pace42.coach.intent.Intent.LastRun
                    ? withPlanComparison(q, answer) : answer;
        }
        Format f = new Format(q.units(), q.zone());
        allowance.settle(q.accountId());
        Optional<StoredPlan> current = store.current(q.accountId());
        Optional<StoredPlan> active = current.filter(p -> p.status() == StoredPlan.Status.ACTIVE);
        Optional<PlanChange> pending = store.pending(q.accountId());
        PlanAsk a = ask.get();
        if (a instanceof PlanAsk.Create c) {
            return create(q, c, active, f, today);
        }
        if (a instanceof PlanAsk.Yes) {
            return pending.map(p -> apply(q, p, f, today)).orElseGet(() -> coach.answer(q));
        }
        if (a instanceof PlanAsk.No) {
            return pending.map(p -> {
                store.decline(q.accountId(), p.id());
                return CoachAnswer.text("OK, nothing changed: your plan stays as it was.");
            }).orElseGet(() -> coach.answer(q));
        }
        if (a instanceof PlanAsk.Undo) {
            return store.undoLast(q.accountId()).map(c -> CoachAnswer.text("Undone: " + c.reason() + " Your plan is back to how it was."))
                    .orElseGet(() -> CoachAnswer.text("There is no plan change to undo."));
        }
        if (a instanceof PlanAsk.History) {
            return history(q.accountId(), f);
        }
        if (current.isEmpty()) {
            return a instanceof PlanAsk.Today || a instanceof PlanAsk.ThisWeek || a instanceof PlanAsk.SoreLegs
                    || a instanceof PlanAsk.Ill || a instanceof PlanAsk.Missed || a instanceof PlanAsk.Travelling
                    || a instanceof PlanAsk.Blackout
                    ? coach.answer(q) : noPlan();
        }
        StoredPlan sp = current.get();
        if (a instanceof PlanAsk.Resume) {
            return sp.status() == StoredPlan.Status.PAUSED
                    ? propose(q, sp, PlanChange.Kind.RESUME, "Resume your plan where the calendar is now; if you were away more "
                    + "than 3 days, tell me how many days you missed and I will adapt it.", Optional.empty())
                    : CoachAnswer.text("Your plan is not paused.");
        }
        if (active.isEmpty()) {
            return a instanceof PlanAsk.Today || a instanceof PlanAsk.ThisWeek ? coach.answer(q)
                    : CoachAnswer.text("Your plan for " + f.day(sp.plan().request().raceDate()) + " is paused. Say \"resume my plan\" to follow it again.");
        }
        TrainingPlan plan = sp.plan();
        if (a instanceof PlanAsk.Today) {
            return withTracking(q, plan, today, PlanReplies.today(plan, today, f)
                    + heatNotes(q, plan.on(today).stream().toList(), f), false, f);
        }
        if (a instanceof PlanAsk.ThisWeek) {
            Optional<PlanWeek> w = plan.weekOf(today);
            String text = w.map(x -> PlanReplies.week(plan, x, f)
                            + heatNotes(q, x.sessions().stream().filter(s -> !s.date().isBefore(today)).toList(), f))
                    .orElseGet(() -> PlanReplies.today(plan, today, f));
            return withTracking(q, plan, today, text, false, f);
        }
        if (a instanceof PlanAsk.Overview) {
            return withTracking(q, plan, today, overview(plan, f), true, f);
        }
        if (a instanceof PlanAsk.Calendar) {
            return CoachAnswer.text("Your plan as a calendar file (.ics, one all-day event per session): send **/plan calendar** "
                    + "and I send the file (in the browser chat: a download link, also at /api/v1/plans/current.ics); import it "
                    + "into your calendar app. Importing it again after a change updates the same events.");
        }
        if (a instanceof PlanAsk.Pause) {
            return propose(q, sp, PlanChange.Kind.PAUSE, "Pause your plan: it is kept as it is and not tracked until you resume it.",
                    Optional.empty());
        }
        if (a instanceof PlanAsk.Stop) {
            return propose(q, sp, PlanChange.Kind.STOP, "Stop following your plan for " + f.day(plan.request().raceDate())
                    + " (it is kept in your history and can be undone).", Optional.empty());
        }
        PlanAdapter.Proposal proposal;
        if (a instanceof PlanAsk.Move m) {
            proposal = PlanAdapter.move(plan, m.from(), m.to(), today);
        } else if (a instanceof PlanAsk.Travelling) {
            proposal = PlanAdapter.travelling(plan, today);
        } else if (a instanceof PlanAsk.Blackout b) {
            proposal = PlanAdapter.blackout(plan, b.from(), b.to(), today);
        } else if (a instanceof PlanAsk.SoreLegs) {
            proposal = PlanAdapter.sore(plan, today);
        } else if (a instanceof PlanAsk.Ill) {
            proposal = PlanAdapter.ill(plan, today, fitness(q).fitness());
        } else {
            PlanAsk.Missed missed = (PlanAsk.Missed) a;
            if (missed.days().isEmpty()) {
                return CoachAnswer.text("How many days did you miss? (e.g. \"I missed 5 days\")");
            }
            proposal = PlanAdapter.missed(plan, missed.days().getAsInt(), today, fitness(q).fitness());
        }
        if (proposal.plan().isEmpty()) {
            return CoachAnswer.text(proposal.reason());
        }
        return propose(q, sp, PlanChange.Kind.ADAPT, proposal.reason(), proposal.plan());
    }

    private CoachAnswer create(CoachQuestion q, PlanAsk.Create c, Optional<StoredPlan> active, Format f, LocalDate today) {
        if (c.distanceM().isEmpty() || c.raceDate().isEmpty()) {
            return CoachAnswer.text("Tell me the race and its date, e.g. \"Make me a plan for a half marathon on 12 April, 4 days a week, "
                    + "long run on Sunday\". " + (c.distanceM().isEmpty() ? "I plan 5 km, 10 km, half and full marathons." : ""));
        }
        int days = c.daysPerWeek().orElse(DEFAULT_DAYS);
        DayOfWeek longDay = c.longRunDay().orElse(DEFAULT_LONG_DAY);
        Loaded raw = fitness(q);
        // A runner back from a break gets paces for the fitness they have now, not the one before it (Daniels).
        TimeOff.Adjusted afterBreak = TimeOff.after(raw.fitness(), TimeOff.daysSinceLastRun(raw.fitness(), today));
        Loaded loaded = new Loaded(afterBreak.fitness(), afterBreak.note().map(n -> raw.note().isEmpty() ? n : raw.note() + " " + n)
                .orElse(raw.note()));
        PlanRequest request = new PlanRequest(c.raceDate().get(), c.distanceM().getAsDouble(), days, longDay, today, q.units());
        PlanOutcome outcome = PlanGenerator.generate(request, loaded.fitness());
        String defaults = (c.daysPerWeek().isEmpty() ? " I assumed " + DEFAULT_DAYS + " running days a week" : "")
                + (c.longRunDay().isEmpty() ? (c.daysPerWeek().isEmpty() ? " and" : " I assumed") + " the long run on Sunday" : "");
        String prefix = (loaded.note().isEmpty() ? "" : loaded.note() + "\n") + (defaults.isEmpty() ? "" : defaults.strip() + "; say so to change it.\n");
        if (outcome instanceof PlanOutcome.Refused r) {
            Optional<TrainingPlan> offer = r.closestLater().or(r::shorterThatFits);
            String text = prefix + PlanReplies.refused(r, f) + "\n(code " + r.code() + (q.requestId().isEmpty() ? "" : ", request " + q.requestId()) + ")";
            offer.ifPresent(p -> proposeOnly(q, active, p, "a new plan for " + f.day(p.request().raceDate())));
            return CoachAnswer.text(text);
        }
        TrainingPlan plan = ((PlanOutcome.Ready) outcome).plan();
        String created = PlanReplies.created(plan, f, today);
        if (active.isPresent() && store.countActive(q.accountId()) >= allowance.activePlans(q.accountId())) {
            proposeOnly(q, active, plan, "a new plan for " + f.day(plan.request().raceDate()));
            return CoachAnswer.text(prefix + "You already follow a plan for " + f.day(active.get().plan().request().raceDate())
                    + "; your subscription allows " + allowance.activePlans(q.accountId()) + " active plan"
                    + (allowance.activePlans(q.accountId()) == 1 ? "" : "s") + " at a time (code SUBSCRIPTION_PLAN_LIMIT). "
                    + "**Say yes to replace it** with this one (the old one is kept in your history), or no to keep it.\n\n" + created);
        }
        PlanChange change = store.propose(q.accountId(), Optional.empty(), PlanChange.Kind.CREATE,
                "a new plan for " + f.day(plan.request().raceDate()), Optional.of(plan));
        store.apply(q.accountId(), change.id());
        return CoachAnswer.text(prefix + created);
    }

    private void proposeOnly(CoachQuestion q, Optional<StoredPlan> active, TrainingPlan plan, String reason) {
        boolean replace = active.isPresent() && store.countActive(q.accountId()) >= allowance.activePlans(q.accountId());
        store.propose(q.accountId(), replace ? active.map(StoredPlan::id) : Optional.empty(),
                replace ? PlanChange.Kind.REPLACE : PlanChange.Kind.CREATE, reason, Optional.of(plan));
    }

    private CoachAnswer propose(CoachQuestion q, StoredPlan sp, PlanChange.Kind kind, String reason, Optional<TrainingPlan> after) {
        store.propose(q.accountId(), Optional.of(sp.id()), kind, reason, after);
        StringBuilder sb = new StringBuilder("**Proposed change:** ").append(reason);
        after.ifPresent(p -> {
            LocalDate today = q.askedAt().atZone(q.zone()).toLocalDate();
            Format f = new Format(q.units(), q.zone());
            p.weekOf(today).or(() -> p.weeks().stream().filter(w -> w.start().isAfter(today)).findFirst())
                    .ifPresent(w -> sb.append("\n\n").append(PlanReplies.week(p, w, f)));
        });
        sb.append("\n\nNothing changes until you say **yes**; say **no** to keep the plan as it is. Any change can be undone.");
        return CoachAnswer.text(sb.toString());
    }

    private CoachAnswer apply(CoachQuestion q, PlanChange change, Format f, LocalDate today) {
        Optional<StoredPlan> applied = store.apply(q.accountId(), change.id());
        if (applied.isEmpty()) {
            return CoachAnswer.text("That proposal is no longer open; nothing changed.");
        }
        StoredPlan sp = applied.get();
        String head = "Done: " + change.reason() + " Say \"undo\" to go back.";
        if (change.kind() == PlanChange.Kind.CREATE || change.kind() == PlanChange.Kind.REPLACE) {
            return CoachAnswer.text(head + "\n\n" + PlanReplies.created(sp.plan(), f, today));
        }
        return CoachAnswer.text(head);
    }

    private CoachAnswer history(String accountId, Format f) {
        List<PlanChange> changes = store.history(accountId);
        if (changes.isEmpty()) {
            return CoachAnswer.text("Your plans have no changes yet.");
        }
        StringBuilder sb = new StringBuilder("**Plan history**");
        for (PlanChange c : changes) {
            sb.append("\n- ").append(f.day(c.createdAt().atZone(f.zone()))).append(": ").append(c.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .append(", ").append(c.status().name().toLowerCase(java.util.Locale.ROOT)).append(" — ").append(c.reason());
        }
        return CoachAnswer.text(sb.toString());
    }

    private String overview(TrainingPlan plan, Format f) {
        StringBuilder sb = new StringBuilder("**Your ").append(ai.pace42.coach.intent.DistanceParser.name(plan.request().raceDistanceM()))
                .append(" plan** for ").append(f.day(plan.request().raceDate())).append(", ").append(plan.weeks().size()).append(" weeks:");
        for (PlanWeek w : plan.weeks()) {
            sb.append("\n- ").append(PlanText.weekHeading(w, plan.weeks().size(), f));
        }
        return sb.toString();
    }

    /** The view with what was run: this week's sessions done/partial/missed, and the chart for the overview. */
    private CoachAnswer withTracking(CoachQuestion q, TrainingPlan plan, LocalDate today, String text, boolean chart, Format f) {
        Map<LocalDate, Double> runs = runsByDay(q);
        List<SessionResult> results = PlanTracking.results(plan, runs, today);
        StringBuilder sb = new StringBuilder(text);
        Optional<PlanWeek> week = plan.weekOf(today);
        week.map(w -> PlanReplies.progress(plan, results, w, f)).filter(s -> !s.isEmpty() && !runs.isEmpty())
                .ifPresent(s -> sb.append("\n\n**So far this week**\n").append(s));
        if (!chart) {
            return CoachAnswer.text(sb.toString());
        }
        int currentWeek = week.map(PlanWeek::index).orElse(today.isBefore(plan.start()) ? -1 : plan.weeks().size() - 1);
        return new CoachAnswer(sb.toString(), List.of(PlanChart.render(plan, PlanTracking.doneByWeek(plan, runs), currentWeek, f)));
    }

    /** A last-run analysis gains one line comparing the run with the session planned for its day. */
    private CoachAnswer withPlanComparison(CoachQuestion q, CoachAnswer answer) {
        Optional<StoredPlan> active = store.current(q.accountId()).filter(p -> p.status() == StoredPlan.Status.ACTIVE);
        if (active.isEmpty()) {
            return answer;
        }
        Optional<String> line = history(q).flatMap(h -> h.latest().flatMap(r -> PlanReplies.againstPlan(active.get().plan(),
                h.dateOf(r), Double.isNaN(r.distanceM()) ? 0 : r.distanceM(), r.averageSpeed().orElse(Double.NaN),
                new Format(q.units(), q.zone()))));
        return line.map(l -> answer.withText(answer.text() + "\n\n" + l)).orElse(answer);
    }

    private Map<LocalDate, Double> runsByDay(CoachQuestion q) {
        return history(q).map(PlanTracking::runsByDay).orElse(Map.of());
    }

    private record Loaded(CurrentFitness fitness, String note) {
    }

    private Loaded fitness(CoachQuestion q) {
        Optional<TrainingHistory> h = history(q);
        if (h.isEmpty() || h.get().runs().isEmpty()) {
            return new Loaded(new CurrentFitness(OptionalDouble.empty(), 0, List.of(), OptionalDouble.empty()),
                    "I have no runs from you yet, so the plan starts from 30-minute easy runs (send /link to connect Garmin, or /sample to try).");
        }
        return new Loaded(CurrentFitness.of(h.get(), q.askedAt()), "");
    }

    private Optional<TrainingHistory> history(CoachQuestion q) {
        try {
            Optional<ActivitySource> src = sources.resolve(q.accountId());
            return src.map(s -> PlanHistory.load(s, q.askedAt(), q.zone(), q.units()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not read runs for the plan", e);
            return Optional.empty();
        }
    }

    /** "\n\n**Heat**\n- …" for the sessions heat slows; empty without weather, a home location or a forecast. */
    private String heatNotes(CoachQuestion q, List<ai.pace42.coach.plan.PlannedSession> sessions, Format f) {
        SessionHeat h = heat;
        if (h == null || sessions.isEmpty()) {
            return "";
        }
        List<String> notes = h.notes(q.accountId(), sessions, q.askedAt(), q.units(), f);
        return notes.isEmpty() ? "" : "\n\n**Heat**\n- " + String.join("\n- ", notes);
    }

    private static CoachAnswer noPlan() {
        return CoachAnswer.text("You have no training plan yet. Ask e.g. \"Make me a plan for a half marathon on 12 April, 4 days a "
                + "week, long run on Sunday\".");
    }

}
