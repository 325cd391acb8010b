package ai.pace42.bot.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Jdbi;

/**
 * The provider-agnostic billing webhook. Signature like Stripe's: header {@code t=<unix s>,v1=<hex>[,v1=…]}, the
 * hex HMAC-SHA256 of {@code "<t>.<raw body>"}, any configured secret, any v1, compared in constant time, and a
 * timestamp at most the tolerance from now in either direction (stricter than Stripe, which lets future ones pass).
 * Body: {@code {"id","type","created","data":{"account_id","paid_until"}}} with type one of subscription.created,
 * .renewed, .past_due, .cancelled, .refunded. Each event id is handled once; an event older than the last one
 * applied to the account is recorded and skipped.
 */
public final class BillingWebhook {

    public enum Outcome { APPLIED, DUPLICATE, OUT_OF_ORDER, UNKNOWN_ACCOUNT, BAD_SIGNATURE, STALE, MALFORMED }

    /** What happened, with the stable error code clients see for a rejection. */
    public record Result(Outcome outcome, String code, String detail) {

        public boolean rejected() {
            return outcome == Outcome.BAD_SIGNATURE || outcome == Outcome.STALE || outcome == Outcome.MALFORMED;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;
    private final Subscriptions subscriptions;

    public BillingWebhook(Jdbi jdbi, Subscriptions subscriptions) {
        this.jdbi = jdbi;
        this.subscriptions = subscriptions;
    }

    public Result handle(String signatureHeader, byte[] rawBody) {
        SubscriptionSettings settings = subscriptions.settings();
        Instant now = subscriptions.clock().instant();
        Optional<Long> t = verify(signatureHeader, rawBody, settings.webhookSecrets());
        if (t.isEmpty()) {
            return new Result(Outcome.BAD_SIGNATURE, "SUBSCRIPTION_WEBHOOK_SIGNATURE", "signature does not match");
        }
        if (Duration.between(Instant.ofEpochSecond(t.get()), now).abs().compareTo(settings.webhookTolerance()) > 0) {
            return new Result(Outcome.STALE, "SUBSCRIPTION_WEBHOOK_STALE", "timestamp outside the tolerance");
        }
        JsonNode event;
        try {
            event = JSON.readTree(rawBody);
        } catch (java.io.IOException e) {
            return new Result(Outcome.MALFORMED, "SUBSCRIPTION_WEBHOOK_BODY", "body is not JSON");
        }
        String id = event.path("id").asText(""), type = event.path("type").asText("");
        String account = event.path("data").path("account_id").asText("");
        if (id.isEmpty() || type.isEmpty() || account.isEmpty()) {
            return new Result(Outcome.MALFORMED, "SUBSCRIPTION_WEBHOOK_BODY", "id, type and data.account_id are required");
        }
        boolean first = jdbi.withHandle(h -> h.createUpdate("INSERT INTO billing_events (event_id, type, received_at) VALUES (:id, :t, :now) "
                + "ON CONFLICT (event_id) DO NOTHING").bind("id", id).bind("t", type).bind("now", now.toEpochMilli()).execute()) == 1;
        if (!first) {
            return new Result(Outcome.DUPLICATE, "", "event already handled");
        }
        boolean exists = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM accounts WHERE id = :a").bind("a", account)
                .mapTo(Long.class).one()) > 0;
        if (!exists) {
            return new Result(Outcome.UNKNOWN_ACCOUNT, "", "no such account");
        }
        long created = event.path("created").asLong(t.get()) * 1000;
        if (subscriptions.lastEventAt(account).filter(last -> last > created).isPresent()) {
            return new Result(Outcome.OUT_OF_ORDER, "", "older than the last event applied");
        }
        Instant paidUntil = Instant.ofEpochSecond(event.path("data").path("paid_until").asLong(0));
        switch (type) {
            case "subscription.created", "subscription.renewed" ->
                    subscriptions.upsert(account, "premium", "active", paidUntil, "billing", created);
            case "subscription.past_due" -> {
                Instant graceEnd = now.plus(subscriptions.settings().pastDueGrace());
                Instant until = subscriptions.paidUntil(account).filter(p -> p.isBefore(graceEnd)).orElse(graceEnd);
                subscriptions.upsert(account, "premium", "past_due", until, "billing", created);
            }
            case "subscription.cancelled" -> {
                Instant until = subscriptions.paidUntil(account).orElse(now);
                subscriptions.upsert(account, "premium", "cancelled", until, "billing", created);
            }
            case "subscription.refunded" -> subscriptions.revoke(account, "refunded", "billing", created);
            default -> {
                return new Result(Outcome.MALFORMED, "SUBSCRIPTION_WEBHOOK_TYPE", "unknown event type");
            }
        }
        return new Result(Outcome.APPLIED, "", type);
    }

    /** The signed timestamp when any v1 matches any secret. */
    static Optional<Long> verify(String header, byte[] body, List<String> secrets) {
        if (header == null || secrets.isEmpty()) {
            return Optional.empty();
        }
        String t = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String k = part.substring(0, eq).strip(), v = part.substring(eq + 1).strip();
            if (k.equals("t")) {
                t = v;
            } else if (k.equals("v1")) {
                signatures.add(v);
            }
        }
        if (t == null || signatures.isEmpty()) {
            return Optional.empty();
        }
        long ts;
        try {
            ts = Long.parseLong(t);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        for (String secret : secrets) {
            byte[] expected = sign(secret, t, body).getBytes(StandardCharsets.US_ASCII);
            for (String s : signatures) {
                if (MessageDigest.isEqual(expected, s.getBytes(StandardCharsets.US_ASCII))) {
                    return Optional.of(ts);
                }
            }
        }
        return Optional.empty();
    }

    /** Hex HMAC-SHA256 of "t.body"; public so tests and the runbook's curl example sign the same way. */
    public static String sign(String secret, String t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
