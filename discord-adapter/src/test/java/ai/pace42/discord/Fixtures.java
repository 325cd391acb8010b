package ai.pace42.discord;

import ai.pace42.bot.testing.TestCore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Interaction payloads shaped like Discord's (src/test/resources/interactions), and a test Ed25519 key pair that
 * signs them as Discord would.
 */
final class Fixtures {

    static final String ADMIN_ID = "999000111222333444";
    static final String LONG_ANSWER = TestCore.paragraphs(6_000);
    static final ai.pace42.coach.CoachService ECHO_COACH = TestCore.echoCoach(LONG_ANSWER);

    /** Files the core was asked to analyse, with their bytes. */
    static final java.util.List<byte[]> ANALYSED = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Analyses any file into a short text with a chart, as the real file analysis does. */
    static final ai.pace42.bot.conversation.FileAnalysis FILES = (account, fileName, content, askedAt) -> {
        ANALYSED.add(content);
        return java.util.Optional.of(new ai.pace42.coach.CoachAnswer("**" + fileName + "**: 8.0 km at 5:12 /km",
                java.util.List.of(new ai.pace42.coach.ChartImage(TestCore.PNG, "Pace chart"))));
    };

    /** The shared test core with Discord's admin, answering files with {@code files}. */
    static ai.pace42.bot.BotCore core(java.nio.file.Path dir, ai.pace42.coach.CoachService coach,
                                      ai.pace42.bot.conversation.FileAnalysis files) {
        return TestCore.start(dir, coach, "discord:" + ADMIN_ID, 4, files).core;
    }

    static ai.pace42.bot.BotCore core(java.nio.file.Path dir, ai.pace42.coach.CoachService coach) {
        return core(dir, coach, FILES);
    }

    static ai.pace42.bot.conversation.CommandRegistry registry() {
        return ai.pace42.bot.testing.TestCommands.likeTheCore();
    }

    /** The slash commands as the adapter derives them from a registry shaped like the core's. */
    static SlashCommands commands() {
        return new SlashCommands(registry());
    }

    /** The mapper as the adapter builds it; an attachment's content is its URL's bytes. */
    static InboundMapper mapper() {
        return new InboundMapper(commands(), url -> ai.pace42.bot.channel.Attachment.Content.of(url.getBytes()));
    }

    static final ObjectMapper JSON = new ObjectMapper();
    static final String APP_ID = "1100000000000000001";
    static final String USER_ID = "80351110224678912";
    static final String TOKEN = "aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDpTRUNSRVQtdG9rZW4tZm9yLXRlc3Rz";

    private Fixtures() {
    }

    static String raw(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/interactions/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String name) {
        try {
            return JSON.readTree(raw(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture as a parsed invocation, with its interaction id replaced so each test gets a fresh one. */
    static SlashInvocation invocation(String name, String interactionId) {
        return InteractionJson.toInvocation(
                ((com.fasterxml.jackson.databind.node.ObjectNode) json(name)).put("id", interactionId));
    }

    static IncomingMessage dm(String messageId, String text, List<IncomingMessage.FileRef> files) {
        return new IncomingMessage(messageId, "1200000000000000077", true, USER_ID, false, "Dana", text, files,
                Instant.parse("2026-11-26T06:00:00Z"));
    }

    /** A signing key pair standing in for the application's (Discord keeps the private half). */
    static final class Signer {
        final KeyPair keys;

        Signer() {
            try {
                keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The raw 32-byte public key in hex, as the Developer Portal shows it. */
        String publicKeyHex() {
            byte[] der = keys.getPublic().getEncoded();
            byte[] raw = new byte[32];
            System.arraycopy(der, der.length - 32, raw, 0, 32);
            return HexFormat.of().formatHex(raw);
        }

        String sign(String timestamp, String body) {
            try {
                Signature s = Signature.getInstance("Ed25519");
                s.initSign(keys.getPrivate());
                s.update((timestamp + body).getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(s.sign());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
