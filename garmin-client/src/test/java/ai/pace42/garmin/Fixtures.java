package ai.pace42.garmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Payloads shaped like the real Garmin responses in the reference (garth cassettes, live inventory). */
public final class Fixtures {

    public static final ObjectMapper M = new ObjectMapper();
    public static final long OWNER = 82345671L;

    private Fixtures() {
    }

    public static JsonNode json(String s) {
        try {
            return M.readTree(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The detail view of the 2026-01-08 trail run (values in summaryDTO, "T" + fraction times). */
    public static String activityDetail(long id) {
        return """
            {"activityId":%d,"activityUUID":{"uuid":"44fa0000-0000-0000-0000-000000000000"},
             "activityName":"Morning Trail Run","userProfileId":%d,"isMultiSportParent":false,
             "activityTypeDTO":{"typeId":6,"typeKey":"trail_running","parentTypeId":1,"isHidden":false},
             "eventTypeDTO":{"typeId":9,"typeKey":"uncategorized","sortOrder":10},
             "timeZoneUnitDTO":{"unitId":150,"unitKey":"America/Costa_Rica","factor":0.0,"timeZone":"America/Costa_Rica"},
             "metadataDTO":{"lapCount":2,"hasPolyline":true,"manualActivity":false,"hasSplits":true},
             "summaryDTO":{"startTimeLocal":"2026-01-08T08:10:21.0","startTimeGMT":"2026-01-08T14:10:21.0",
               "distance":4261.19,"duration":2223.327,"movingDuration":2216.0,"elapsedDuration":2225.441,
               "elevationGain":151.0,"elevationLoss":147.0,"maxElevation":3145.4,"minElevation":2999.8,
               "averageSpeed":1.917,"averageMovingSpeed":1.9229,"maxSpeed":2.762,"averageHR":142.0,"maxHR":162.0,
               "minHR":122.0,"averageRunCadence":111.73,"maxRunCadence":184.0,"trainingEffect":2.7,
               "anaerobicTrainingEffect":0.0,"averageTemperature":18.997,"calories":390.0,"strideLength":82.48}}
            """.formatted(id, OWNER);
    }

    /** A flat list item (space-separated times, list field names). */
    public static String listItem(long id, String typeKey, int parentTypeId, String startGmt) {
        return """
            {"activityId":%d,"activityName":"Run %d","startTimeLocal":"%s","startTimeGMT":"%s",
             "activityType":{"typeId":%d,"typeKey":"%s","parentTypeId":%d,"isHidden":false},
             "eventType":{"typeId":9,"typeKey":"uncategorized"},"distance":10012.5,"duration":3021.4,
             "elapsedDuration":3100.2,"movingDuration":3000.0,"averageSpeed":3.31,"averageHR":151.0,"maxHR":171.0,
             "averageRunningCadenceInStepsPerMinute":172.4,"elevationGain":42.0,"elevationLoss":40.0,
             "beginTimestamp":1767881421000,"ownerId":%d,"ownerDisplayName":"runner-a","manualActivity":false}
            """.formatted(id, id, startGmt, startGmt, typeKey.equals("running") ? 1 : 1000 + parentTypeId, typeKey,
                parentTypeId, OWNER);
    }

    public static String splits(long id) {
        return """
            {"activityId":%d,"lapDTOs":[
              {"startTimeGMT":"2026-01-08T14:10:21.0","distance":3000.0,"duration":1500.0,"movingDuration":1490.0,
               "elapsedDuration":1502.0,"averageHR":140.0,"maxHR":155.0,"averageSpeed":2.0,"lapIndex":1,
               "intensityType":"ACTIVE"},
              {"startTimeGMT":"2026-01-08T14:35:23.0","distance":1261.19,"duration":723.327,
               "elapsedDuration":723.441,"averageHR":150.0,"lapIndex":2,"intensityType":"COOLDOWN"}],
             "eventDTOs":[]}
            """.formatted(id);
    }

    public static String weather() {
        return """
            {"issueDate":"2026-07-02T18:00:00.000+00:00","temp":58,"apparentTemp":58,"dewPoint":48,
             "relativeHumidity":69,"windDirection":10,"windDirectionCompassPoint":"n","windSpeed":8,"windGust":null,
             "latitude":49.55,"longitude":18.45,"weatherStationDTO":{"id":"11787","name":"","timezone":null},
             "weatherTypeDTO":{"weatherTypePk":null,"desc":"Cloudy","image":"x.png"}}
            """;
    }

    /**
     * A details payload with {@code n} 1 Hz rows. Descriptors are deliberately not in key order, and the indices
     * are shuffled against the conventional layout, like real devices.
     */
    public static String details(long id, int n) {
        ObjectNode root = M.createObjectNode();
        root.put("activityId", id);
        root.put("measurementCount", 8);
        root.put("metricsCount", n);
        root.put("totalMetricsCount", n);
        ArrayNode desc = root.putArray("metricDescriptors");
        String[] keys = {"directHeartRate", "directTimestamp", "sumDistance", "directSpeed", "directDoubleCadence",
            "directElevation", "directLatitude", "directLongitude"};
        int[] idx = {3, 0, 5, 1, 7, 2, 4, 6};
        for (int k = 0; k < keys.length; k++) {
            ObjectNode d = desc.addObject();
            d.put("metricsIndex", idx[k]);
            d.put("key", keys[k]);
            d.putObject("unit").put("id", 1).put("key", "x").put("factor", 100.0);
        }
        ArrayNode rows = root.putArray("activityDetailMetrics");
        long t0 = 1767881421000L;
        double dist = 0;
        for (int i = 0; i < n; i++) {
            double speed = 3.0 + 0.3 * Math.sin(i / 60.0);
            dist += speed;
            double[] row = new double[8];
            row[0] = t0 + i * 1000L;
            row[1] = speed;
            row[2] = 100 + 5 * Math.sin(i / 300.0);
            row[3] = 140 + 10 * Math.sin(i / 500.0);
            row[4] = 9.9 + i * 1e-5;
            row[5] = dist;
            row[6] = -84.0 + i * 1e-5;
            row[7] = 170 + (i % 3);
            ObjectNode r = rows.addObject();
            ArrayNode m = r.putArray("metrics");
            for (double v : row) {
                m.add(v);
            }
        }
        root.putNull("heartRateDTOs");
        root.put("detailsAvailable", true);
        return root.toString();
    }
}
