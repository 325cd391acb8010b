package ai.pace42.bot.data;

import ai.pace42.coach.sample.SampleAthlete;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One sample athlete per time zone, shared by every account exploring it: the data is the same for everyone,
 * and its runs start at local morning and evening times wherever the runner lives.
 */
final class SampleAthletes {

    private final Clock clock;
    private final Map<ZoneId, SampleAthlete> byZone = new ConcurrentHashMap<>();

    SampleAthletes(Clock clock) {
        this.clock = clock;
    }

    SampleAthlete in(ZoneId zone) {
        return byZone.computeIfAbsent(zone, z -> new SampleAthlete(clock, z));
    }
}
