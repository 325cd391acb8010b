package ai.pace42.garmin.files;

import io.jenetics.jpx.XMLProvider;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLInputFactory;

/**
 * jpx's hook for its XML factories (found through {@code META-INF/services}): every GPX jpx reads goes through
 * {@link SafeXml}'s hardened factories instead of the JDK defaults, which would fetch an external DTD.
 */
public final class SafeJpxXml extends XMLProvider {

    @Override
    public XMLInputFactory xmlInputFactory() {
        return SafeXml.inputFactory();
    }

    @Override
    public DocumentBuilderFactory documentBuilderFactory() {
        return SafeXml.documentBuilderFactory();
    }
}
