package ai.pace42.bot.admin;

import ai.pace42.bot.account.Account;
import ai.pace42.bot.account.AccountService;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.conversation.Command;
import ai.pace42.bot.conversation.CommandContext;
import ai.pace42.bot.notice.LinkHealthMonitor;
import ai.pace42.bot.usage.UsageLog;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /admin stats}, {@code /admin user <platform:id>}, {@code /admin tokens} and {@code /admin broadcast}. Every call is authorised here against the
 * allow-list, whichever platform menu showed it, and every call (allowed or not) is written to the audit log.
 */
public final class AdminCommand implements Command {

    private final AdminAllowList allowList;
    private final AuditLog audit;
    private final AdminStats stats;
    private final AccountService accounts;
    private final UsageLog usage;
    private final LinkHealthMonitor linkHealth;
    private final Broadcasts broadcasts;
    private final Map<String, java.util.function.Function<String, Reply>> extra = new java.util.LinkedHashMap<>();

    public AdminCommand(AdminAllowList allowList, AuditLog audit, AdminStats stats, AccountService accounts,
                        UsageLog usage) {
        this(allowList, audit, stats, accounts, usage, null, null);
    }

    /**
     * @param linkHealth Garmin links by their last credential check, for {@code /admin tokens}
     * @param broadcasts the two-step {@code /admin broadcast}
     */
    public AdminCommand(AdminAllowList allowList, AuditLog audit, AdminStats stats, AccountService accounts,
                        UsageLog usage, LinkHealthMonitor linkHealth, Broadcasts broadcasts) {
        this.linkHealth = linkHealth;
        this.broadcasts = broadcasts;
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
        return "/admin stats | /admin user <platform:id> | /admin tokens | /admin broadcast <text>"
                + (extra.isEmpty() ? "" : " | /admin " + String.join(" | /admin ", extra.keySet()));
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
            // A broadcast's text is never written to the audit log, not even a refused one.
            audit.record(actor, "admin " + sub, sub.equals("broadcast") ? null : target, AuditLog.Outcome.DENIED,
                    requestId);
            return Reply.text("Admin commands are for pace42 operators only.").asEphemeral();
        }
        if (sub.equals("broadcast")) {
            return broadcast(actor, target, requestId).asEphemeral();
        }
        Reply reply = switch (sub) {
            case "stats" -> stats();
            case "user" -> user(target);
            case "tokens" -> tokens();
            default -> extra.containsKey(sub) ? extra.get(sub).apply(target) : Reply.text("Admin commands: " + usage());
        };
        audit.record(actor, "admin " + sub, target, AuditLog.Outcome.ALLOWED, requestId);
        return reply.asEphemeral();
    }

    /** Counts of Garmin links by the verdict of their last credential check; never a token or an account. */
    private Reply tokens() {
        if (linkHealth == null) {
            return Reply.text("Link health is not tracked on this server.");
        }
        Map<String, Long> counts = linkHealth.counts();
        StringBuilder text = new StringBuilder("**Garmin links by health**\n");
        counts.forEach((health, n) -> text.append("- **").append(health.replace('_', ' ')).append(":** ")
                .append(n).append('\n'));
        return Reply.text(text.toString().strip());
    }

    /**
     * Step one drafts (a dry run: the count of recipients and a code), step two ({@code confirm <code>}) sends.
     * The audit log gets the step, its counts and the text's length, never the text.
     */
    private Reply broadcast(PlatformIdentity actor, String args, String requestId) {
        if (broadcasts == null) {
            return Reply.text("Broadcasts are not available on this server.");
        }
        String rest = args == null ? "" : args;
        boolean confirming = rest.toLowerCase(java.util.Locale.ROOT).startsWith("confirm ")
                || rest.equalsIgnoreCase("confirm");
        Broadcasts.Step step = confirming ? broadcasts.confirm(actor, rest.substring("confirm".length()))
                : broadcasts.draft(actor, rest);
        String action = confirming ? "admin broadcast confirm" : "admin broadcast draft";
        if (step instanceof Broadcasts.Step.Drafted d) {
            audit.record(actor, action, d.recipients() + " recipients, " + rest.strip().length() + " chars",
                    AuditLog.Outcome.ALLOWED, requestId);
            return Reply.text("**Dry run:** this would go to " + d.recipients() + " conversation(s), one per account "
                    + "that wrote to pace42 directly. Nothing was sent. To send it, reply within "
                    + Broadcasts.TTL.toMinutes() + " minutes with: /admin broadcast confirm " + d.code());
        }
        if (step instanceof Broadcasts.Step.Sent s) {
            audit.record(actor, action, "sent " + s.sent() + " of " + s.recipients(), AuditLog.Outcome.ALLOWED,
                    requestId);
            return Reply.text("Broadcast sent to " + s.sent() + " of " + s.recipients() + " conversation(s)"
                    + (s.sent() < s.recipients() ? " (the rest are on platforms without push, e.g. the browser)."
                    : "."));
        }
        Broadcasts.Step.Refused r = (Broadcasts.Step.Refused) step;
        audit.record(actor, action, "refused", AuditLog.Outcome.DENIED, requestId);
        return Reply.text(r.reason());
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
