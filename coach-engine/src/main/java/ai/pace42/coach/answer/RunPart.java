package ai.pace42.coach.answer;

import ai.pace42.coach.analysis.RunAnalysis;
import ai.pace42.coach.analysis.Thresholds;
import ai.pace42.coach.fitness.SpikeCheck;

/** What every part of a run's report reads: the run, its context, formatting, thresholds and spike check. */
abstract class RunPart {

    protected final RunAnalysis r;
    protected final CoachContext ctx;
    protected final Format f;
    protected final Thresholds th;
    protected final SpikeCheck spike;

    RunPart(RunFacts facts) {
        this.r = facts.run();
        this.ctx = facts.ctx();
        this.f = facts.ctx().format();
        this.th = facts.ctx().thresholds();
        this.spike = facts.spike();
    }
}
