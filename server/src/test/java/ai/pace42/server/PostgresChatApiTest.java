package ai.pace42.server;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class PostgresChatApiTest extends ChatApiContract {

    static final DropwizardAppExtension<Pace42Configuration> APP = TestServers.postgres();

    @Override
    protected DropwizardAppExtension<Pace42Configuration> app() {
        return APP;
    }
}
