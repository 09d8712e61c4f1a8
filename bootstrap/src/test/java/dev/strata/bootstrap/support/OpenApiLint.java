package dev.strata.bootstrap.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAPI 3 document as the tools people use see it. {@link #parse} hands it to swagger-parser,
 * which validates it against the specification; {@link #problems} then applies, to the parsed model,
 * the rules of the linters' recommended sets (Redocly's {@code recommended}, Spectral's {@code oas})
 * that name an error and that the parser does not check. Each problem names where it is.
 */
public final class OpenApiLint {

    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{([^}/]*)}");
    /** RFC 3986's unreserved characters: an operationId a URL can carry as it is. */
    private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9._~-]+");

    private final JsonNode raw;
    private final SwaggerParseResult parsed;

    private OpenApiLint(JsonNode raw, SwaggerParseResult parsed) {
        this.raw = raw;
        this.parsed = parsed;
    }

    /** Parses {@code document} with swagger-parser, following its internal {@code $ref}s. */
    public static OpenApiLint parse(JsonNode document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        return new OpenApiLint(document, new OpenAPIV3Parser().readContents(document.toString(), null, options));
    }

    /** What swagger-parser found invalid, or could not resolve; empty for a valid document. */
    public List<String> parserMessages() {
        List<String> messages = new ArrayList<>(parsed.getMessages() == null ? List.of() : parsed.getMessages());
        if (parsed.getOpenAPI() == null) {
            messages.add("swagger-parser read no OpenAPI document");
        }
        return messages;
    }

    /** The document as swagger-parser models it. */
    public OpenAPI model() {
        return Objects.requireNonNull(parsed.getOpenAPI(), "swagger-parser read no OpenAPI document");
    }

    /** What breaks a linter's recommended rules; empty when none does. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        servers(problems);
        refs(problems);
        OpenAPI model = model();
        Set<String> tags = new HashSet<>();
        if (model.getTags() != null) {
            model.getTags().forEach(tag -> tags.add(tag.getName()));
        }
        Set<String> schemes = model.getComponents() == null || model.getComponents().getSecuritySchemes() == null
                ? Set.of() : model.getComponents().getSecuritySchemes().keySet();
        if (model.getSecurity() != null) {
            model.getSecurity().forEach(requirement -> undefinedSchemes("security", requirement.keySet(), schemes,
                    problems));
        }
        Map<String, String> shapes = new HashMap<>();
        Map<String, String> ids = new HashMap<>();
        Schemas schemas = new Schemas(problems);
        model.getPaths().forEach((path, item) -> {
            path(path, shapes, problems);
            item.readOperationsMap().forEach((method, operation) -> {
                String where = method + " " + path;
                operation(where, path, item, operation, tags, schemes, ids, problems);
                schemas.of(where, operation);
            });
            if (item.getParameters() != null) {
                item.getParameters().forEach(p -> schemas.visit(path + " parameter " + p.getName(),
                        resolve(p).getSchema()));
            }
        });
        schemas.of(model.getComponents());
        return problems;
    }

    /**
     * swagger-parser puts a server {@code /} into a document that names none, so this rule reads
     * the document as written: at least one server, no trailing slash but for {@code /} itself, and
     * every variable of a templated URL declared with a default.
     */
    private void servers(List<String> problems) {
        JsonNode servers = raw.path("servers");
        if (!servers.isArray() || servers.isEmpty()) {
            problems.add("servers: none; a client needs at least one (a relative \"/\" will do)");
            return;
        }
        for (JsonNode server : servers) {
            String url = server.path("url").asText("");
            if (url.isEmpty()) {
                problems.add("servers: an entry without url");
            } else if (url.endsWith("/") && !url.equals("/")) {
                problems.add("servers: " + url + " ends with a slash");
            }
            Matcher variable = TEMPLATE_PARAMETER.matcher(url);
            while (variable.find()) {
                if (!server.path("variables").path(variable.group(1)).has("default")) {
                    problems.add("servers: " + url + " uses {" + variable.group(1) + "}, which no variable with a"
                            + " default declares");
                }
            }
        }
    }

    /** swagger-parser reports a dangling {@code $ref} to a schema, but not one to a parameter or a response. */
    private void refs(List<String> problems) {
        OpenApiDocument document = new OpenApiDocument(raw);
        for (String ref : new TreeSet<>(document.refs())) {
            try {
                document.resolve(JsonNodeFactory.instance.objectNode().put("$ref", ref));
            } catch (AssertionError dangling) {
                problems.add(dangling.getMessage());
            }
        }
    }

    /** No trailing slash, no query, no empty {@code {}}, and no two paths alike but for parameter names. */
    private static void path(String path, Map<String, String> shapes, List<String> problems) {
        if (path.length() > 1 && path.endsWith("/")) {
            problems.add(path + ": ends with a slash");
        }
        if (path.contains("?")) {
            problems.add(path + ": holds a query");
        }
        String shape = TEMPLATE_PARAMETER.matcher(path).replaceAll("{}");
        if (path.contains("{}")) {
            problems.add(path + ": a parameter without a name");
        }
        String earlier = shapes.putIfAbsent(shape, path);
        if (earlier != null) {
            problems.add(path + ": identical to " + earlier + " but for parameter names");
        }
    }

    private void operation(String where, String path, PathItem item, Operation operation, Set<String> tags,
                           Set<String> schemes, Map<String, String> ids, List<String> problems) {
        String id = operation.getOperationId();
        if (id == null || id.isBlank()) {
            problems.add(where + ": no operationId");
        } else {
            if (!URL_SAFE.matcher(id).matches()) {
                problems.add(where + ": operationId '" + id + "' is not URL-safe");
            }
            String other = ids.putIfAbsent(id, where);
            if (other != null) {
                problems.add(where + ": operationId '" + id + "' is also that of " + other);
            }
        }
        if (operation.getSummary() == null || operation.getSummary().isBlank()) {
            problems.add(where + ": no summary");
        }
        if (operation.getTags() == null || operation.getTags().isEmpty()) {
            problems.add(where + ": no tag");
        } else {
            operation.getTags().stream().filter(tag -> !tags.contains(tag))
                    .forEach(tag -> problems.add(where + ": tag '" + tag + "' is not declared"));
        }
        if (operation.getSecurity() != null) {
            operation.getSecurity().forEach(requirement -> undefinedSchemes(where, requirement.keySet(), schemes,
                    problems));
        }
        parameters(where, path, item, operation, problems);
        responses(where, operation, problems);
    }

    private static void undefinedSchemes(String where, Set<String> used, Set<String> schemes, List<String> problems) {
        used.stream().filter(name -> !schemes.contains(name))
                .forEach(name -> problems.add(where + ": security scheme '" + name + "' is not defined"));
    }

    /** Each template name declared once as a required path parameter, and no path parameter beyond them. */
    private void parameters(String where, String path, PathItem item, Operation operation, List<String> problems) {
        Set<String> inTemplate = new TreeSet<>();
        Matcher matcher = TEMPLATE_PARAMETER.matcher(path);
        while (matcher.find()) {
            inTemplate.add(matcher.group(1));
        }
        Map<String, Parameter> declared = new HashMap<>();
        List<Parameter> all = new ArrayList<>();
        if (item.getParameters() != null) {
            all.addAll(item.getParameters());
        }
        int ofPathItem = all.size();
        if (operation.getParameters() != null) {
            all.addAll(operation.getParameters());
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            Parameter parameter = resolve(all.get(i));
            String key = parameter.getIn() + " " + parameter.getName();
            // an operation may override a parameter of its path item, but not repeat its own
            if (i >= ofPathItem && !seen.add(key)) {
                problems.add(where + ": parameter " + key + " is declared twice");
            }
            if ("path".equals(parameter.getIn())) {
                declared.put(parameter.getName(), parameter);
            }
        }
        for (String name : inTemplate) {
            Parameter parameter = declared.get(name);
            if (parameter == null) {
                problems.add(where + ": path parameter {" + name + "} is not declared");
            } else if (!Boolean.TRUE.equals(parameter.getRequired())) {
                problems.add(where + ": path parameter {" + name + "} is not required");
            }
        }
        declared.keySet().stream().filter(name -> !inTemplate.contains(name)).sorted()
                .forEach(name -> problems.add(where + ": path parameter " + name + " is not in the path"));
    }

    private Parameter resolve(Parameter parameter) {
        String ref = parameter.get$ref();
        if (ref == null) {
            return parameter;
        }
        Components components = model().getComponents();
        Parameter target = components == null || components.getParameters() == null ? null
                : components.getParameters().get(ref.substring(ref.lastIndexOf('/') + 1));
        return target == null ? parameter : target;
    }

    /** A described success, and a described client error: a 4xx, or a {@code default} that covers them. */
    private static void responses(String where, Operation operation, List<String> problems) {
        Set<String> codes = operation.getResponses() == null ? Set.of() : operation.getResponses().keySet();
        if (codes.stream().noneMatch(code -> code.startsWith("2"))) {
            problems.add(where + ": no 2xx response");
        }
        if (codes.stream().noneMatch(code -> code.startsWith("4") || code.equals("default"))) {
            problems.add(where + ": no 4xx or default response");
        }
    }

    /**
     * Every schema in the document, inline or in components, followed into properties, items and
     * compositions. OpenAPI 3.0's {@code nullable} only adds null to the {@code type} beside it, so
     * without one it means nothing; linters flag it.
     */
    private final class Schemas {

        private final List<String> problems;
        private final Set<Schema<?>> visited = Collections.newSetFromMap(new IdentityHashMap<>());

        Schemas(List<String> problems) {
            this.problems = problems;
        }

        void of(String where, Operation operation) {
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(p -> visit(where + " parameter " + p.getName(),
                        resolve(p).getSchema()));
            }
            RequestBody body = operation.getRequestBody();
            if (body != null) {
                content(where + " request", body.getContent());
            }
            if (operation.getResponses() != null) {
                operation.getResponses().forEach((code, response) -> response(where + " " + code, response));
            }
        }

        void of(Components components) {
            if (components == null) {
                return;
            }
            if (components.getSchemas() != null) {
                components.getSchemas().forEach((name, schema) -> visit("#/components/schemas/" + name, schema));
            }
            if (components.getParameters() != null) {
                components.getParameters().forEach((name, p) -> visit("#/components/parameters/" + name,
                        p.getSchema()));
            }
            if (components.getResponses() != null) {
                components.getResponses().forEach((name, r) -> response("#/components/responses/" + name, r));
            }
            if (components.getRequestBodies() != null) {
                components.getRequestBodies().forEach((name, b) -> content("#/components/requestBodies/" + name,
                        b.getContent()));
            }
            if (components.getHeaders() != null) {
                components.getHeaders().forEach((name, h) -> visit("#/components/headers/" + name, h.getSchema()));
            }
        }

        private void response(String where, ApiResponse response) {
            content(where, response.getContent());
            if (response.getHeaders() != null) {
                for (Map.Entry<String, Header> header : response.getHeaders().entrySet()) {
                    visit(where + " header " + header.getKey(), header.getValue().getSchema());
                }
            }
        }

        private void content(String where, Content content) {
            if (content != null) {
                for (Map.Entry<String, MediaType> type : content.entrySet()) {
                    visit(where + " " + type.getKey(), type.getValue().getSchema());
                }
            }
        }

        void visit(String where, Schema<?> schema) {
            if (schema == null || !visited.add(schema)) {
                return;
            }
            if (Boolean.TRUE.equals(schema.getNullable()) && schema.getType() == null && schema.get$ref() == null) {
                problems.add(where + ": nullable without a type beside it");
            }
            if (schema.getProperties() != null) {
                schema.getProperties().forEach((name, property) -> visit(where + "." + name, property));
            }
            visit(where + "[]", schema.getItems());
            if (schema.getAdditionalProperties() instanceof Schema<?> values) {
                visit(where + "{}", values);
            }
            visit(where + " not", schema.getNot());
            all(where + " allOf", schema.getAllOf());
            all(where + " oneOf", schema.getOneOf());
            all(where + " anyOf", schema.getAnyOf());
        }

        /** swagger-models types compositions as raw {@code List<Schema>}. */
        private void all(String where, List<?> schemas) {
            if (schemas != null) {
                for (int i = 0; i < schemas.size(); i++) {
                    visit(where + "[" + i + "]", (Schema<?>) schemas.get(i));
                }
            }
        }
    }
}
