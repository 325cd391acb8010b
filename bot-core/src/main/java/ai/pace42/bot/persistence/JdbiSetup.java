package ai.pace42.bot.persistence;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** Configures a {@link Jdbi} the way every pace42 DAO expects. */
public final class JdbiSetup {

    private JdbiSetup() {
    }

    public static Jdbi configure(Jdbi jdbi) {
        return jdbi.installPlugin(new SqlObjectPlugin());
    }
}
