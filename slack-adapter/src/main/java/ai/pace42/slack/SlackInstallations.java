package ai.pace42.slack;

import ai.pace42.bot.secrets.SecretStore;
import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.bolt.service.InstallationService;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt's installation store on our database: one row per workspace in {@code slack_installations} and the bot
 * token in the {@link SecretStore}, never in that table.
 *
 * <p>Key scheme: installation tokens belong to a workspace, not a runner, so they are stored under the reserved
 * owner account {@value #OWNER} (created on first install) with the name {@code slack-bot.<enterprise>.<team>}
 * ({@code _} for "no enterprise"), e.g. {@code slack-bot._.T0123}. Only the bot token is kept: pace42 asks for
 * no user scopes, so installers' user tokens are never requested or stored.
 */
public final class SlackInstallations implements InstallationService {

    static final String OWNER = "sys_slack_installations";
    private static final Logger LOG = LoggerFactory.getLogger(SlackInstallations.class);

    private final Jdbi jdbi;
    private final SecretStore secrets;
    private final Clock clock;

    public SlackInstallations(Jdbi jdbi, SecretStore secrets, Clock clock) {
        this.jdbi = jdbi;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** One workspace that installed the app. */
    public record Workspace(String enterpriseId, String teamId, String teamName, String botUserId) {
    }

    static String secretName(String enterpriseId, String teamId) {
        return "slack-bot." + keyOf(enterpriseId) + "." + teamId;
    }

    private static String keyOf(String enterpriseId) {
        return enterpriseId == null || enterpriseId.isBlank() ? "_" : enterpriseId;
    }

    @Override
    public boolean isHistoricalDataEnabled() {
        return false;
    }

    @Override
    public void setHistoricalDataEnabled(boolean enabled) {
        if (enabled) {
            throw new UnsupportedOperationException("pace42 keeps only the current installation of a workspace");
        }
    }

    @Override
    public void saveInstallerAndBot(Installer installer) {
        if (installer.getBotAccessToken() == null || installer.getTeamId() == null) {
            throw new IllegalArgumentException("an installation without a bot token or team is of no use");
        }
        ensureOwner();
        // The token first: a row without its token would look installed but could not answer.
        secrets.put(OWNER, secretName(installer.getEnterpriseId(), installer.getTeamId()), installer.getBotAccessToken());
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO slack_installations (enterprise_id, team_id, app_id, team_name, "
                        + "bot_id, bot_user_id, bot_scope, installer_id, installed_at) "
                        + "VALUES (:e, :t, :app, :name, :bot, :botUser, :scope, :installer, :at) "
                        + "ON CONFLICT (enterprise_id, team_id) DO UPDATE SET app_id = excluded.app_id, "
                        + "team_name = excluded.team_name, bot_id = excluded.bot_id, bot_user_id = excluded.bot_user_id, "
                        + "bot_scope = excluded.bot_scope, installer_id = excluded.installer_id, "
                        + "installed_at = excluded.installed_at")
                .bind("e", keyOf(installer.getEnterpriseId())).bind("t", installer.getTeamId())
                .bind("app", installer.getAppId()).bind("name", teamName(installer))
                .bind("bot", installer.getBotId()).bind("botUser", installer.getBotUserId())
                .bind("scope", installer.getBotScope()).bind("installer", installer.getInstallerUserId())
                .bind("at", clock.millis()).execute());
        LOG.info("slack: installed in workspace {} ({})", installer.getTeamId(), teamName(installer));
    }

    private static String teamName(Installer installer) {
        return installer instanceof DefaultInstaller d ? d.getTeamName() : null;
    }

    private void ensureOwner() {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO accounts (id, created_at, display_name) "
                        + "VALUES (:id, :at, 'Slack installations') ON CONFLICT (id) DO NOTHING")
                .bind("id", OWNER).bind("at", clock.millis()).execute());
    }

    @Override
    public void deleteBot(Bot bot) {
        remove(bot.getEnterpriseId(), bot.getTeamId());
    }

    @Override
    public void deleteInstaller(Installer installer) {
        // Installer rows are not kept apart from the bot: nothing else to remove.
    }

    @Override
    public void deleteAll(String enterpriseId, String teamId) {
        remove(enterpriseId, teamId);
    }

    /** Forgets a workspace: its row and its token. Removing one that is not there is not an error. */
    public void remove(String enterpriseId, String teamId) {
        secrets.delete(OWNER, secretName(enterpriseId, teamId));
        int rows = jdbi.withHandle(h -> h.createUpdate(
                        "DELETE FROM slack_installations WHERE enterprise_id = :e AND team_id = :t")
                .bind("e", keyOf(enterpriseId)).bind("t", teamId).execute());
        LOG.info("slack: workspace {} uninstalled ({} installation removed)", teamId, rows);
    }

    @Override
    public Bot findBot(String enterpriseId, String teamId) {
        if (teamId == null) {
            return null;
        }
        Optional<DefaultBot> row = jdbi.withHandle(h -> h.createQuery("SELECT enterprise_id, team_id, app_id, bot_id, "
                        + "bot_user_id, bot_scope, installed_at FROM slack_installations "
                        + "WHERE enterprise_id = :e AND team_id = :t")
                .bind("e", keyOf(enterpriseId)).bind("t", teamId)
                .map((rs, ctx) -> {
                    DefaultBot bot = new DefaultBot();
                    String e = rs.getString("enterprise_id");
                    bot.setEnterpriseId("_".equals(e) ? null : e);
                    bot.setTeamId(rs.getString("team_id"));
                    bot.setAppId(rs.getString("app_id"));
                    bot.setBotId(rs.getString("bot_id"));
                    bot.setBotUserId(rs.getString("bot_user_id"));
                    bot.setBotScope(rs.getString("bot_scope"));
                    bot.setInstalledAt(rs.getLong("installed_at"));
                    return bot;
                }).findOne());
        if (row.isEmpty()) {
            return null;
        }
        Optional<String> token = secrets.get(OWNER, secretName(enterpriseId, teamId));
        if (token.isEmpty()) {
            LOG.warn("slack: workspace {} is installed but its token is missing; reinstall the app there", teamId);
            return null;
        }
        row.get().setBotAccessToken(token.get());
        return row.get();
    }

    @Override
    public Installer findInstaller(String enterpriseId, String teamId, String userId) {
        return null; // no user tokens are kept (see the class comment)
    }

    /** The bot token of a workspace, for calls outside a Bolt request (notices, health checks). */
    public Optional<String> botToken(String enterpriseId, String teamId) {
        Bot bot = findBot(enterpriseId, teamId);
        return bot == null ? Optional.empty() : Optional.of(bot.getBotAccessToken());
    }

    /** Every installed workspace, oldest first. */
    public List<Workspace> workspaces() {
        return jdbi.withHandle(h -> h.createQuery("SELECT enterprise_id, team_id, team_name, bot_user_id "
                        + "FROM slack_installations ORDER BY installed_at, team_id")
                .map((rs, ctx) -> new Workspace("_".equals(rs.getString(1)) ? null : rs.getString(1),
                        rs.getString(2), rs.getString(3), rs.getString(4)))
                .list());
    }
}
