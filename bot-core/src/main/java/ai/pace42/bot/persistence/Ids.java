package ai.pace42.bot.persistence;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Opaque random ids for rows. Random text ids work the same on SQLite and PostgreSQL, and cannot be enumerated
 * the way sequential numbers can.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private Ids() {
    }

    /** A new id such as {@code acc_5k2m…}: the prefix says what it names, 20 base32 characters (100 bits). */
    public static String newId(String prefix) {
        StringBuilder sb = new StringBuilder(prefix.length() + 21).append(prefix.toLowerCase(Locale.ROOT)).append('_');
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }
}
