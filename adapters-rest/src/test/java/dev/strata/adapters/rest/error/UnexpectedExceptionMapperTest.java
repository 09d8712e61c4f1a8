package dev.strata.adapters.rest.error;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.strata.adapters.rest.http.RequestIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A 500's body says "see the server log": the log has it once, under the request id, with the exception. */
class UnexpectedExceptionMapperTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(UnexpectedExceptionMapper.class);
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    @BeforeEach
    void capture() {
        events.start();
        logger.addAppender(events);
    }

    @AfterEach
    void release() {
        logger.detachAppender(events);
        RequestIds.end();
    }

    @Test
    void logsTheFailureOnceWithTheRequestIdAndTheException() {
        RequestIds.begin("req-42");
        var response = new UnexpectedExceptionMapper().toResponse(new ArithmeticException("long overflow"));

        assertThat(response.getStatus()).isEqualTo(500);
        ErrorBody body = (ErrorBody) response.getEntity();
        assertThat(body.requestId()).isEqualTo("req-42");
        assertThat(body.description()).contains("see the server log").doesNotContain("overflow");
        assertThat(events.list).hasSize(1);
        ILoggingEvent event = events.list.get(0);
        assertThat(event.getLevel().toString()).isEqualTo("ERROR");
        assertThat(event.getFormattedMessage()).contains("req-42");
        assertThat(event.getMDCPropertyMap()).containsEntry(RequestIds.MDC_KEY, "req-42");
        assertThat(event.getThrowableProxy().getClassName()).isEqualTo(ArithmeticException.class.getName());
        assertThat(event.getThrowableProxy().getMessage()).isEqualTo("long overflow");
    }
}
