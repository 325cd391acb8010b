package ai.pace42.bot.data;

import java.util.Locale;

/** Where an account's runs come from; stored in {@code accounts.data_source}. */
public enum DataSourceKind {
    NONE,
    SAMPLE,
    GARMIN;

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Unknown values (e.g. written by a newer version) read as NONE rather than failing the conversation. */
    public static DataSourceKind fromColumn(String column) {
        for (DataSourceKind k : values()) {
            if (k.column().equals(column)) {
                return k;
            }
        }
        return NONE;
    }
}
