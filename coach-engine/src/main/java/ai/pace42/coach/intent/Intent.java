package ai.pace42.coach.intent;

import java.util.OptionalDouble;

/** What the runner asked for, with its slots already parsed. Recognition is deterministic (no LLM). */
public sealed interface Intent {

    /** "Analyze my last run". */
    record LastRun() implements Intent {
    }

    /** "yesterday's run", "my long run last Sunday", "my 10k on 3 May". */
    record SpecificRun(RunSelector selector) implements Intent {
    }

    /** "Compare my last 3 runs", "how were my recent runs". */
    record CompareRuns(int count) implements Intent {
    }

    /** "What should I run tomorrow?", "recommend my next run". */
    record NextRun(boolean tomorrow) implements Intent {
    }

    /** "How is my fitness trending?". */
    record FitnessTrend() implements Intent {
    }

    /** "Predict my half marathon"; distance empty when none was named. */
    record RacePrediction(OptionalDouble distanceM) implements Intent {
    }

    /** "What are my training paces?", "my HR zones". */
    record PacesAndZones() implements Intent {
    }

    /** "Weekly summary", "how much did I run last week". */
    record WeeklySummary(boolean lastWeek) implements Intent {
    }

    /** "What's my VO2max?". */
    record Vo2max() implements Intent {
    }

    /** "Can I get back to 50 km this week?". */
    record VolumeGoal(double weeklyDistanceM) implements Intent {
    }

    /** Pain, injury symptoms or cardiac red flags: answered only with the safe template. */
    record Medical(boolean cardiacRedFlag) implements Intent {
    }

    /** "help", "what can you do". */
    record Help() implements Intent {
    }

    /** Anything else: answered with what the coach can do, never an error. */
    record Unrecognized() implements Intent {
    }
}
