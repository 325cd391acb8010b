package ai.pace42.coach.model;

import java.util.Optional;

/** Decides per account where its runs come from; empty when the account has no data source yet. */
@FunctionalInterface
public interface ActivitySourceResolver {

    Optional<ActivitySource> resolve(String accountId);
}
