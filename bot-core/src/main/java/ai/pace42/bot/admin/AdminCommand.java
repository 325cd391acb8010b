package ai.pace42.bot.admin;

import ai.pace42.bot.account.Account;
import ai.pace42.bot.account.AccountService;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.conversation.Command;
import ai.pace42.bot.conversation.CommandContext;
import ai.pace42.bot.usage.UsageLog;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /admin stats} and {@code /admin user <platform:id>}. Every call is authorised here against the
 * allow-list, whichever platform menu showed it, and every call (allowed or not) is written to the audit log.
 */
public final class AdminCommand implements Command {

    private final AdminAllowList allowList;
    private final AuditLog audit;
    private final AdminStats stats;
    private final AccountService accounts;
    private final UsageLog usage;
    private final Map<String, java.util.function.Function<String, Reply>> extra = new java.util.LinkedHashMap<>();

    public AdminCommand(AdminAllowList allowList, AuditLog audit, AdminStats stats, AccountService accounts,
                        UsageLog usage) {
        this.allowList = allowList;
        this.audit = audit;
        this.stats = stats;
        this.accounts = accounts;
        this.usage = usage;
    }

    /**
     * A subcommand another capability adds (e.g. {@code premium}); it gets the same allow-list check and audit entry
     * as the built-in ones.
     */
    public AdminCommand withSubcommand(String name, java.util.function.Function<String, Reply> handler) {
        extra.put(name, handler);
        return this;
    }

    @Override
    public String name() {
        return "admin";
    }

    @Override
    public String usage() {
        return "/admin stats | /admin user <platform:id>" + (extra.isEmpty() ? "" : " | /admin " + String.join(" | /admin ", extra.keySet()));
    }

    @Override
    public String summary() {
        return "Operator commands";
    }

    @Override
    public boolean adminOnly() {
        return true;
    }

    @Override
    public Reply run(CommandContext context) {
        PlatformIdentity actor = context.inbound().from();
        String requestId = context.inbound().requestId();
        String[] words = context.args().split("\\s+", 2);
        String sub = words[0].isEmpty() ? "(none)" : words[0].toLowerCase(java.util.Locale.ROOT);
        String target = words.length > 1 ? words[1].strip() : null;

        if (!allowList.isAdmin(actor)) {
            audit.record(actor, "admin " + sub, target, AuditLog.Outcome.DENIED, requestId);
            return Reply.text("Admin commands are for pace42 operators only.").asEphemeral();
        }
        Reply reply = switch (sub) {
            case "stats" -> stats();
            case "user" -> user(target);
            default -> extra.containsKey(sub) ? extra.get(sub).apply(target) : Reply.text("Admin commands: " + usage());
        };
        audit.record(actor, "admin " + sub, target, AuditLog.Outcome.ALLOWED, requestId);
        return reply.asEphemeral();
    }

    private Reply stats() {
        AdminStats.Snapshot s = stats.snapshot();
        StringBuilder text = new StringBuilder("**pace42 stats**\n");
        text.append("- **Accounts:** ").append(s.accounts()).append('\n');
        for (Map.Entry<String, Long> e : s.identitiesPerPlatform().entrySet()) {
            text.append("- **").append(e.getKey()).append(" identities:** ").append(e.getValue()).append('\n');
        }
        text.append("- **Messages today (UTC):** ").append(s.messagesToday());
        return Reply.text(text.toString());
    }

    private Reply user(String target) {
        if (target == null) {
            return Reply.text("Usage: /admin user <platform:id>, e.g. /admin user telegram:123456");
        }
        PlatformIdentity who;
        try {
            who = PlatformIdentity.parse(target);
        } catch (IllegalArgumentException e) {
            return Reply.text("That is not an identity. Use platform:id, e.g. /admin user telegram:123456");
        }
        Optional<Account> account = accounts.find(who);
        if (account.isEmpty()) {
            return Reply.text("No account for " + who + ".");
        }
        Account a = account.get();
        return Reply.text("**Account " + a.id() + "**\n"
                + "- **Created:** " + a.createdAt() + '\n'
                + "- **Identities:** " + String.join(", ", accounts.identitiesOf(a.id())) + '\n'
                + "- **Units:** " + a.units().distanceUnit() + '\n'
                + "- **Time zone:** " + a.timeZone().map(Object::toString).orElse("not set") + '\n'
                + "- **Messages, last 7 days:** " + usage.messagesOfAccount(a.id(), 7));
    }
}
