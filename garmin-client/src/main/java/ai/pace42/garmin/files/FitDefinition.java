package ai.pace42.garmin.files;

import java.util.Arrays;

/**
 * A local message definition. Positions are kept by field number for the wanted message types; for the others
 * only the size and the timestamp, which compressed timestamps count from.
 */
final class FitDefinition {

    private static final int MAX_FIELDS = 256;

    final int global;
    final boolean bigEndian;
    final boolean wanted;
    final int[] offset;
    final byte[] bytes;
    final byte[] type;
    int size;
    int timestampOffset = -1;
    int timestampBytes;
    int timestampType;

    FitDefinition(int global, boolean bigEndian, boolean wanted) {
        this.global = global;
        this.bigEndian = bigEndian;
        this.wanted = wanted;
        this.offset = wanted ? new int[MAX_FIELDS] : null;
        this.bytes = wanted ? new byte[MAX_FIELDS] : null;
        this.type = wanted ? new byte[MAX_FIELDS] : null;
        if (wanted) {
            Arrays.fill(offset, -1);
        }
    }

    void field(int number, int fieldBytes, int baseType) {
        if (number == FitReader.TIMESTAMP_FIELD) {
            timestampOffset = size;
            timestampBytes = fieldBytes;
            timestampType = baseType;
        }
        if (wanted) {
            offset[number] = size;
            bytes[number] = (byte) fieldBytes;
            type[number] = (byte) baseType;
        }
        size += fieldBytes;
    }
}
