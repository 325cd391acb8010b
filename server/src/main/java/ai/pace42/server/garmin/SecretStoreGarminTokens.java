package ai.pace42.server.garmin;

import ai.pace42.bot.commands.UnlinkCommand;
import ai.pace42.bot.secrets.SecretStore;
import ai.pace42.garmin.auth.GarminLink;
import ai.pace42.garmin.auth.GarminTokenStore;
import java.util.Optional;

/**
 * Garmin tokens kept in pace42's secret store (Tink-encrypted locally, or Vault), under the account they belong
 * to. Rotated refresh tokens are saved through here at once, so they survive a restart.
 */
final class SecretStoreGarminTokens implements GarminTokenStore {

    private final SecretStore secrets;

    SecretStoreGarminTokens(SecretStore secrets) {
        this.secrets = secrets;
    }

    @Override
    public Optional<GarminLink> load(String accountId) {
        return secrets.get(accountId, UnlinkCommand.GARMIN_SECRET).map(GarminLinkCodec::decode);
    }

    @Override
    public void save(String accountId, GarminLink link) {
        secrets.put(accountId, UnlinkCommand.GARMIN_SECRET, GarminLinkCodec.encode(link));
    }

    @Override
    public void delete(String accountId) {
        secrets.delete(accountId, UnlinkCommand.GARMIN_SECRET);
    }
}
