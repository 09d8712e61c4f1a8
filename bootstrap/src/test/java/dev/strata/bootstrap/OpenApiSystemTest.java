package dev.strata.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.adapters.rest.AuthorizationTable;
import dev.strata.adapters.rest.AuthorizationTable.Access;
import dev.strata.adapters.rest.AuthorizationTable.Rule;
import dev.strata.adapters.rest.http.Json;
import dev.strata.bootstrap.support.JavaSchemas;
import dev.strata.bootstrap.support.JavaSchemas.Direction;
import dev.strata.bootstrap.support.OpenApiDocument;
import dev.strata.bootstrap.support.OpenApiDocument.Operation;
import dev.strata.bootstrap.support.OpenApiLint;
import dev.strata.bootstrap.support.Reply;
import dev.strata.bootstrap.support.ServedEndpoints;
import dev.strata.bootstrap.support.TestServer;
import dev.strata.domain.access.Privilege;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.glassfish.jersey.server.model.Parameter;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Holds {@code GET /openapi.json} to the code: the endpoints Jersey serves, the authorization table,
 * and what Jackson reads and writes for each resource method. What the Java types cannot tell (answers
 * built as a {@code Response}, bodies read as a {@code JsonNode}) {@link OpenApiConformanceSystemTest}
 * checks against real answers.
 */
class OpenApiSystemTest {

    /** Where to fix what these tests find. */
    private static final String FILE = "adapters-rest/src/main/resources/dev/strata/adapters/rest/openapi.json";

    @TempDir
    static Path dataDir;

    private static TestServer server;
    private static Reply served;
    private static OpenApiDocument document;
    private static SortedMap<String, ResourceMethod> code;

    @BeforeAll
    static void fetch() {
        server = TestServer.start(dataDir);
        served = server.anonymous().get("/openapi.json");
        document = new OpenApiDocument(served.json());
        code = ServedEndpoints.of(dataDir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void servesTheDocumentToAnyoneAsJsonWithTheRunningVersion() throws IOException {
        assertThat(served.status()).as(served.toString()).isEqualTo(200);
        assertThat(served.header(HttpHeaders.CONTENT_TYPE)).hasValueSatisfying(type ->
                assertThat(MediaType.valueOf(type).isCompatible(MediaType.APPLICATION_JSON_TYPE)).isTrue());
        assertThat(served.json().path("info").path("version").asText()).isEqualTo(Builds.current().version());

        ObjectNode written;
        try (InputStream in = getClass().getResourceAsStream("/dev/strata/adapters/rest/openapi.json")) {
            written = (ObjectNode) Json.mapper().readTree(in);
        }
        written.withObjectProperty("info").put("version", Builds.current().version());
        assertThat(served.json()).as("the file as written, but for the version").isEqualTo(written);
    }

    @Test
    void describesEveryEndpointTheServerHasAndNoOther() {
        Set<String> documented = document.operations().stream().map(document::endpoint)
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> undocumented = code.keySet().stream().filter(endpoint -> !documented.contains(endpoint))
                .map(OpenApiSystemTest::howToDocument).toList();
        Set<String> unserved = new TreeSet<>(documented);
        unserved.removeAll(code.keySet());

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(undocumented).as("endpoints the server has and %s lacks", FILE).isEmpty();
            softly.assertThat(unserved).as("operations in %s that no endpoint serves", FILE).isEmpty();
        });
    }

    /** An endpoint and where it goes in the document: a tenant-prefixed one goes in twice. */
    private static String howToDocument(String endpoint) {
        String[] methodAndPath = endpoint.split(" ", 2);
        String path = methodAndPath[1];
        if (!path.startsWith(OpenApiDocument.TENANT)) {
            return endpoint;
        }
        String bare = "/" + path.substring(OpenApiDocument.TENANT.length());
        return endpoint + " (as " + methodAndPath[0] + " " + bare + " and " + methodAndPath[0] + " "
                + OpenApiDocument.TENANT + bare + ")";
    }

