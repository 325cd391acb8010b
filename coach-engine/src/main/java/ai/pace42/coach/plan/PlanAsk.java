package ai.pace42.coach.plan;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** What the runner asked about their plan. Recognised by {@link PlanPhrases}; anything else goes to the coach. */
public sealed interface PlanAsk {

    /** "Make me a plan for a half marathon on 12 April, 4 days a week, long run on Sunday". */
    record Create(OptionalDouble distanceM, Optional<LocalDate> raceDate, OptionalInt daysPerWeek,
                  Optional<DayOfWeek> longRunDay) implements PlanAsk {
    }

    record ThisWeek() implements PlanAsk {
    }

    record Today() implements PlanAsk {
    }

    /** "show my plan", "plan chart". */
    record Overview() implements PlanAsk {
    }

    /** "calendar", ".ics". */
    record Calendar() implements PlanAsk {
    }

    record Pause() implements PlanAsk {
    }

    record Resume() implements PlanAsk {
    }

    /** "move Thursday's workout to Friday". */
    record Move(DayOfWeek from, DayOfWeek to) implements PlanAsk {
    }

    /** "I missed the last 3 days" (days empty when not said). */
    record Missed(OptionalInt days) implements PlanAsk {
    }

    record Ill() implements PlanAsk {
    }

    /** "I'm travelling next week". */
    record Travelling() implements PlanAsk {
    }

    /** "I can't run from 14 to 18 December", "no running Friday to Sunday": days without any session. */
    record Blackout(java.time.LocalDate from, java.time.LocalDate to) implements PlanAsk {
    }

    record SoreLegs() implements PlanAsk {
    }

    record Yes() implements PlanAsk {
    }

    record No() implements PlanAsk {
    }

    record Undo() implements PlanAsk {
    }

    record History() implements PlanAsk {
    }

    /** "delete my plan", "cancel my plan". */
    record Stop() implements PlanAsk {
    }
}
