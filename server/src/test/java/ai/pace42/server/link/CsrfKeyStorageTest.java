package ai.pace42.server.link;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.secrets.LocalSecretStore;
import ai.pace42.bot.testing.TestDatabases;
import ai.pace42.bot.testing.TestSecretStores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The link page's CSRF key is a secret: sealed in the secret store, shared by instances, kept across rotation. */
class CsrfKeyStorageTest {

    private static final String LINK = "c0ffee-link-hash";

    @TempDir
    Path dir;

    @Test
    void theKeyIsSharedButNeverWrittenInClearToTheDatabaseFiles() throws Exception {
        Jdbi jdbi = TestDatabases.sqlite(dir);
        LocalSecretStore secrets = TestSecretStores.local(jdbi, dir);

        // Two instances starting at once agree on one key.
        CompletableFuture<String> a = CompletableFuture.supplyAsync(
                () -> CsrfTokens.shared(jdbi, secrets, Clock.systemUTC()).forLink(LINK));
        CompletableFuture<String> b = CompletableFuture.supplyAsync(
                () -> CsrfTokens.shared(jdbi, secrets, Clock.systemUTC()).forLink(LINK));
        assertThat(a.get()).isEqualTo(b.get());
        assertThat(secrets.names(CsrfTokens.OWNER)).as("the losing candidate is not left behind").hasSize(1);

        String keyBase64 = secrets.get(CsrfTokens.OWNER, secrets.names(CsrfTokens.OWNER).get(0)).orElseThrow();
        byte[] key = Base64.getDecoder().decode(keyBase64);
        assertThat(key).hasSize(32);
        byte[] onDisk = databaseFiles();
        assertThat(indexOf(onDisk, keyBase64.getBytes(StandardCharsets.US_ASCII))).as("base64 key in the files")
                .isEqualTo(-1);
        assertThat(indexOf(onDisk, key)).as("raw key in the files").isEqualTo(-1);
        assertThat(indexOf(onDisk, HexFormat.of().formatHex(key).getBytes(StandardCharsets.US_ASCII)))
                .as("hex key in the files").isEqualTo(-1);
    }

    @Test
    void aFormIssuedBeforeTheSecretStoreKeyRotatesIsAcceptedAfter() {
        Jdbi jdbi = TestDatabases.sqlite(dir);
        LocalSecretStore secrets = TestSecretStores.local(jdbi, dir);
        String issued = CsrfTokens.shared(jdbi, secrets, Clock.systemUTC()).forLink(LINK);

        assertThat(secrets.rotate()).isEqualTo(1);
        CsrfTokens afterRestart = CsrfTokens.shared(jdbi, secrets, Clock.systemUTC());

        assertThat(afterRestart.matches(LINK, issued)).isTrue();
        assertThat(afterRestart.matches("another-link", issued)).isFalse();
    }

    /** Every file of the SQLite database (main file, write-ahead log, shared memory) as one byte array. */
    private byte[] databaseFiles() throws IOException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().contains(".db")).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            all.write(Files.readAllBytes(f));
        }
        return all.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