    @Test
    void documentsATenantPrefixedPathAndItsTwinAlike() {
        List<String> problems = new ArrayList<>();
        for (Operation prefixed : document.operations()) {
            if (!prefixed.path().startsWith(OpenApiDocument.TENANT + "/")) {
                continue;
            }
            String bare = prefixed.path().substring(OpenApiDocument.TENANT.length());
            Optional<Operation> twin = document.operation(prefixed.method(), bare);
            if (twin.isEmpty()) {
                problems.add(prefixed.key() + " has no twin " + prefixed.method() + " " + bare);
            } else if (!withoutId(prefixed).equals(withoutId(twin.get()))) {
                problems.add(prefixed.key() + " and its twin " + twin.get().key() + " differ beyond operationId");
            } else if (!document.parameterNames(prefixed, "path").equals(withTenant(twin.get()))) {
                problems.add(prefixed.key() + ": path parameters are not tenant and then those of its twin");
            }
        }
        assertThat(problems).isEmpty();
    }

    private static JsonNode withoutId(Operation operation) {
        ObjectNode copy = operation.node().deepCopy();
        copy.remove("operationId");
        return copy;
    }

    private static List<String> withTenant(Operation operation) {
        List<String> names = new ArrayList<>(List.of("tenant"));
        names.addAll(document.parameterNames(operation, "path"));
        return names;
    }

    @Test
    void saysOfEveryOperationWhatTheAuthorizationTableSays() {
        List<String> problems = new ArrayList<>();
        for (Operation operation : document.operations()) {
            String endpoint = document.endpoint(operation);
            Optional<Rule> rule = AuthorizationTable.find(operation.method(), endpoint.split(" ", 2)[1]);
            if (rule.isEmpty()) {
                problems.add(operation.key() + ": no row in AuthorizationTable");
                continue;
            }
            String expected = access(rule.get());
            String documented = documentedAccess(operation.node());
            if (!expected.equals(documented)) {
                problems.add(operation.key() + ": the table says " + expected + ", the document " + documented);
            }
        }
        assertThat(problems).isEmpty();
    }

    private static String access(Rule rule) {
        return rule.access().name().toLowerCase(Locale.ROOT).replace('_', '-')
                + rule.privilege().map(p -> " " + p.name()).orElse("")
                + (rule.tenantScoped() ? " tenant-scoped" : "")
                + (rule.access() == Access.PUBLIC ? " without security" : "");
    }

    private static String documentedAccess(JsonNode operation) {
        JsonNode security = operation.path("security");
        return operation.path("x-strata-access").asText("(no x-strata-access)")
                + (operation.has("x-strata-privilege") ? " " + operation.get("x-strata-privilege").asText() : "")
                + (operation.path("x-strata-tenant-scoped").asBoolean(false) ? " tenant-scoped" : "")
                + (security.isArray() && security.isEmpty() ? " without security" : "");
    }

    @Test
    void documentsEveryRequestBodyAsJacksonReadsIt() {
        JavaSchemas schemas = new JavaSchemas(Json.mapper(), document);
        List<String> problems = new ArrayList<>();
        for (Operation operation : document.operations()) {
            ResourceMethod method = code.get(document.endpoint(operation));
            if (method == null) {
                continue;
            }
            Optional<Parameter> entity = parameters(method, Parameter.Source.ENTITY).stream().findFirst();
            Optional<JsonNode> schema = document.requestSchema(operation);
            if (entity.isPresent() != schema.isPresent()) {
                problems.add(operation.key() + (schema.isPresent() ? ": the server reads no body"
                        : ": the server reads a body the document lacks"));
            } else if (entity.isPresent() && JavaSchemas.describes(entity.get().getType())) {
                problems.addAll(schemas.compare(entity.get().getType(), schema.get(), Direction.READ,
                        operation.key() + " request"));
            }
            expectNames(problems, operation, "query", names(parameters(method, Parameter.Source.QUERY)));
            Set<String> headers = names(parameters(method, Parameter.Source.HEADER));
            headers.remove(HttpHeaders.AUTHORIZATION);
            expectNames(problems, operation, "header", headers);
        }
        assertThat(problems).isEmpty();
    }

    private static List<Parameter> parameters(ResourceMethod method, Parameter.Source source) {
        return method.getInvocable().getParameters().stream().filter(p -> p.getSource() == source).toList();
    }

