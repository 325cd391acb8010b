package ai.pace42.slack;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signature: {@code v0=} + hex HMAC-SHA256 over {@code v0:<timestamp>:<raw body>} with the
 * signing secret. Checked before anything else reads the request: the timestamp must be within five minutes
 * (either way, so a replay cannot be post-dated) and the comparison takes constant time.
 */
final class SlackSignature {

    static final Duration WINDOW = Duration.ofMinutes(5);
    static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
    static final String SIGNATURE_HEADER = "X-Slack-Signature";

    private final byte[] secret;
    private final Clock clock;

    SlackSignature(String signingSecret, Clock clock) {
        this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** Why a request was refused, or null when it is genuine. Never includes the secret or the signature. */
    String refusal(String timestamp, String signature, byte[] rawBody) {
        if (timestamp == null || signature == null) {
            return "missing signature headers";
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return "malformed timestamp";
        }
        long ageSeconds = Math.abs(clock.instant().getEpochSecond() - seconds);
        if (ageSeconds > WINDOW.toSeconds()) {
            return "timestamp outside the 5-minute window";
        }
        byte[] expected = sign(timestamp.trim(), rawBody).getBytes(StandardCharsets.US_ASCII);
        byte[] presented = signature.trim().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, presented) ? null : "signature does not match";
    }

    String sign(String timestamp, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            mac.update(rawBody);
            return "v0=" + HexFormat.of().formatHex(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
