package ai.pace42.garmin.normalise;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.Lap;
import ai.pace42.garmin.Result;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;

import static ai.pace42.garmin.Fixtures.OWNER;
import static ai.pace42.garmin.Fixtures.activityDetail;
import static ai.pace42.garmin.Fixtures.details;
import static ai.pace42.garmin.Fixtures.json;
import static ai.pace42.garmin.Fixtures.listItem;
import static ai.pace42.garmin.Fixtures.splits;
import static ai.pace42.garmin.Fixtures.weather;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutates realistic payloads (nulls, strings for numbers, junk, JSON strings, wrong container types, removed
 * fields, reordered arrays) and checks the contract: never an exception, always an activity or a typed problem,
 * and every activity it returns is internally consistent.
 */
class NormaliserPropertyTest {

    private static final long ID = 23457031515L;
    private static final JsonNode DETAIL = json(activityDetail(ID));
    private static final JsonNode LIST_ITEM = json(listItem(ID, "running", 17, "2026-01-08 14:10:21"));
    private static final JsonNode DETAILS = json(details(ID, 20));
    private static final JsonNode SPLITS = json(splits(ID));
    private static final JsonNode WEATHER = json(weather());
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Property(tries = 10_000)
    void mutated_payloads_never_escape_as_exceptions(@ForAll long seed,
                                                    @ForAll @IntRange(min = 1, max = 12) int mutations) {
        Random r = new Random(seed);
        JsonNode activity = mutate(r.nextBoolean() ? DETAIL : LIST_ITEM, r, mutations);
        JsonNode det = mutate(DETAILS, r, mutations);
        JsonNode spl = mutate(SPLITS, r, Math.max(1, mutations / 2));
        JsonNode wea = mutate(WEATHER, r, 1);
        GarminPayloads p = new GarminPayloads(maybeDrop(activity, r), maybeDrop(det, r), maybeDrop(spl, r),
                maybeDrop(wea, r));

        Result<Activity> result = ActivityNormaliser.normalise(p, OptionalLong.of(OWNER));

        assertThat(result).isNotNull();
        if (result instanceof Result.Failed<Activity> f) {
            assertThat(f.problem().code()).isNotNull();
            assertThat(f.problem().friendly()).isNotBlank();
            return;
        }
        assertConsistent(result.value());
        ActivityNormaliser.header(activity, OptionalLong.of(OWNER)); // must not throw either
    }

    @Property(tries = 3_000)
    void streamed_details_give_exactly_the_samples_of_the_tree_path(@ForAll long seed,
                                                                   @ForAll @IntRange(min = 0, max = 8) int mutations) {
        Random r = new Random(seed);
        String body = (mutations == 0 ? DETAILS : mutate(DETAILS, r, mutations)).toString();
        var streamed = DetailRows.stream(body);
        if (streamed.isEmpty()) {
            return; // not a plain object: the client falls back to the tree path
        }
        Result<JsonNode> tree = PayloadReader.read(body);
        assertThat(tree.isOk()).isTrue();
        var a = SamplesNormaliser.normalise(streamed.get());
        var b = SamplesNormaliser.normalise(tree.value());
        assertThat(a.elapsedS()).isEqualTo(b.elapsedS());
        assertThat(a.distanceM()).isEqualTo(b.distanceM());
        assertThat(a.speedMps()).isEqualTo(b.speedMps());
        assertThat(a.heartRate()).isEqualTo(b.heartRate());
        assertThat(a.cadenceSpm()).isEqualTo(b.cadenceSpm());
        assertThat(a.altitudeM()).isEqualTo(b.altitudeM());
        assertThat(a.latitude()).isEqualTo(b.latitude());
        assertThat(a.longitude()).isEqualTo(b.longitude());
    }

    @Property(tries = 2_000)
    void arbitrary_bodies_are_read_or_refused(@ForAll String body) {
        Result<JsonNode> r = PayloadReader.read(body);
        assertThat(r.isOk() || r.problem().code() != null).isTrue();
    }

