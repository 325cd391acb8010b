package ai.pace42.server.plans;

import ai.pace42.bot.account.Account;
import ai.pace42.bot.account.AccountService;
import ai.pace42.bot.error.ErrorCode;
import ai.pace42.bot.plans.PlanCoach;
import ai.pace42.bot.plans.StoredPlan;
import ai.pace42.bot.subscription.Subscriptions;
import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.CoachQuestion;
import ai.pace42.coach.answer.Format;
import ai.pace42.coach.plan.PlanCalendar;
import ai.pace42.coach.plan.PlanWeek;
import ai.pace42.coach.plan.PlannedSession;
import ai.pace42.coach.plan.TrainingPlan;
import ai.pace42.server.errors.ErrorBody;
import ai.pace42.server.http.RequestIds;
import ai.pace42.server.web.WebIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/v1/plans} and {@code /api/v1/subscription} for the browser, identified by the browser chat's cookie.
 * Creating a plan goes through the same plan coach as the chat, so the guardrails and the consent rules are the
 * same; validation errors name the field.
 */
@Path("/api/v1")
public final class PlansApiResource {

    public record CreatePlan(String distance, String raceDate, Integer daysPerWeek, String longRunDay) {
    }

    private final WebIdentity identities;
    private final AccountService accounts;
    private final PlanCoach plans;
    private final Subscriptions subscriptions;
    private final Clock clock;

