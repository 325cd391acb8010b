package ai.pace42.garmin.files;

import ai.pace42.coach.model.Activity;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.Result;
import io.jenetics.jpx.XMLProvider;
import org.junit.jupiter.api.Test;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hardened XML factory: what it refuses beyond DOCTYPEs, and that ordinary files still read. */
class SafeXmlTest {

    private final ActivityFileImporter importer = new ActivityFileImporter();

    @Test
    void jpxParsesWithTheHardenedFactories() {
        assertThat(XMLProvider.provider()).isInstanceOf(SafeJpxXml.class);
    }

    @Test
    void elementsNestedDeeperThanTheLimitAreRefused() {
        Result<Activity> deep = importer.importBytes("deep.gpx", HostileFiles.deeplyNestedGpx(10_000));
        assertThat(deep.isOk()).isFalse();
        assertThat(deep.problem().code()).isEqualTo(GarminProblemCode.FILE_UNREADABLE);

        assertThat(importer.importBytes("ok.gpx", HostileFiles.deeplyNestedGpx(20)).isOk()).isTrue();
    }

    @Test
    void predefinedEntitiesAndCharacterReferencesStillRead() {
        String gpx = TestFiles.gpx(30, true, "running").replace("<name>Lunch Run</name>",
                "<name>Run &amp; Walk &#x2764;</name>");
        Activity a = importer.importBytes("r.gpx", gpx.getBytes(StandardCharsets.UTF_8)).value();
        assertThat(a.name()).isEqualTo("Run & Walk \u2764");
    }

    @Test
    void aDoctypeAfterACommentIsStillFound() throws XMLStreamException {
        byte[] xml = "<?xml version=\"1.0\"?><!-- hi --><!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SafeXml.requireNoDoctype(xml)).isInstanceOf(SafeXml.DoctypeRefused.class);
        XMLStreamReader plain = SafeXml.open("<a>b</a>".getBytes(StandardCharsets.UTF_8));
        assertThat(plain.nextTag()).isEqualTo(XMLStreamReader.START_ELEMENT);
        assertThat(plain.getElementText()).isEqualTo("b");
    }

    @Test
    void aUtf16DocumentWithADoctypeIsRefusedToo() {
        byte[] utf16 = new String(HostileFiles.gpx("http://127.0.0.1:9", "/nonexistent")
                .get("internal-subset-only"), StandardCharsets.UTF_8).replace("UTF-8", "UTF-16")
                .getBytes(StandardCharsets.UTF_16);
        assertThatThrownBy(() -> SafeXml.requireNoDoctype(utf16)).isInstanceOf(SafeXml.DoctypeRefused.class);
    }

    @Test
    void jvmDefaultsKeepAValueGivenOnTheCommandLine() {
        String key = "jdk.xml.maxElementDepth";
        Properties before = (Properties) System.getProperties().clone();
        try {
            System.setProperty(key, "77");
            SafeXml.installJvmDefaults();
            assertThat(System.getProperty(key)).isEqualTo("77");
            System.clearProperty(key);
            SafeXml.installJvmDefaults();
            assertThat(System.getProperty(key)).isEqualTo("64");
            assertThat(System.getProperty("javax.xml.accessExternalDTD")).isEmpty();
        } finally {
            System.setProperties(before);
        }
    }
}
