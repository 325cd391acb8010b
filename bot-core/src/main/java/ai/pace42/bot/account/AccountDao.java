package ai.pace42.bot.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for accounts and their platform identities. */
@RegisterRowMapper(AccountDao.AccountMapper.class)
public interface AccountDao {

    @SqlUpdate("INSERT INTO accounts (id, created_at, display_name) VALUES (:id, :createdAt, :displayName)")
    void insertAccount(@Bind("id") String id, @Bind("createdAt") long createdAt,
                       @Bind("displayName") String displayName);

    /** Returns 0 when the identity already exists: the caller lost a race for the first message and retries. */
    @SqlUpdate("INSERT INTO platform_identities (platform, tenant_id, user_id, account_id, created_at) "
            + "VALUES (:platform, :tenantId, :userId, :accountId, :createdAt) "
            + "ON CONFLICT (platform, tenant_id, user_id) DO NOTHING")
    int insertIdentity(@Bind("platform") String platform, @Bind("tenantId") String tenantId,
                       @Bind("userId") String userId, @Bind("accountId") String accountId,
                       @Bind("createdAt") long createdAt);

    /** Removes an identity only while its account keeps another one, so no account is left unreachable. */
    @SqlUpdate("DELETE FROM platform_identities WHERE platform = :platform AND tenant_id = :tenantId "
            + "AND user_id = :userId AND (SELECT COUNT(*) FROM platform_identities o "
            + "WHERE o.account_id = platform_identities.account_id) > 1")
    int deleteIdentityIfNotLast(@Bind("platform") String platform, @Bind("tenantId") String tenantId,
                                @Bind("userId") String userId);

    @SqlUpdate("DELETE FROM accounts WHERE id = :id")
    void deleteAccount(@Bind("id") String id);

    /** Also run through the fluent API on the per-message path ({@link AccountService#find}). */
    String FIND_BY_IDENTITY = "SELECT a.* FROM accounts a JOIN platform_identities i ON i.account_id = a.id "
            + "WHERE i.platform = :platform AND i.tenant_id = :tenantId AND i.user_id = :userId";
    String FIND_BY_ID = "SELECT * FROM accounts WHERE id = :id";

    @SqlQuery(FIND_BY_IDENTITY)
    Optional<Account> findByIdentity(@Bind("platform") String platform, @Bind("tenantId") String tenantId,
                                     @Bind("userId") String userId);

    @SqlQuery(FIND_BY_ID)
    Optional<Account> findById(@Bind("id") String id);

    @SqlQuery("SELECT platform || ':' || CASE WHEN tenant_id = '' THEN '' ELSE tenant_id || ':' END || user_id "
            + "FROM platform_identities WHERE account_id = :accountId ORDER BY created_at, platform")
    List<String> identitiesOf(@Bind("accountId") String accountId);

    @SqlUpdate("UPDATE accounts SET units = :units WHERE id = :id")
    int updateUnits(@Bind("id") String id, @Bind("units") String units);

    @SqlUpdate("UPDATE accounts SET time_zone = :zone WHERE id = :id")
    int updateTimeZone(@Bind("id") String id, @Bind("zone") String zone);

    /** Runners only: reserved owners of system secrets ({@code sys_…}, e.g. Slack installations) are not counted. */
    @SqlQuery("SELECT COUNT(*) FROM accounts WHERE id NOT LIKE 'sys!_%' ESCAPE '!'")
    long countAccounts();

    @SqlQuery("SELECT platform FROM platform_identities")
    List<String> identityPlatforms();

    final class AccountMapper implements RowMapper<Account> {
        @Override
        public Account map(ResultSet rs, StatementContext ctx) throws SQLException {
            String zone = rs.getString("time_zone");
            return new Account(
                    rs.getString("id"),
                    Instant.ofEpochMilli(rs.getLong("created_at")),
                    Units.fromColumn(rs.getString("units")),
                    Optional.ofNullable(zone).map(ZoneId::of),
                    rs.getString("display_name"));
        }
    }
}
