package ai.pace42.garmin.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Lenient, null-safe reads from Garmin JSON. Every numeric field may be null, absent, a string ("150"), or junk;
 * these helpers turn all of that into an empty optional instead of an exception.
 */
public final class Json {

    private Json() {
    }

    /** The child at {@code path}, or a missing node; never null, never throws, also on non-objects. */
    public static JsonNode at(JsonNode node, String... path) {
        JsonNode cur = node == null ? MissingNode.getInstance() : node;
        for (String p : path) {
            if (!cur.isObject()) {
                return MissingNode.getInstance();
            }
            JsonNode next = cur.get(p);
            cur = next == null ? MissingNode.getInstance() : next;
        }
        return cur;
    }

    public static boolean present(JsonNode n) {
        return n != null && !n.isMissingNode() && !n.isNull();
    }

    /** A finite number from a JSON number or a numeric string. */
    public static OptionalDouble number(JsonNode n) {
        if (n == null) {
            return OptionalDouble.empty();
        }
        double v;
        if (n.isNumber()) {
            v = n.doubleValue();
        } else if (n.isTextual()) {
            String s = n.textValue().trim();
            if (s.isEmpty() || s.length() > 40) {
                return OptionalDouble.empty();
            }
            try {
                v = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return OptionalDouble.empty();
            }
        } else {
            return OptionalDouble.empty();
        }
        return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
    }

    public static OptionalDouble number(JsonNode node, String... path) {
        return number(at(node, path));
    }

    /** A strictly positive finite number: zero speeds, distances and durations mean "not measured" here. */
    public static OptionalDouble positive(JsonNode node, String... path) {
        OptionalDouble v = number(at(node, path));
        return v.isPresent() && v.getAsDouble() > 0 ? v : OptionalDouble.empty();
    }

    /** A whole number (ids are longer than int); accepts numeric strings; rejects fractions and junk. */
    public static OptionalLong whole(JsonNode n) {
        if (n == null) {
            return OptionalLong.empty();
        }
        if (n.isIntegralNumber() && n.canConvertToLong()) {
            return OptionalLong.of(n.longValue());
        }
        if (n.isTextual()) {
            String s = n.textValue().trim();
            if (!s.isEmpty() && s.length() < 20 && s.chars().allMatch(c -> c >= '0' && c <= '9' || c == '-')) {
                try {
                    return OptionalLong.of(Long.parseLong(s));
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
            return OptionalLong.empty();
        }
        if (n.isNumber()) {
            double d = n.doubleValue();
            if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 9e15) {
                return OptionalLong.of((long) d);
            }
        }
        return OptionalLong.empty();
    }

    public static OptionalLong whole(JsonNode node, String... path) {
        return whole(at(node, path));
    }

    /** A non-blank string (numbers are rendered as text, so ids work either way). */
    public static Optional<String> text(JsonNode n) {
        if (n == null || !(n.isTextual() || n.isNumber())) {
            return Optional.empty();
        }
        String s = n.asText().trim();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    public static Optional<String> text(JsonNode node, String... path) {
        return text(at(node, path));
    }

    public static boolean flag(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        return n.isBoolean() ? n.booleanValue() : n.isTextual() && "true".equalsIgnoreCase(n.textValue().trim());
    }
}
