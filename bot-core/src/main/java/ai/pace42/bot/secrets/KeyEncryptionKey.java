package ai.pace42.bot.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The key-encryption key that seals the local store's keyset, like Vault's unseal key: 32 random bytes from an
 * environment variable (base64) or from a file readable only by its owner. It never enters the database or a log.
 */
public final class KeyEncryptionKey {

    private static final int LENGTH = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final byte[] bytes;

    private KeyEncryptionKey(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("the key-encryption key must be 32 bytes (base64 of 32 random bytes)");
        }
        this.bytes = bytes.clone();
    }

    public static KeyEncryptionKey fromBase64(String base64) {
        try {
            return new KeyEncryptionKey(Base64.getDecoder().decode(base64.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key-encryption key is not valid base64 of 32 bytes", e);
        }
    }

    /** Reads the key file; refuses a file that others can read. Empty when the file does not exist. */
    public static Optional<KeyEncryptionKey> readFile(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            if (Files.getFileAttributeView(file, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
                if (!OWNER_ONLY.containsAll(perms)) {
                    throw new IllegalStateException("refusing the key file " + file + ": its permissions are "
                            + PosixFilePermissions.toString(perms) + "; run chmod 600 on it");
                }
            }
            return Optional.of(fromBase64(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key file " + file, e);
        }
    }

    /** Creates a new random key in a new owner-only file; fails if the file already exists. */
    public static KeyEncryptionKey createFile(Path file) {
        byte[] random = new byte[LENGTH];
        new SecureRandom().nextBytes(random);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.writeString(file, Base64.getEncoder().encodeToString(random) + "\n");
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("the key file " + file + " already exists", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the key file " + file, e);
        }
        return new KeyEncryptionKey(random);
    }

    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public String toString() {
        return "KeyEncryptionKey[****]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyEncryptionKey k && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
