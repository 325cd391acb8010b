package ai.pace42.bot.data;

import ai.pace42.coach.model.ActivitySource;
import ai.pace42.coach.model.AthleteProfile;
import ai.pace42.coach.model.ForwardingActivitySource;
import java.util.function.UnaryOperator;

/** A runner's own source whose profile has the runner's {@code /profile} values laid over it. */
final class WithRunnerProfile extends ForwardingActivitySource {

    private final UnaryOperator<AthleteProfile> overlay;

    WithRunnerProfile(ActivitySource source, UnaryOperator<AthleteProfile> overlay) {
        super(source);
        this.overlay = overlay;
    }

    @Override
    public AthleteProfile profile() {
        return overlay.apply(source().profile());
    }
}
