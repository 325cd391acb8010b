package ai.pace42.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Response bodies shaped like OpenAI's Chat Completions (llm-weather-billing §1) and Ollama's /api/chat (§2). */
final class OpenAiStubs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiStubs() {
    }

    /** An assistant turn that calls one tool; {@code arguments} is the JSON string as the server sends it. */
    static String toolCall(String id, String name, String arguments) {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant").putNull("content");
        ObjectNode call = message.putArray("tool_calls").addObject().put("id", id).put("type", "function");
        call.putObject("function").put("name", name).put("arguments", arguments);
        return envelope(message, "tool_calls", 100, 20);
    }

    static String text(String content) {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant").put("content", content);
        return envelope(message, "stop", 100, 20);
    }

    private static String envelope(ObjectNode message, String finish, int prompt, int completion) {
        ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion")
                .put("created", 1767225600).put("model", "test-model");
        ArrayNode choices = root.putArray("choices");
        ObjectNode choice = choices.addObject().put("index", 0);
        choice.set("message", message);
        choice.putNull("logprobs");
        choice.put("finish_reason", finish);
        root.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
        return root.toString();
    }

    static String error(String message, String type, String code) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("error").put("message", message).put("type", type).putNull("param");
        if (code == null) {
            error.putNull("code");
        } else {
            error.put("code", code);
        }
        return root.toString();
    }

    /** Ollama /api/chat, non-streaming: a tool call has {@code arguments} as an object. */
    static String ollamaToolCall(String name, String argumentsObject) throws Exception {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant").put("content", "");
        ObjectNode call = message.putArray("tool_calls").addObject().put("id", "call_ab12cd34");
        call.putObject("function").put("index", 0).put("name", name).set("arguments", JSON.readTree(argumentsObject));
        return ollama(message);
    }

    static String ollamaText(String content) {
        return ollama(JSON.createObjectNode().put("role", "assistant").put("content", content));
    }

    private static String ollama(ObjectNode message) {
        ObjectNode root = JSON.createObjectNode().put("model", "test-model").put("created_at", "2026-12-02T08:00:00Z");
        root.set("message", message);
        return root.put("done_reason", "stop").put("done", true).put("prompt_eval_count", 80).put("eval_count", 15)
                .toString();
    }
}
