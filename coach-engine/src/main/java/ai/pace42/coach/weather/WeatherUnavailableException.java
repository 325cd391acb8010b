package ai.pace42.coach.weather;

/**
 * The weather service could not answer (time-out, HTTP error, Open-Meteo's error body). The message is safe to log:
 * it never carries coordinates or an account id.
 */
public class WeatherUnavailableException extends RuntimeException {

    public WeatherUnavailableException(String message) {
        super(message);
    }

    public WeatherUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