    private static Set<String> names(List<Parameter> parameters) {
        return parameters.stream().map(Parameter::getSourceName).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void expectNames(List<String> problems, Operation operation, String in, Set<String> expected) {
        Set<String> documented = new TreeSet<>(document.parameterNames(operation, in));
        if (!documented.equals(expected)) {
            problems.add(operation.key() + ": the server reads " + in + " parameters " + expected
                    + ", the document has " + documented);
        }
    }

    @Test
    void documentsEverySuccessfulAnswerAsJacksonWritesIt() {
        JavaSchemas schemas = new JavaSchemas(Json.mapper(), document);
        List<String> problems = new ArrayList<>();
        for (Operation operation : document.operations()) {
            ResourceMethod method = code.get(document.endpoint(operation));
            if (method == null) {
                continue;
            }
            Set<String> produced = method.getProducedTypes().stream().map(OpenApiSystemTest::withoutParameters)
                    .collect(Collectors.toCollection(TreeSet::new));
            java.lang.reflect.Type returned = method.getInvocable().getHandlingMethod().getGenericReturnType();
            document.responses(operation).forEach((status, response) -> {
                if (!status.startsWith("2")) {
                    return;
                }
                String where = operation.key() + " " + status;
                Set<String> types = new TreeSet<>();
                response.path("content").fieldNames().forEachRemaining(type -> types.add(withoutParameters(type)));
                if (!types.equals(produced)) {
                    problems.add(where + ": the server answers in " + produced + ", the document says " + types);
                } else if (!types.isEmpty() && JavaSchemas.describes(returned)) {
                    JsonNode schema = response.path("content").elements().next().path("schema");
                    problems.addAll(schemas.compare(returned, schema, Direction.WRITE, where));
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    private static String withoutParameters(Object mediaType) {
        MediaType type = MediaType.valueOf(mediaType.toString());
        return type.getType() + "/" + type.getSubtype();
    }

    @Test
    void isValidOpenApiAndPassesTheLintersRecommendedRules() {
        OpenApiLint lint = OpenApiLint.parse(served.json());

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(lint.parserMessages()).as("what swagger-parser finds invalid in %s", FILE).isEmpty();
            softly.assertThat(lint.problems()).as("what breaks a linter's recommended rules in %s", FILE).isEmpty();
        });
    }

    /** Strata's own rules, beyond what any linter asks. */
    @Test
    void keepsStrataRules() {
        List<String> problems = new ArrayList<>();
        JsonNode root = document.root();
        if (!root.path("openapi").asText().matches("3\\.0\\.\\d+")) {
            problems.add("openapi is " + root.path("openapi") + ", not the OpenAPI 3.0 whose nullable the tests read");
        }
        JsonNode schemes = root.path("components").path("securitySchemes");
        if (!schemes.path("basicAuth").path("scheme").asText().equals("basic")
                || !schemes.path("bearerAuth").path("scheme").asText().equals("bearer")
                || !root.path("security").toString().equals("[{\"basicAuth\":[]},{\"bearerAuth\":[]}]")) {
            problems.add("security must be HTTP basic (basicAuth) or bearer (bearerAuth) unless an operation says []");
        }
        for (Operation operation : document.operations()) {
            checkOperation(operation, problems);
        }
        assertThat(problems).isEmpty();
    }

    private static void checkOperation(Operation operation, List<String> problems) {
        Map<String, JsonNode> responses = document.responses(operation);
        if (responses.keySet().stream().noneMatch(s -> s.startsWith("2")) || !responses.containsKey("default")) {
            problems.add(operation.key() + ": needs a 2xx and a default response");
        }
        if (responses.containsKey("201") && !document.resolve(responses.get("201").path("headers").path("Location"))
                .path("required").asBoolean(false)) {
            problems.add(operation.key() + ": a 201 must promise a Location header");
        }
        boolean open = operation.node().path("security").isArray() && operation.node().path("security").isEmpty();
        if (!open && !responses.containsKey("401")) {
            problems.add(operation.key() + ": needs credentials, so it must document 401");
        }
    }

    @Test
    void namesThePrivilegesTheServerKnows() {
        List<String> documented = new ArrayList<>();
        document.root().at("/components/schemas/PrivilegeName/enum").forEach(name -> documented.add(name.asText()));
        List<String> known = Arrays.stream(Privilege.values()).map(Privilege::name).toList();

        assertThat(documented).containsExactlyInAnyOrderElementsOf(known);
    }
}
