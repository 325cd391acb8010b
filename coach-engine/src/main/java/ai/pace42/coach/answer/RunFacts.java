package ai.pace42.coach.answer;

import ai.pace42.coach.analysis.RunAnalysis;
import ai.pace42.coach.fitness.SpikeCheck;

/** One run and its question's context, with the spike check computed once for every part of its report. */
record RunFacts(RunAnalysis run, CoachContext ctx, SpikeCheck spike) {

    static RunFacts of(RunAnalysis run, CoachContext ctx) {
        return new RunFacts(run, ctx, ctx.history().spikeCheck(run));
    }
}
