package ai.pace42.slack;

import java.util.Optional;

/** Which bot token speaks for a workspace: the configured one, or the OAuth installation's. */
final class SlackTokens {

    private final SlackSettings settings;
    private final SlackInstallations installations;

    SlackTokens(SlackSettings settings, SlackInstallations installations) {
        this.settings = settings;
        this.installations = installations;
    }

    Optional<String> of(String enterpriseId, String teamId) {
        if (!settings.oauth()) {
            return Optional.ofNullable(settings.botToken());
        }
        return installations.botToken(enterpriseId, teamId);
    }
}
