package ai.pace42.server.link;

import ai.pace42.bot.linking.PendingLink;
import java.util.List;
import java.util.Map;

/**
 * One way to connect Garmin on the link page (official OAuth, sign-in, token import). A method validates what
 * the runner entered; the page then uses the link up and stores the result under the link's own account.
 */
public interface LinkMethod {

    /** Stable id used in the form's URL, e.g. {@code tokens}. */
    String id();

    /** The button or section title. */
    String title();

    /** One sentence under the title. */
    String description();

    /** The fields of its form, in order. */
    List<Field> fields();

    /** Checks the input with Garmin. Never throws for bad input: a failure is an outcome. */
    Outcome complete(PendingLink link, Map<String, String> form);

    /** The same, for methods that must also know who sent the form (the sign-in relay limits attempts). */
    default Outcome complete(PendingLink link, Map<String, String> form, Caller caller) {
        return complete(link, form);
    }

    /** Who sent a form: the source address as the server sees it, and the request id for the page. */
    record Caller(String address, String requestId) {
    }

    record Field(String name, String label, Kind kind, String hint) {
        public enum Kind { TEXT, PASSWORD, TEXTAREA, HIDDEN }
    }

    sealed interface Outcome permits Outcome.Linked, Outcome.NeedsMore, Outcome.Redirect, Outcome.Failed {

        /** Garmin accepted: the secret to store and the Garmin name to show ("connected as …"). */
        record Linked(String garminDisplayName, String secretJson) implements Outcome {
            @Override
            public String toString() {
                return "Linked[" + garminDisplayName + ", secret=****]";
            }
        }

        /** Another step, e.g. the MFA code: shows these fields (with hidden state) and the message. */
        record NeedsMore(String message, List<Field> fields, Map<String, String> hidden) implements Outcome {
        }

        /** Send the browser to Garmin's own site (official OAuth); it comes back to the method's callback. */
        record Redirect(java.net.URI location) implements Outcome {
        }

        /** A friendly sentence saying what went wrong and what to do, with the page's HTTP status. */
        record Failed(String message, int status) implements Outcome {
            public Failed(String message) {
                this(message, 422);
            }
        }
    }
}