    private static void assertConsistent(Activity a) {
        assertThat(a.id()).isNotBlank();
        a.distanceM().ifPresent(d -> assertThat(d).isPositive().isFinite());
        a.movingS().ifPresent(d -> assertThat(d).isPositive().isFinite());
        var s = a.samples();
        double[] t = s.elapsedS();
        for (int i = 1; i < t.length; i++) {
            assertThat(t[i]).isGreaterThanOrEqualTo(t[i - 1]);
        }
        for (double hr : s.heartRate()) {
            assertThat(Double.isNaN(hr) || hr > 0 && hr <= 260).isTrue();
        }
        for (double lat : s.latitude()) {
            assertThat(Double.isNaN(lat) || Math.abs(lat) <= 90).isTrue();
        }
        for (Lap l : a.laps()) {
            assertThat(l.durationS()).isPositive().isFinite();
            assertThat(l.startS()).isGreaterThanOrEqualTo(0);
        }
        a.summary().averageHeartRate().ifPresent(hr -> assertThat(hr).isBetween(20.0, 260.0));
    }

    private static JsonNode maybeDrop(JsonNode n, Random r) {
        return r.nextInt(10) == 0 ? null : n;
    }

    /** Applies {@code count} random mutations to a deep copy of {@code original}. */
    static JsonNode mutate(JsonNode original, Random r, int count) {
        JsonNode root = original.deepCopy();
        for (int i = 0; i < count; i++) {
            List<Slot> slots = new ArrayList<>();
            collect(root, slots, 0);
            if (slots.isEmpty()) {
                break;
            }
            Slot s = slots.get(r.nextInt(slots.size()));
            JsonNode current = s.get();
            s.set(replacement(current, r));
        }
        // Occasionally the whole body arrives as a JSON string or the wrong container.
        return switch (r.nextInt(40)) {
            case 0 -> F.textNode(root.toString());
            case 1 -> F.arrayNode().add(root);
            case 2 -> F.textNode("Error retrieving activity: 500");
            default -> root;
        };
    }

    private static JsonNode replacement(JsonNode current, Random r) {
        return switch (r.nextInt(16)) {
            case 0 -> F.nullNode();
            case 1 -> F.textNode(current.asText());
            case 2 -> F.textNode("abc");
            case 3 -> F.numberNode(-current.asDouble(1));
            case 4 -> F.numberNode(1e300);
            case 5 -> F.arrayNode();
            case 6 -> F.objectNode();
            case 7 -> F.textNode(current.toString());
            case 8 -> F.numberNode(0);
            case 9 -> F.textNode("NaN");
            case 10 -> F.booleanNode(true);
            case 11 -> F.numberNode(r.nextLong());
            case 12 -> F.textNode("1970-01-01T00:00:00.000");
            case 13 -> F.numberNode(r.nextDouble() * 400);
            case 14 -> current.isArray() ? shuffled((ArrayNode) current, r) : F.missingNode();
            default -> F.missingNode(); // removal
        };
    }

    private static JsonNode shuffled(ArrayNode a, Random r) {
        List<JsonNode> items = new ArrayList<>();
        a.forEach(items::add);
        java.util.Collections.shuffle(items, r);
        ArrayNode out = F.arrayNode();
        items.forEach(out::add);
        return out;
    }

    private static void collect(JsonNode node, List<Slot> out, int depth) {
        if (depth > 6) {
            return;
        }
        if (node instanceof ObjectNode o) {
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                out.add(new Slot(o, k, -1));
                collect(o.get(k), out, depth + 1);
            }
        } else if (node instanceof ArrayNode a) {
            // Sample a few elements of big arrays so nested rows are mutated without walking every row.
            int step = Math.max(1, a.size() / 8);
            for (int i = 0; i < a.size(); i += step) {
                out.add(new Slot(a, null, i));
                collect(a.get(i), out, depth + 1);
            }
        }
    }

    private record Slot(JsonNode parent, String key, int index) {
        JsonNode get() {
            return key != null ? parent.get(key) : parent.get(index);
        }

        void set(JsonNode v) {
            if (parent instanceof ObjectNode o) {
                if (v.isMissingNode()) {
                    o.remove(key);
                } else {
                    o.set(key, v);
                }
            } else if (parent instanceof ArrayNode a) {
                a.set(index, v.isMissingNode() ? F.nullNode() : v);
            }
        }
    }
}