    public PlansApiResource(WebIdentity identities, AccountService accounts, PlanCoach plans, Subscriptions subscriptions, Clock clock) {
        this.identities = identities;
        this.accounts = accounts;
        this.plans = plans;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    @GET
    @Path("plans")
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@CookieParam(WebIdentity.COOKIE) Cookie cookie) {
        Optional<Account> a = account(cookie);
        if (a.isEmpty()) {
            return unauthorized();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        plans.settle(a.get().id());
        for (StoredPlan sp : plans.store().all(a.get().id())) {
            out.add(json(sp, new Format(a.get().units(), a.get().effectiveZone())));
        }
        return Response.ok(Map.of("plans", out, "requestId", RequestIds.current())).build();
    }

    @GET
    @Path("plans/current.ics")
    @Produces("text/calendar")
    public Response calendar(@CookieParam(WebIdentity.COOKIE) Cookie cookie) {
        Optional<Account> a = account(cookie);
        if (a.isEmpty()) {
            return unauthorized();
        }
        Optional<StoredPlan> sp = plans.store().current(a.get().id());
        if (sp.isEmpty()) {
            return ErrorBody.response(ErrorCode.NOT_FOUND, "You have no training plan yet.");
        }
        String ics = PlanCalendar.ics(sp.get().plan(), sp.get().id(), new Format(a.get().units(), a.get().effectiveZone()), clock.instant());
        return Response.ok(ics, "text/calendar; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"pace42-plan.ics\"").build();
    }

    @POST
    @Path("plans")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(CreatePlan body, @CookieParam(WebIdentity.COOKIE) Cookie cookie) {
        Optional<Account> a = account(cookie);
        if (a.isEmpty()) {
            return unauthorized();
        }
        if (body == null) {
            return invalid("body", "Send a JSON body like {\"distance\":\"half marathon\",\"raceDate\":\"2027-04-12\"}.");
        }
        if (body.distance() == null || !body.distance().toLowerCase(Locale.ROOT).matches("5 ?k(m)?|10 ?k(m)?|half( marathon)?|marathon")) {
            return invalid("distance", "distance must be one of 5k, 10k, half marathon, marathon.");
        }
        LocalDate race;
        try {
            race = LocalDate.parse(body.raceDate() == null ? "" : body.raceDate());
        } catch (DateTimeParseException e) {
            return invalid("raceDate", "raceDate must be a date like 2027-04-12.");
        }
        if (body.daysPerWeek() != null && (body.daysPerWeek() < 3 || body.daysPerWeek() > 7)) {
            return invalid("daysPerWeek", "daysPerWeek must be from 3 to 7.");
        }
        if (body.longRunDay() != null) {
            try {
                DayOfWeek.valueOf(body.longRunDay().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return invalid("longRunDay", "longRunDay must be a weekday such as sunday.");
            }
        }
        String distance = body.distance().toLowerCase(Locale.ROOT).replace("half", "half marathon").replace("marathon marathon", "marathon");
        String sentence = "make me a plan for a " + distance + " on " + race + ", " + (body.daysPerWeek() == null ? 4 : body.daysPerWeek())
                + " days a week, long run on " + (body.longRunDay() == null ? "sunday" : body.longRunDay().toLowerCase(Locale.ROOT));
        Account acc = a.get();
        String before = plans.store().current(acc.id()).map(StoredPlan::id).orElse("");
        CoachAnswer answer = plans.answer(new CoachQuestion(acc.id(), sentence, acc.units(), acc.effectiveZone(), clock.instant(),
                RequestIds.current()));
        Optional<StoredPlan> now = plans.store().current(acc.id());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("created", now.isPresent() && !now.get().id().equals(before));
        out.put("message", answer.text());
        out.put("proposalWaiting", plans.store().pending(acc.id()).isPresent());
        now.ifPresent(p -> out.put("plan", json(p, new Format(acc.units(), acc.effectiveZone()))));
        out.put("requestId", RequestIds.current());
        return Response.status((Boolean) out.get("created") ? 201 : 200).entity(out).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("subscription")
    @Produces(MediaType.APPLICATION_JSON)
    public Response subscription(@CookieParam(WebIdentity.COOKIE) Cookie cookie) {
        Optional<Account> a = account(cookie);
        if (a.isEmpty()) {
            return unauthorized();
        }
        Subscriptions.State s = subscriptions.state(a.get().id());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tier", s.tier().name().toLowerCase(Locale.ROOT));
        out.put("status", s.status());
        out.put("questionsThisMonth", s.questionsThisMonth());
        out.put("questionLimit", s.tier() == Subscriptions.Tier.PREMIUM ? null : s.questionLimit());
        out.put("resetsOn", s.resetsOn().toString());
        out.put("paidUntil", s.paidUntil().map(Object::toString).orElse(null));
        out.put("requestId", RequestIds.current());
        return Response.ok(out).build();
    }

    private Optional<Account> account(Cookie cookie) {
        return identities.identify(cookie).flatMap(accounts::find);
    }

    private static Response unauthorized() {
        return ErrorBody.response(ErrorCode.UNAUTHORIZED, "Open the browser chat first: it signs this browser in.");
    }

    private static Response invalid(String field, String message) {
        return ErrorBody.response(ErrorCode.VALIDATION_ERROR, field + ": " + message);
    }

    private static Map<String, Object> json(StoredPlan sp, Format f) {
        TrainingPlan p = sp.plan();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", sp.id());
        out.put("status", sp.status().name().toLowerCase(Locale.ROOT));
        out.put("raceDate", p.request().raceDate().toString());
        out.put("raceDistanceM", p.request().raceDistanceM());
        out.put("units", f.units().distanceUnit());
        List<Map<String, Object>> weeks = new ArrayList<>();
        for (PlanWeek w : p.weeks()) {
            Map<String, Object> week = new LinkedHashMap<>();
            week.put("start", w.start().toString());
            week.put("phase", w.phase().label());
            week.put("cutBack", w.cutBack());
            week.put("volumeM", Math.round(w.volumeM()));
            List<Map<String, Object>> sessions = new ArrayList<>();
            for (PlannedSession s : w.sessions()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("date", s.date().toString());
                m.put("kind", s.kind().name().toLowerCase(Locale.ROOT));
                m.put("distanceM", Math.round(s.distanceM()));
                m.put("text", ai.pace42.coach.plan.PlanText.describe(s, f, java.util.OptionalDouble.empty()).replace("**", ""));
                sessions.add(m);
            }
            week.put("sessions", sessions);
            weeks.add(week);
        }
        out.put("weeks", weeks);
        return out;
    }
}
