package ai.pace42.garmin.normalise;

import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.Result;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.StreamReadFeature;

import java.util.Locale;

/**
 * Turns a raw response body into JSON or a typed problem. Handles what broke the prototype: HTML (Cloudflare)
 * pages, plain-text errors ("Error retrieving activity: 429"), JSON delivered as a JSON string, and the
 * {@code {"raw_text": …}} wrapper (N13, N14).
 */
public final class PayloadReader {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();
    private static final int MAX_UNWRAP = 3;

    private PayloadReader() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static Result<JsonNode> read(String body) {
        if (body == null || body.isBlank()) {
            return Result.failed(GarminProblemCode.GARMIN_NO_DATA, "empty body");
        }
        String text = body.strip();
        for (int depth = 0; depth <= MAX_UNWRAP; depth++) {
            if (text.startsWith("<")) {
                return Result.failed(htmlProblem(text), "HTML instead of JSON");
            }
            JsonNode node;
            try {
                node = MAPPER.readTree(text);
            } catch (JsonProcessingException | RuntimeException e) {
                return Result.failed(plainTextProblem(text), "not JSON");
            }
            if (node == null || node.isMissingNode() || node.isNull()) {
                return Result.failed(GarminProblemCode.GARMIN_NO_DATA, "null body");
            }
            if (node.isTextual()) {
                text = node.textValue().strip();
                continue;
            }
            if (node.isObject() && node.size() == 1 && node.get("raw_text") != null) {
                JsonNode raw = node.get("raw_text");
                if (!raw.isTextual()) {
                    return Result.failed(GarminProblemCode.GARMIN_BAD_DATA, "raw_text not text");
                }
                text = raw.textValue().strip();
                continue;
            }
            return Result.ok(node);
        }
        return Result.failed(GarminProblemCode.GARMIN_BAD_DATA, "nested JSON strings");
    }

    /** Cloudflare's pages mean "blocked" or "slow down"; other HTML is an outage page. */
    static GarminProblemCode htmlProblem(String html) {
        String h = html.toLowerCase(Locale.ROOT);
        if (h.contains("error 1015") || h.contains("rate limit")) {
            return GarminProblemCode.GARMIN_RATE_LIMITED;
        }
        return GarminProblemCode.GARMIN_UNAVAILABLE;
    }

    static GarminProblemCode plainTextProblem(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.isBlank()) {
            return GarminProblemCode.GARMIN_NO_DATA;
        }
        if (t.contains("429") || t.contains("too many requests")) {
            return GarminProblemCode.GARMIN_RATE_LIMITED;
        }
        if (t.contains("not found") || t.contains("no activity")) {
            return GarminProblemCode.GARMIN_NOT_FOUND;
        }
        if (t.contains("no splits") || t.contains("no data")) {
            return GarminProblemCode.GARMIN_NO_DATA;
        }
        if (t.contains("unavailable") || t.contains("timed out") || t.contains("timeout")) {
            return GarminProblemCode.GARMIN_UNAVAILABLE;
        }
        return GarminProblemCode.GARMIN_BAD_DATA;
    }
}
