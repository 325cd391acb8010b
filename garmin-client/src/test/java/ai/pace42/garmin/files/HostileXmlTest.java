package ai.pace42.garmin.files;

import ai.pace42.coach.model.Activity;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * XML that tries to reach out (file and http entities, parameter entities, an external DTD) or to blow up
 * (billion laughs), and a harmless internal subset: every one is refused as FILE_UNREADABLE because it has a
 * DOCTYPE, the listener standing in for the attacker hears nothing, and the local file's content appears nowhere.
 */
class HostileXmlTest {

    @TempDir
    static Path dir;

    static Path secret;
    static String secretText;
    static OutboundListener listener;

    @BeforeAll
    static void plantSecret() throws IOException {
        secretText = "pace42-secret-" + UUID.randomUUID();
        secret = Files.writeString(dir.resolve("secret.key"), secretText);
        listener = new OutboundListener(secret.toString());
    }

    @AfterAll
    static void stopListener() {
        listener.close();
    }

    static Stream<Arguments> hostile() {
        Stream<Arguments> gpx = HostileFiles.gpx(listener.url(), secret.toString()).entrySet().stream()
                .map(e -> Arguments.of(e.getKey() + ".gpx", e.getValue()));
        Stream<Arguments> tcx = HostileFiles.tcx(listener.url(), secret.toString()).entrySet().stream()
                .map(e -> Arguments.of(e.getKey() + ".tcx", e.getValue()));
        return Stream.concat(gpx, tcx);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void refusedForItsDoctypeWithoutAnyOutboundRequestOrFileRead(String name, byte[] file) {
        Result<Activity> r = new ActivityFileImporter().importBytes(name, file);

        assertThat(listener.requests()).isEmpty();
        assertThat(r.isOk()).as(() -> name + " was parsed as " + r.value().name()).isFalse();
        assertThat(r.problem().code()).isEqualTo(GarminProblemCode.FILE_UNREADABLE);
        // Refused for the DOCTYPE itself, before any of its declarations could be used.
        assertThat(r.problem().detail()).contains("DOCTYPE refused").doesNotContain(secretText);
    }
}
