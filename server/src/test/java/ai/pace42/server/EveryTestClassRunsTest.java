package ai.pace42.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test class whose name no Surefire pattern matches never runs, and nobody notices: the jqwik *Properties
 * classes were skipped that way. This fails the build instead. (The server module is built last, so it reads
 * every module's sources.)
 */
class EveryTestClassRunsTest {

    @Test
    void surefireRunsEveryTestClassInTheTree() {
        Path root = Path.of("").toAbsolutePath().getParent();

        assertThat(TestClassCoverage.notRun(root))
                .as("test classes that `mvn verify` never runs: rename them (…Test, …Properties) or exclude them "
                        + "on purpose in the module's surefire <excludes>")
                .isEmpty();
    }

    @Test
    void aPropertiesClassTheIncludesMissIsReported(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("pom.xml"), "<project><modules><module>engine</module></modules><build>"
                + "<pluginManagement><plugins><plugin><artifactId>maven-surefire-plugin</artifactId><configuration>"
                + "<includes><include>**/*Test.java</include></includes>"
                + "<excludes><exclude>**/*Measurement.java</exclude></excludes>"
                + "</configuration></plugin></plugins></pluginManagement></build></project>");
        Path tests = Files.createDirectories(root.resolve("engine/src/test/java/ai/pace42/x"));
        Files.writeString(root.resolve("engine/pom.xml"), "<project></project>");
        Files.writeString(tests.resolve("QuantilesProperties.java"),
                "class QuantilesProperties {\n    @Property\n    void sorted() {}\n}\n");
        Files.writeString(tests.resolve("QuantilesTest.java"), "class QuantilesTest {\n    @Test\n    void a() {}\n}\n");
        Files.writeString(tests.resolve("StoreContract.java"),
                "abstract class StoreContract {\n    @Test\n    void a() {}\n}\n");
        Files.writeString(tests.resolve("AckMeasurement.java"), "class AckMeasurement {\n    @Test\n    void a() {}\n}\n");
        Files.writeString(tests.resolve("Fixtures.java"), "final class Fixtures {\n}\n");

        assertThat(TestClassCoverage.notRun(root))
                .containsExactly("engine/src/test/java/ai/pace42/x/QuantilesProperties.java");
    }
}
