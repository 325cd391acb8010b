package ai.pace42.garmin.files;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one way pace42 parses XML (GPX, TCX and anything later). Activity files never need a DTD, so a document
 * with a DOCTYPE is refused outright: the reader stops at the DOCTYPE event, before any entity is used, and the
 * factory underneath can neither load an external DTD or entity (its resolver refuses, no access scheme is
 * allowed) nor expand entities past small limits. Nothing here reads a file or opens a connection.
 */
public final class SafeXml {

    /** Generous for GPX/TCX (their deepest element is about ten levels down), small for a hostile file. */
    static final int MAX_ELEMENT_DEPTH = 64;

    /** The JDK's {@code jdk.xml.*} limits; also set JVM-wide by {@link #installJvmDefaults()}. */
    static final Map<String, String> LIMITS = Map.of(
            "jdk.xml.entityExpansionLimit", "1000",
            "jdk.xml.maxGeneralEntitySizeLimit", "65536",
            "jdk.xml.maxParameterEntitySizeLimit", "65536",
            "jdk.xml.totalEntitySizeLimit", "1000000",
            "jdk.xml.entityReplacementLimit", "100000",
            "jdk.xml.maxElementDepth", Integer.toString(MAX_ELEMENT_DEPTH),
            "jdk.xml.elementAttributeLimit", "200",
            "jdk.xml.maxXMLNameLimit", "1000");

    private SafeXml() {
    }

    /** The reason a refused document gives; importers report it as FILE_UNREADABLE. */
    public static final class DoctypeRefused extends XMLStreamException {
        DoctypeRefused() {
            super("DOCTYPE refused: activity files never need one");
        }
    }

    /** A new hardened StAX factory (factories are not thread-safe to configure, so each caller gets its own). */
    public static XMLInputFactory inputFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource refused");
        });
        LIMITS.forEach(f::setProperty);
        return f;
    }

    /** A hardened DOM factory for any DOM parse (jpx builds GPX extensions with one). */
    public static DocumentBuilderFactory documentBuilderFactory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's DOM parser lacks a security feature", e);
        }
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(true);
        return f;
    }

    /** A reader over {@code xml} that throws {@link DoctypeRefused} when it meets a DOCTYPE. */
    public static XMLStreamReader open(byte[] xml) throws XMLStreamException {
        return new NoDoctype(inputFactory().createXMLStreamReader(new ByteArrayInputStream(xml)));
    }

    /**
     * Reads only the prolog (up to the root element) and throws {@link DoctypeRefused} if it declares a DOCTYPE;
     * for parsers that take bytes rather than a reader (jpx).
     */
    public static void requireNoDoctype(byte[] xml) throws XMLStreamException {
        XMLStreamReader r = open(xml);
        try {
            while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
                // comments, processing instructions and white space before the root are fine
            }
        } finally {
            r.close();
        }
    }

    /**
     * Sets the {@code jdk.xml.*} limits and {@code javax.xml.accessExternal*} = "" as JVM defaults, so even an
     * XML parse that does not come through this class (a library's own) cannot fetch or expand much. Keeps any
     * value already given with {@code -D}.
     */
    public static void installJvmDefaults() {
        jvmDefaults().forEach(SafeXml::setIfAbsent);
    }

    /** The system properties {@link #installJvmDefaults()} sets (scripts/start.sh passes the same). */
    public static Map<String, String> jvmDefaults() {
        Map<String, String> all = new TreeMap<>(LIMITS);
        all.put("javax.xml.accessExternalDTD", "");
        all.put("javax.xml.accessExternalSchema", "");
        all.put("javax.xml.accessExternalStylesheet", "");
        return all;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static final class NoDoctype extends StreamReaderDelegate {
        NoDoctype(XMLStreamReader reader) {
            super(reader);
        }

        @Override
        public int next() throws XMLStreamException {
            int event = super.next();
            if (event == XMLStreamConstants.DTD) {
                throw new DoctypeRefused();
            }
            return event;
        }

        @Override
        public int nextTag() throws XMLStreamException {
            int event = next();
            while (event == XMLStreamConstants.SPACE || event == XMLStreamConstants.COMMENT
                    || event == XMLStreamConstants.PROCESSING_INSTRUCTION
                    || (event == XMLStreamConstants.CHARACTERS && isWhiteSpace())) {
                event = next();
            }
            if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
                throw new XMLStreamException("expected a start or end tag");
            }
            return event;
        }
    }
}
