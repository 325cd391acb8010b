package ai.pace42.bot.conversation;

import ai.pace42.bot.channel.Reply;

/** A slash command. Commands describe themselves so /help and platform command menus stay in sync. */
public interface Command {

    /** The name without the slash, lower case, e.g. {@code units}. */
    String name();

    /** How to call it, e.g. {@code /units km|mi}. */
    String usage();

    /** One line saying what it does. */
    String summary();

    /** Admin commands are hidden from /help; they authorise every call themselves. */
    default boolean adminOnly() {
        return false;
    }

    /**
     * Shows or changes the sender's own data (links, status, account): every platform answers it only in a private
     * chat (or an answer only the sender sees) and points group members there. Adapters read this instead of keeping
     * their own lists.
     */
    default boolean privateOnly() {
        return adminOnly();
    }

    Reply run(CommandContext context);
}
