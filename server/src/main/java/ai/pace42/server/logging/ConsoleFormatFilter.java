package ai.pace42.server.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Locale;

/**
 * Lets a console appender write only when PACE42_LOG_FORMAT selects it: {@code json} selects the JSON appender,
 * anything else (the default) the plain one. Both appenders stay declared and referenced, so logback's
 * configuration raises no warning of its own on the console.
 */
public class ConsoleFormatFilter extends Filter<ILoggingEvent> {

    private String format = "";
    private boolean json;
    private boolean selected;

    /** The value of PACE42_LOG_FORMAT. */
    public void setFormat(String format) {
        this.format = format == null ? "" : format;
    }

    /** Whether the appender this filter guards writes JSON. */
    public void setJson(boolean json) {
        this.json = json;
    }

    @Override
    public void start() {
        selected = json == format.strip().toLowerCase(Locale.ROOT).equals("json");
        super.start();
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return selected ? FilterReply.NEUTRAL : FilterReply.DENY;
    }
}
