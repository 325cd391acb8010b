package ai.pace42.garmin.normalise;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The details time series as primitive rows plus the descriptor index (key → position). Built either from a
 * parsed tree or straight from the response body with Jackson's streaming parser, which skips building tens of
 * thousands of tree nodes for a long 1 Hz run. A row is {@code null} when Garmin sent no metrics array for it.
 */
public record DetailRows(Map<String, Integer> index, List<double[]> rows) {

    // Number parsing dominates a 1 Hz series; Jackson's fast double parser roughly halves it.
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

    public static DetailRows empty() {
        return new DetailRows(Map.of(), List.of());
    }

    public static DetailRows fromTree(JsonNode details) {
        Map<String, Integer> index = SamplesNormaliser.descriptorIndex(Json.at(details, "metricDescriptors"));
        JsonNode rows = Json.at(details, "activityDetailMetrics");
        if (!rows.isArray()) {
            return new DetailRows(index, List.of());
        }
        List<double[]> out = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            JsonNode m = Json.at(row, "metrics");
            if (!m.isArray()) {
                out.add(null);
                continue;
            }
            double[] v = new double[m.size()];
            for (int i = 0; i < v.length; i++) {
                var d = Json.number(m.get(i));
                v[i] = d.isPresent() ? d.getAsDouble() : Double.NaN;
            }
            out.add(v);
        }
        return new DetailRows(index, out);
    }

    /**
     * Streams a details body. Empty when the body is not a plain JSON object of the expected shape (HTML, text,
     * a JSON string…): the caller then takes the tolerant tree path, which turns those into typed problems.
     */
    public static Optional<DetailRows> stream(String body) {
        if (body == null || !body.stripLeading().startsWith("{")) {
            return Optional.empty();
        }
        try (JsonParser p = FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            Map<String, Integer> index = Map.of();
            List<double[]> rows = List.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("metricDescriptors")) {
                    index = SamplesNormaliser.descriptorIndex(PayloadReader.mapper().readTree(p));
                } else if (field.equals("activityDetailMetrics") && value == JsonToken.START_ARRAY) {
                    rows = readRows(p);
                } else {
                    p.skipChildren();
                }
            }
            return Optional.of(new DetailRows(index, rows));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<double[]> readRows(JsonParser p) throws IOException {
        List<double[]> rows = new ArrayList<>();
        double[] buf = new double[32];
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                rows.add(null);
                continue;
            }
            double[] row = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken t = p.nextToken();
                if (f.equals("metrics") && t == JsonToken.START_ARRAY) {
                    int n = 0;
                    JsonToken v;
                    while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (n == buf.length) {
                            buf = Arrays.copyOf(buf, n * 2);
                        }
                        buf[n++] = value(p, v);
                    }
                    row = Arrays.copyOf(buf, n);
                } else {
                    p.skipChildren();
                }
            }
            rows.add(row);
        }
        return rows;
    }

    /** Same leniency as {@link Json#number}: numbers and numeric strings; anything else (nested too) is NaN. */
    private static double value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                double d = p.getDoubleValue();
                return Double.isFinite(d) ? d : Double.NaN;
            }
            case VALUE_STRING -> {
                var d = Json.number(PayloadReader.mapper().getNodeFactory().textNode(p.getText()));
                return d.isPresent() ? d.getAsDouble() : Double.NaN;
            }
            case START_ARRAY, START_OBJECT -> {
                p.skipChildren();
                return Double.NaN;
            }
            default -> {
                return Double.NaN;
            }
        }
    }
}
