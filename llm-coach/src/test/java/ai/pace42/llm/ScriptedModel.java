package ai.pace42.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * A model that follows a script per question: which tool it calls, with which arguments, and how it words the
 * answer (repeating a number of the tool result, inventing one, calling an unknown tool first, sending broken
 * arguments first, or calling tools forever). Token counts are estimated as characters ÷ 4 of everything sent
 * (messages and tool schemas) and produced, like a tokenizer for English would roughly count them.
 */
final class ScriptedModel implements ChatModel {

    enum Behaviour { GROUNDED, NO_TOOL, INVENTED_THEN_FIXED, INVENTED, UNKNOWN_TOOL_FIRST, MALFORMED_FIRST, LOOPS }

    record Script(String tool, String arguments, Behaviour behaviour) {
    }

    static final String REPROMPT_START = "Your reply states numbers";
    static final String INVENTED = "Your pace was 2:58 /km over 88.8 km.";
    private static final Pattern PACE = Pattern.compile("\\d{1,2}:\\d{2} /km");
    private static final Pattern DISTANCE = Pattern.compile("\\d+\\.\\d km");
    private static final Pattern BPM = Pattern.compile("\\d{2,3} bpm");
    private static final int SCHEMA_CHARS = CoachTools.definitions().stream()
            .mapToInt(t -> t.getToolDefinition().inputSchema().length() + t.getToolDefinition().description().length()
                    + t.getToolDefinition().name().length()).sum();

    private final Map<String, Script> scripts;
    final AtomicLong nanosInside = new AtomicLong();
    final AtomicInteger calls = new AtomicInteger();

    ScriptedModel(Map<String, Script> scripts) {
        this.scripts = scripts;
    }

    @Override
    public ChatResponse call(Prompt prompt) {
        long start = System.nanoTime();
        try {
            calls.incrementAndGet();
            return respond(prompt.getInstructions());
        } finally {
            nanosInside.addAndGet(System.nanoTime() - start);
        }
    }

    private ChatResponse respond(List<Message> messages) {
        String question = null;
        int toolResults = 0;
        String lastTool = "";
        boolean reprompted = false;
        for (Message m : messages) {
            if (m instanceof UserMessage u) {
                if (u.getText().startsWith(REPROMPT_START)) {
                    reprompted = true;
                } else {
                    question = u.getText();
                    toolResults = 0;
                    reprompted = false;
                }
            } else if (m instanceof ToolResponseMessage t) {
                toolResults++;
                lastTool = t.getResponses().get(t.getResponses().size() - 1).responseData();
            }
        }
        Script s = scripts.get(question);
        if (s == null) {
            throw new IllegalStateException("no script for: " + question);
        }
        int promptChars = SCHEMA_CHARS + messages.stream().mapToInt(m -> m.getText() == null ? 0 : m.getText().length()).sum()
                + messages.stream().filter(m -> m instanceof ToolResponseMessage)
                .mapToInt(m -> ((ToolResponseMessage) m).getResponses().stream().mapToInt(r -> r.responseData().length()).sum()).sum();
        return switch (s.behaviour()) {
            case NO_TOOL -> text("I coach running: ask me about your runs, your fitness or what to run next.", promptChars);
            case GROUNDED -> toolResults == 0 ? call(s.tool(), s.arguments(), promptChars) : text(grounded(lastTool), promptChars);
            case INVENTED_THEN_FIXED -> toolResults == 0 ? call(s.tool(), s.arguments(), promptChars)
                    : text(reprompted ? grounded(lastTool) : INVENTED, promptChars);
            case INVENTED -> toolResults == 0 ? call(s.tool(), s.arguments(), promptChars) : text(INVENTED, promptChars);
            case UNKNOWN_TOOL_FIRST -> toolResults == 0 ? call("get_training_plan_v2", "{}", promptChars)
                    : toolResults == 1 ? call(s.tool(), s.arguments(), promptChars) : text(grounded(lastTool), promptChars);
            case MALFORMED_FIRST -> toolResults == 0 ? call(s.tool(), "{\"count\": 3,, ", promptChars)
                    : toolResults == 1 ? call(s.tool(), s.arguments(), promptChars) : text(grounded(lastTool), promptChars);
            case LOOPS -> call(s.tool(), "{\"count\": " + (2 + toolResults) + "}", promptChars);
        };
    }

    /** Repeats the first pace, distance or heart rate of the tool's report, as a model narrating it would. */
    static String grounded(String toolJson) {
        for (Pattern p : List.of(PACE, DISTANCE, BPM)) {
            Matcher m = p.matcher(toolJson);
            if (m.find()) {
                return "Looking at your data, the number that matters is " + m.group() + "; keep the easy days easy.";
            }
        }
        return "Your data says to keep the easy days easy and the hard days purposeful.";
    }

    private static ChatResponse call(String tool, String arguments, int promptChars) {
        AssistantMessage out = AssistantMessage.builder().content("").toolCalls(List.of(
                new AssistantMessage.ToolCall("call_" + tool.hashCode(), "function", tool, arguments))).build();
        return response(out, promptChars, (tool.length() + arguments.length() + 20) / 4);
    }

    private static ChatResponse text(String content, int promptChars) {
        return response(new AssistantMessage(content), promptChars, Math.max(1, content.length() / 4));
    }

    private static ChatResponse response(AssistantMessage out, int promptChars, int completionTokens) {
        return ChatResponse.builder().generations(new ArrayList<>(List.of(new Generation(out))))
                .metadata(ChatResponseMetadata.builder().usage(new DefaultUsage(promptChars / 4, completionTokens)).build())
                .build();
    }
}
