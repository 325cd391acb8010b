package ai.pace42.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.garmin.files.SafeXml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The JVM-wide XML limits: set by the jar's main (so {@code java -jar pace42.jar analyze} has them) and start.sh. */
class XmlJvmDefaultsTest {

    @Test
    void theJarsMainSetsThemBeforeRunningACommand() throws Exception {
        Properties before = (Properties) System.getProperties().clone();
        try {
            SafeXml.jvmDefaults().keySet().forEach(System::clearProperty);

            Pace42Application.main(new String[] {"--help"});

            assertThat(System.getProperty("jdk.xml.entityExpansionLimit")).isEqualTo("1000");
            assertThat(System.getProperty("jdk.xml.maxElementDepth")).isEqualTo("64");
            assertThat(System.getProperty("javax.xml.accessExternalDTD")).isEmpty();
            assertThat(System.getProperty("javax.xml.accessExternalSchema")).isEmpty();
        } finally {
            System.setProperties(before);
        }
    }

    @Test
    void startShPassesTheSameLimits() throws IOException {
        String script = Files.readString(Path.of("..", "scripts", "start.sh"));
        Map<String, String> passed = new TreeMap<>();
        Matcher d = Pattern.compile("-D((?:jdk|javax)\\.xml\\.[A-Za-z.]+)=([0-9]*)").matcher(script);
        while (d.find()) {
            passed.put(d.group(1), d.group(2));
        }

        assertThat(passed).isEqualTo(SafeXml.jvmDefaults());
        assertThat(script).contains("java $XML_LIMITS ${JAVA_OPTS:-} -jar");
    }
}
