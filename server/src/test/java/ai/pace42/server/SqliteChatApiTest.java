package ai.pace42.server;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class SqliteChatApiTest extends ChatApiContract {

    static final DropwizardAppExtension<Pace42Configuration> APP = TestServers.sqlite();

    @Override
    protected DropwizardAppExtension<Pace42Configuration> app() {
        return APP;
    }
}
