package ai.pace42.bot.admin;

import ai.pace42.bot.channel.PlatformIdentity;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The identities allowed to run admin commands. Fails closed: an empty or unreadable list allows nobody, and an
 * entry that does not parse is rejected at start-up rather than silently ignored.
 */
public final class AdminAllowList {

    private final Set<PlatformIdentity> admins;

    public AdminAllowList(Set<PlatformIdentity> admins) {
        this.admins = Set.copyOf(admins);
    }

    /** Parses a comma- or whitespace-separated list such as {@code "telegram:123, slack:T1:U2"}. */
    public static AdminAllowList parse(String spec) {
        Set<PlatformIdentity> ids = new LinkedHashSet<>();
        if (spec != null) {
            for (String entry : spec.split("[,\\s]+")) {
                if (!entry.isBlank()) {
                    try {
                        ids.add(PlatformIdentity.parse(entry));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("PACE42_ADMINS entry '" + entry + "' is not "
                                + "platform:userId or platform:tenantId:userId", e);
                    }
                }
            }
        }
        return new AdminAllowList(ids);
    }

    public boolean isAdmin(PlatformIdentity who) {
        return admins.contains(who);
    }

    public int size() {
        return admins.size();
    }
}
