package ai.pace42.server.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * The message of a console line, masked like the JSON log. A failure adds one short clause instead of a stack
 * trace, so the console stays readable; the log file keeps the whole trace.
 */
public class MaskedMessageConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        String text = event.getFormattedMessage();
        IThrowableProxy failure = event.getThrowableProxy();
        if (failure != null) {
            text += " (" + failure.getClassName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage())
                    + "; stack trace in pace42.log)";
        }
        return SecretMaskingDecorator.mask(text);
    }
}
