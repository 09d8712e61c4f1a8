package dev.strata.domain.host;

import dev.strata.domain.Text;
import java.time.Instant;
import java.util.Objects;

/**
 * An event a host forwarded ({@code POST /forward_log}), kept for operators to read.
 *
 * @param id         0 until stored; then its place in the log
 * @param parameters the event's parameters as the host sent them, as JSON text
 */
public record HostEvent(long id, Instant time, String host, String loggingType, String level, String appName,
                        String message, String parameters) {

    public static final int MAX_MESSAGE = 8192;

    public HostEvent {
        Objects.requireNonNull(time);
        host = Text.optional("host", host, 255);
        loggingType = Text.optional("loggingType", loggingType, 64);
        level = Text.optional("level", level, 64);
        appName = Text.optional("appName", appName, 255);
        message = multiline("message", message);
        parameters = multiline("parametersList", parameters);
    }

    /** A host's log text may hold line breaks and tabs; it must be whole UTF-16 and not too long. */
    private static String multiline(String field, String value) {
        if (value == null) {
            return "";
        }
        if (value.length() > MAX_MESSAGE) {
            throw dev.strata.domain.DomainException.invalidInput(field + " is longer than " + MAX_MESSAGE
                    + " characters");
        }
        return Text.wellFormed(field, value);
    }

    public HostEvent withId(long newId) {
        return new HostEvent(newId, time, host, loggingType, level, appName, message, parameters);
    }
}
