package ai.pace42.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever Telegram (or a forger with the secret) sends, mapping never throws and never loses the sender. */
class UpdateMapperProperties {

    private final UpdateMapper mapper = Fixtures.mapper();

    @Property(tries = 300)
    void anyMessageMapsWithoutThrowing(@ForAll("messages") String updateJson) {
        MappedUpdate mapped = mapper.map(Fixtures.parse(updateJson));

        assertThat(mapped).isNotNull();
        if (mapped instanceof MappedUpdate.ForCore forCore) {
            assertThat(forCore.inbound().from().userId()).isEqualTo("111111111");
            assertThat(forCore.inbound().text()).isEqualTo(forCore.inbound().text().strip());
            assertThat(forCore.inbound().direct()).isEqualTo(updateJson.contains("\"private\""));
        }
    }

    @Provide
    Arbitrary<String> messages() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(60),
                Arbitraries.strings().withChars("@/ pace42_bot😀\n<&>").ofMaxLength(40),
                Arbitraries.of("@pace42_bot how far?", "/units@pace42_bot mi", "/link", "/start link", "hi"));
        Arbitrary<String> chatType = Arbitraries.of("private", "group", "supergroup", "channel", "secret");
        Arbitrary<String> entity = Combinators.combine(
                Arbitraries.integers().between(-3, 70), Arbitraries.integers().between(-3, 70),
                Arbitraries.of("mention", "text_mention", "bot_command", "bold"))
                .as((offset, length, type) -> "{\"offset\":" + offset + ",\"length\":" + length + ",\"type\":\""
                        + type + "\"" + (type.equals("text_mention")
                        ? ",\"user\":{\"id\":7000000001,\"is_bot\":true,\"first_name\":\"pace42\"}" : "") + "}");
        Arbitrary<List<String>> entities = entity.list().ofMaxSize(4);
        return Combinators.combine(text, chatType, entities).as((t, type, es) ->
                "{\"update_id\": 1, \"message\": {\"message_id\": 5,"
                        + " \"from\": {\"id\": 111111111, \"is_bot\": false, \"first_name\": \"A\"},"
                        + " \"chat\": {\"id\": -100, \"type\": \"" + type + "\"}, \"date\": 1764120000,"
                        + " \"text\": " + Fixtures.quote(t) + ", \"entities\": [" + String.join(",", es) + "]}}");
    }
}
