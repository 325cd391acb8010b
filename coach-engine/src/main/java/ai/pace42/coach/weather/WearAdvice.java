package ai.pace42.coach.weather;

import java.util.ArrayList;
import java.util.List;

/**
 * What to wear for an hour, from the feels-like temperature (the air temperature when that is missing) plus rain,
 * wind, sun and darkness. Runners warm up by roughly 10 °C, so the bands are cooler than for standing outside.
 */
public final class WearAdvice {

    private WearAdvice() {
    }

    public static List<String> items(HourlyWeather h) {
        double feels = Double.isNaN(h.apparentC()) ? h.temperatureC() : h.apparentC();
        List<String> out = new ArrayList<>();
        if (Double.isNaN(feels)) {
            out.add("layers you can take off: the forecast has no temperature for this hour");
        } else if (feels >= 21) {
            out.add("a singlet or light T-shirt and shorts; carry water");
        } else if (feels >= 14) {
            out.add("a T-shirt and shorts");
        } else if (feels >= 8) {
            out.add("a T-shirt or light long sleeve and shorts");
        } else if (feels >= 2) {
            out.add("a long-sleeve top, shorts or tights, light gloves");
        } else if (feels >= -5) {
            out.add("a long-sleeve base layer under a light jacket, tights, gloves and a hat");
        } else {
            out.add("a thermal base layer, a windproof jacket, thermal tights, warm gloves, a hat and a buff over your face");
        }
        if (h.precipitationProbPct() >= 50 || h.precipitationMm() >= 0.5) {
            out.add("a light rain jacket and a cap to keep rain out of your eyes");
        }
        double wind = Double.isNaN(h.gustKmh()) ? h.windKmh() : h.gustKmh();
        if (wind >= 30 && feels < 14) {
            out.add("a wind shell");
        }
        if (h.uvIndex() >= 3) {
            out.add("a cap, sunglasses and sunscreen (UV " + Math.round(h.uvIndex()) + ")");
        }
        if (h.day() == 0) {
            out.add("something reflective and a light: it is dark");
        }
        return out;
    }
}
