package ai.pace42.coach.weather;

import java.time.ZoneId;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A place a runner runs from: a geocoded town or the start of one of their runs.
 *
 * @param region the first administrative area (state, Land), possibly empty
 * @param zone   the place's IANA zone, which Open-Meteo uses for local times
 */
public record Place(String name, String region, String country, double latitude, double longitude, ZoneId zone) {

    public Place {
        name = name == null ? "" : name;
        region = region == null ? "" : region;
        country = country == null ? "" : country;
        Objects.requireNonNull(zone, "zone");
    }

    /** "Springfield, Illinois, United States"; the non-empty parts only. */
    public String label() {
        String s = Stream.of(name, region, country).filter(p -> !p.isBlank()).distinct()
                .collect(Collectors.joining(", "));
        return s.isEmpty() ? "your run's start" : s;
    }
}
