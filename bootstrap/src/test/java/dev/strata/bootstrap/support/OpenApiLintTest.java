package dev.strata.bootstrap.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.rest.http.Json;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The lint rules on small documents: each rule finds what it is for, and a clean document passes. */
class OpenApiLintTest {

    private static final String CLEAN = """
            {
              "openapi": "3.0.3",
              "info": {"title": "t", "version": "1"},
              "servers": [{"url": "https://{host}:{port}", "variables": {"host": {"default": "h"},
                                                                        "port": {"default": "1"}}}],
              "tags": [{"name": "Things"}],
              "paths": {
                "/things/{id}": {
                  "get": {
                    "tags": ["Things"], "summary": "A thing", "operationId": "getThing",
                    "parameters": [{"$ref": "#/components/parameters/Id"}],
                    "responses": {
                      "200": {"description": "it", "content": {"application/json": {"schema": {
                        "type": "object", "properties": {"owner": {"type": "string", "nullable": true}}}}}},
                      "default": {"description": "an error"}
                    }
                  }
                }
              },
              "components": {
                "parameters": {"Id": {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}}
              }
            }""";

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void passesACleanDocument() {
        OpenApiLint lint = OpenApiLint.parse(json(CLEAN));

        assertThat(lint.parserMessages()).isEmpty();
        assertThat(lint.problems()).isEmpty();
    }

    @Test
    void findsWhatLintersCallErrors() {
        String broken = CLEAN
                .replace("\"servers\": [{\"url\": \"https://{host}:{port}\", \"variables\": {\"host\": {\"default\":"
                        + " \"h\"},", "\"x-servers\": [{\"variables\": {")
                .replace("\"type\": \"string\", \"nullable\": true", "\"nullable\": true")
                .replace("\"tags\": [\"Things\"], \"summary\": \"A thing\", ", "\"tags\": [\"Stuff\"], ")
                .replace("\"default\": {\"description\": \"an error\"}", "\"301\": {\"description\": \"moved\"}")
                .replace("\"name\": \"id\", \"in\": \"path\"", "\"name\": \"key\", \"in\": \"path\"");

        OpenApiLint lint = OpenApiLint.parse(json(broken));

        assertThat(lint.problems()).containsExactlyInAnyOrder(
                "servers: none; a client needs at least one (a relative \"/\" will do)",
                "GET /things/{id}: no summary",
                "GET /things/{id}: tag 'Stuff' is not declared",
                "GET /things/{id}: path parameter {id} is not declared",
                "GET /things/{id}: path parameter key is not in the path",
                "GET /things/{id}: no 4xx or default response",
                "GET /things/{id} 200 application/json.owner: nullable without a type beside it");
    }

    @Test
    void findsRepeatedOperationIdsAndPathsAlikeButForNames() {
        String twice = CLEAN.replace("\"paths\": {", """
                "paths": {
                  "/things/{key}/": {"get": {"tags": ["Things"], "summary": "s", "operationId": "getThing",
                    "parameters": [{"name": "key", "in": "path", "schema": {"type": "string"}}],
                    "responses": {"404": {"description": "none"}}}},""");

        OpenApiLint lint = OpenApiLint.parse(json(twice));

        assertThat(lint.problems()).contains(
                "/things/{key}/: ends with a slash",
                "GET /things/{key}/: path parameter {key} is not required",
                "GET /things/{key}/: no 2xx response",
                "GET /things/{id}: operationId 'getThing' is also that of GET /things/{key}/");
    }

    @Test
    void findsATemplatedServerWithoutItsVariable() {
        String server = CLEAN.replace("\"port\": {\"default\": \"1\"}", "\"port\": {}");

        assertThat(OpenApiLint.parse(json(server)).problems()).containsExactly(
                "servers: https://{host}:{port} uses {port}, which no variable with a default declares");
    }

    @Test
    void findsAReferenceThatLeadsNowhere() {
        String dangling = CLEAN.replace("#/components/parameters/Id", "#/components/parameters/Missing");

        assertThat(OpenApiLint.parse(json(dangling)).problems())
                .contains("$ref #/components/parameters/Missing leads nowhere in the document");
    }

    @Test
    void reportsWhatTheParserFindsInvalid() {
        String invalid = CLEAN.replace("\"info\": {\"title\": \"t\", \"version\": \"1\"}", "\"info\": {\"title\": \"t\"}")
                .replace("{\"type\": \"string\", \"nullable\": true}", "{\"$ref\": \"#/components/schemas/Missing\"}");

        assertThat(OpenApiLint.parse(json(invalid)).parserMessages()).hasSize(2)
                .anyMatch(message -> message.contains("info.version is missing"))
                .anyMatch(message -> message.contains("#/components/schemas/Missing is missing"));
    }
}
