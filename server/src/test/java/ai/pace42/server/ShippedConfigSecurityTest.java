package ai.pace42.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.server.http.AdminBinding;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import jakarta.validation.Validation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The security-relevant defaults of the config a user runs (config/pace42.yml), read as the server reads it. */
class ShippedConfigSecurityTest {

    private static Pace42Configuration shipped() throws Exception {
        return new YamlConfigurationFactory<>(Pace42Configuration.class,
                Validation.buildDefaultValidatorFactory().getValidator(), Jackson.newObjectMapper(), "dw")
                .build(new SubstitutingSourceProvider(new FileConfigurationSourceProvider(),
                        new EnvironmentVariableSubstitutor(false)), TestServers.CONFIG);
    }

    @Test
    void oneTimeLinksLastTenMinutesByDefault() throws Exception {
        assertThat(shipped().linkTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(new Pace42Configuration().linkTtl()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void theAdminPortStaysOnLoopbackAndThreadNamesCarryNoRawUri() throws Exception {
        Pace42Configuration config = shipped();
        assertThat(AdminBinding.warning(config.getServerFactory())).isEmpty();
        assertThat(((DefaultServerFactory) config.getServerFactory()).getEnableThreadNameFilter()).isFalse();
    }
}
