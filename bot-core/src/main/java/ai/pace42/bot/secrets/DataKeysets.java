package ai.pace42.bot.secrets;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.util.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * The key handling of the local store, with Tink: the key-encryption key as an AEAD, the AES-256-GCM data keyset
 * sealed under it (as Tink's encrypted JSON, with a fixed associated data), and a rotation that adds a new
 * primary key and disables the old ones.
 */
final class DataKeysets {

    private static final byte[] KEYSET_AD = "pace42:secret-store:keyset:v1".getBytes(StandardCharsets.UTF_8);

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private DataKeysets() {
    }

    static KeysetHandle generate() throws GeneralSecurityException {
        return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM, RegistryConfiguration.get());
    }

    static KeysetHandle open(String sealedJson, Aead kek) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.parseEncryptedKeyset(sealedJson, kek, KEYSET_AD, RegistryConfiguration.get());
    }

    static String seal(KeysetHandle keyset, Aead kek) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(keyset, kek, KEYSET_AD, RegistryConfiguration.get());
    }

    static Aead primitive(KeysetHandle keyset) throws GeneralSecurityException {
        return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    /** {@code keyset} with a new primary key; every other key disabled, so nothing new is written under them. */
    static KeysetHandle rotated(KeysetHandle keyset) throws GeneralSecurityException {
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
        builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                .withRandomId().makePrimary());
        KeysetHandle.Builder disabling = KeysetHandle.newBuilder(builder.build());
        for (int i = 0; i < disabling.size(); i++) {
            if (!disabling.getAt(i).isPrimary()) {
                disabling.getAt(i).setStatus(KeyStatus.DISABLED);
            }
        }
        return disabling.build();
    }

    /** The key-encryption key's 32 bytes as an AES-256-GCM AEAD. */
    static Aead kek(KeyEncryptionKey key) {
        try {
            AesGcmParameters parameters = AesGcmParameters.builder()
                    .setKeySizeBytes(32).setIvSizeBytes(12).setTagSizeBytes(16)
                    .setVariant(AesGcmParameters.Variant.NO_PREFIX)
                    .build();
            AesGcmKey aesKey = AesGcmKey.builder()
                    .setParameters(parameters)
                    .setKeyBytes(SecretBytes.copyFrom(key.bytes(), InsecureSecretKeyAccess.get()))
                    .build();
            KeysetHandle handle = KeysetHandle.newBuilder()
                    .addEntry(KeysetHandle.importKey(aesKey).withFixedId(1).makePrimary())
                    .build();
            return primitive(handle);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot use the key-encryption key", e);
        }
    }
}
