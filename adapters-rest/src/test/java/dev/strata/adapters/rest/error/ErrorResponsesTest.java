package dev.strata.adapters.rest.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ErrorResponsesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesTheErrorBodyAsJsonTextEscapingWhatItHolds() throws Exception {
        String description = "a \"quoted\" \\ back\nslash \u2028 and \u00e9";
        JsonNode body = JSON.readTree(ErrorResponses.json(431, description, "id-1"));

        assertThat(body.path("status").asText()).isEqualTo("RequestHeaderFieldsTooLarge");
        assertThat(body.path("error_class").asText()).isEqualTo("request_header_fields_too_large_error");
        assertThat(body.path("description").asText()).isEqualTo(description);
        assertThat(body.path("request_id").asText()).isEqualTo("id-1");
        assertThat(body.size()).isEqualTo(4);
    }

    @Test
    void codesHttpRefusalsWithTheDomainsCodesWhereOneFits() {
        assertThat(ErrorResponses.httpCode(400)).isEqualTo("InvalidInput");
        assertThat(ErrorResponses.httpCode(404)).isEqualTo("NotExists");
        assertThat(ErrorResponses.httpCode(412)).isEqualTo("PreconditionFailed");
        assertThat(ErrorResponses.httpCode(414)).isEqualTo("UriTooLong");
        assertThat(ErrorResponses.httpCode(500)).isEqualTo("InternalError");
        assertThat(ErrorResponses.httpCode(505)).isEqualTo("InternalError");
        assertThat(ErrorResponses.httpCode(418)).isEqualTo("HttpError418");
    }

    @Test
    void answersJsonWithTheSameBody() {
        var response = ErrorResponses.of(415, "send JSON");
        assertThat(response.getStatus()).isEqualTo(415);
        assertThat(response.getMediaType().toString()).isEqualTo("application/json");
        ErrorBody body = (ErrorBody) response.getEntity();
        assertThat(body.status()).isEqualTo("UnsupportedMediaType");
        assertThat(body.errorClass()).isEqualTo("unsupported_media_type_error");
    }
}
