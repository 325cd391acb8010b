package ai.pace42.bot.testing;

import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.conversation.Command;
import ai.pace42.bot.conversation.CommandContext;
import ai.pace42.bot.conversation.CommandRegistry;

/**
 * A registry shaped like the core's (same names, same privacy, one admin command) without a database, for
 * adapter mapping tests. Tests of what the platforms register use the real {@code BotCore} registry.
 */
public final class TestCommands {

    private TestCommands() {
    }

    public static CommandRegistry likeTheCore() {
        CommandRegistry registry = new CommandRegistry();
        for (String name : new String[] {"start", "help", "sample", "units"}) {
            registry.register(stub(name, false, false));
        }
        for (String name : new String[] {"status", "link", "unlink", "connect", "timezone", "delete", "logout"}) {
            registry.register(stub(name, true, false));
        }
        return registry.register(stub("admin", true, true));
    }

    /** A command that answers with its own name and arguments. */
    public static Command stub(String name, boolean privateOnly, boolean adminOnly) {
        return new Command() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String usage() {
                return "/" + name;
            }

            @Override
            public String summary() {
                return "The " + name + " command";
            }

            @Override
            public boolean adminOnly() {
                return adminOnly;
            }

            @Override
            public boolean privateOnly() {
                return privateOnly;
            }

            @Override
            public Reply run(CommandContext context) {
                return Reply.text("/" + name + " " + context.args());
            }
        };
    }
}
