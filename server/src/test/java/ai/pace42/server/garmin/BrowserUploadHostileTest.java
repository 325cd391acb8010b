package ai.pace42.server.garmin;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.server.ChatClient;
import ai.pace42.server.Pace42Configuration;
import ai.pace42.server.TestServers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser chat's upload is a way into the importer like any chat: hostile XML (entities, external DTDs) is
 * refused as FILE_UNREADABLE and makes no outbound request; the answer carries the request id like every reply.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class BrowserUploadHostileTest {

    static final DropwizardAppExtension<Pace42Configuration> APP = TestServers.sqlite();

    @Test
    void hostileXmlThroughTheBrowserUploadIsUnreadableAndFetchesNothing(@TempDir Path dir) {
        ChatClient browser = new ChatClient(APP.getLocalPort());
        try (HostileUploads hostile = new HostileUploads(dir)) {
            for (Map.Entry<String, byte[]> file : hostile.xml().entrySet()) {
                ChatClient.Result r = browser.upload(file.getKey(), file.getValue());

                assertThat(r.status()).as(file.getKey()).isEqualTo(200);
                assertThat(r.text()).as(file.getKey()).contains(GarminProblemCode.FILE_UNREADABLE.friendly())
                        .doesNotContain(hostile.secretText);
                assertThat(r.json().path("requestId").asText()).isEqualTo(r.header("X-Request-Id"));
            }
            assertThat(hostile.listener.requests()).isEmpty();
        }
    }

    @Test
    void aFileOverTheCoresLimitIsRefusedWithItsCodeBeforeItIsRead() {
        ChatClient browser = new ChatClient(APP.getLocalPort());

        ChatClient.Result r = browser.upload("year.gpx", new byte[20 * 1024 * 1024 + 1]);

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().path("error").path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void aFileTheCoachDoesNotReadGetsTheCoresAnswerNamingZip() {
        ChatClient.Result r = new ChatClient(APP.getLocalPort()).upload("photo.jpg", new byte[] {1, 2, 3});

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).contains("FIT, GPX or TCX, or a ZIP");
    }
}
