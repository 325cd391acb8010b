package ai.pace42.bot.channel;

import java.util.Objects;

/**
 * Who wrote a message: the platform's immutable ids, never a username (usernames can change hands).
 *
 * @param tenantId the workspace or guild when the platform has one (Slack team id), otherwise empty
 */
public record PlatformIdentity(Platform platform, String tenantId, String userId) {

    public PlatformIdentity {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(userId, "userId");
        if (userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank");
        }
        if (tenantId.contains(":") || userId.contains(":")) {
            throw new IllegalArgumentException("ids must not contain ':'");
        }
    }

    public static PlatformIdentity of(Platform platform, String userId) {
        return new PlatformIdentity(platform, "", userId);
    }

    /**
     * Parses the form used in configuration and admin commands: {@code platform:userId} or
     * {@code platform:tenantId:userId}, e.g. {@code telegram:123456} or {@code slack:T012:U345}.
     */
    public static PlatformIdentity parse(String text) {
        String[] parts = text.trim().split(":", -1);
        if (parts.length == 2) {
            return new PlatformIdentity(Platform.fromId(parts[0]), "", parts[1].trim());
        }
        if (parts.length == 3) {
            return new PlatformIdentity(Platform.fromId(parts[0]), parts[1].trim(), parts[2].trim());
        }
        throw new IllegalArgumentException("expected platform:userId or platform:tenantId:userId");
    }

    /** The inverse of {@link #parse(String)}. */
    @Override
    public String toString() {
        return tenantId.isEmpty()
                ? platform.id() + ":" + userId
                : platform.id() + ":" + tenantId + ":" + userId;
    }
}
