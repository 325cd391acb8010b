package ai.pace42.server.http;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Limits for every JSON document the server parses with Dropwizard's mapper: a whole document no larger than the
 * largest body any endpoint accepts, no string longer than that, and no nesting deeper than real payloads need
 * (Garmin's activity details are the deepest at about ten levels).
 */
public final class JsonLimits {

    public static final long MAX_DOCUMENT_BYTES = 16 * BodyLimits.MIB;
    public static final int MAX_STRING_CHARS = (int) (16 * BodyLimits.MIB);
    public static final int MAX_NESTING_DEPTH = 64;

    private JsonLimits() {
    }

    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxDocumentLength(MAX_DOCUMENT_BYTES)
                .maxStringLength(MAX_STRING_CHARS)
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .build());
        return mapper;
    }
}
