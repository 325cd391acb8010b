package ai.pace42.bot.admin;

import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The append-only audit log of privileged actions. */
public interface AuditDao {

    @SqlUpdate("INSERT INTO audit_log (id, at, actor, action, target, outcome, request_id) "
            + "VALUES (:id, :at, :actor, :action, :target, :outcome, :requestId)")
    void insert(@Bind("id") String id, @Bind("at") long at, @Bind("actor") String actor,
                @Bind("action") String action, @Bind("target") String target, @Bind("outcome") String outcome,
                @Bind("requestId") String requestId);

    @SqlQuery("SELECT actor || ' ' || action || ' ' || COALESCE(target, '-') || ' ' || outcome "
            + "FROM audit_log ORDER BY at DESC, id LIMIT :limit")
    List<String> recent(@Bind("limit") int limit);
}
