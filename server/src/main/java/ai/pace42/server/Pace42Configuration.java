package ai.pace42.server;

import ai.pace42.server.secrets.SecretStoreConfig;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** {@code config/pace42.yml}; every value can be overridden by an environment variable (see RUNBOOK.md). */
public class Pace42Configuration extends Configuration {

    @JsonProperty
    @NotBlank
    private String dataDir = "./data";

    /** The base URL people reach this server at; used in links the bot sends. */
    @JsonProperty
    @NotBlank
    private String publicUrl = "http://localhost:8080";

    /** How long a one-time link stays valid. */
    @JsonProperty
    private io.dropwizard.util.Duration linkTtl = io.dropwizard.util.Duration.minutes(10);

    /** Comma-separated identities allowed to run admin commands, e.g. {@code telegram:123,slack:T1:U2}. */
    @JsonProperty
    private String admins = "";

    /**
     * Our reverse proxies as comma-separated CIDRs ({@code 10.0.0.0/8, fd00::/8}); only their
     * {@code X-Forwarded-For} is believed. Empty (the default) trusts no proxy.
     */
    @JsonProperty
    private String trustedProxies = "";

    @JsonProperty
    @Valid
    private DatabaseConfig database = new DatabaseConfig();

    @JsonProperty
    @Valid
    private ConversationConfig conversation = new ConversationConfig();

    @JsonProperty
    @Valid
    private SecretStoreConfig secrets = new SecretStoreConfig();

    @JsonProperty
    @Valid
    private SubscriptionsConfig subscriptions = new SubscriptionsConfig();

    @JsonProperty
    @Valid
    private TelegramConfig telegram = new TelegramConfig();

    @JsonProperty
    @Valid
    private DiscordConfig discord = new DiscordConfig();

    @JsonProperty
    @Valid
    private SlackConfig slack = new SlackConfig();

    @JsonProperty
    @Valid
    private LlmConfig llm = new LlmConfig();

    /** {@code GARMIN_*} settings (hosts, OAuth client, rate, freshness); blank means Garmin's defaults. */
    @JsonProperty
    private Map<String, String> garmin = new HashMap<>();

    @JsonProperty
    @Valid
    private ai.pace42.server.weather.WeatherConfig weather = new ai.pace42.server.weather.WeatherConfig();

    public Path dataDir() {
        return Path.of(dataDir);
    }

    public URI publicUrl() {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return URI.create(base);
    }

    public java.time.Duration linkTtl() {
        return linkTtl.toJavaDuration();
    }

    public String admins() {
        return admins == null ? "" : admins;
    }

    /** Parsed at start, so a typo stops the server instead of silently trusting nothing. */
    public ai.pace42.server.http.TrustedProxies trustedProxies() {
        return ai.pace42.server.http.TrustedProxies.parse(trustedProxies);
    }

    public DatabaseConfig database() {
        return database;
    }

    public LlmConfig llm() {
        return llm;
    }

    public SubscriptionsConfig subscriptions() {
        return subscriptions;
    }

    public ConversationConfig conversation() {
        return conversation;
    }

    public SecretStoreConfig secrets() {
        return secrets;
    }

    public Map<String, String> garmin() {
        return garmin == null ? Map.of() : garmin;
    }

    public ai.pace42.server.weather.WeatherConfig weather() {
        return weather;
    }

    public TelegramConfig telegram() {
        return telegram;
    }

    public DiscordConfig discord() {
        return discord;
    }

    public SlackConfig slack() {
        return slack;
    }
}
