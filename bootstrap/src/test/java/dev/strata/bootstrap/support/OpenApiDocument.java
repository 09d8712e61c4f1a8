package dev.strata.bootstrap.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An OpenAPI 3 document as the tests read it: its operations, with {@code $ref}s followed. OpenAPI
 * cannot say that a path segment is optional, so each of Jersey's {@code /{tenant}X} endpoints is
 * documented twice, as {@code /X} and {@code /{tenant}/X}; {@link #endpoint} folds both back.
 */
public final class OpenApiDocument {

    public static final String TENANT = "/{tenant}";

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    /** One operation: a method on a documented path. */
    public record Operation(String method, String path, JsonNode pathItem, JsonNode node) {

        public String key() {
            return method + " " + path;
        }
    }

    private final JsonNode root;

    public OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    public JsonNode root() {
        return root;
    }

    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        root.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (METHODS.contains(method.getKey())) {
                operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        path.getValue(), method.getValue()));
            }
        }));
        return operations;
    }

    public Optional<Operation> operation(String method, String path) {
        return operations().stream().filter(o -> o.method().equals(method) && o.path().equals(path)).findFirst();
    }

    /** The endpoint an operation describes, named as {@code RestApi.resourceMethods} names it. */
    public String endpoint(Operation operation) {
        return operation.method() + " " + servedPath(operation.path());
    }

    private String servedPath(String path) {
        if (path.startsWith(TENANT + "/")) {
            return TENANT + path.substring(TENANT.length() + 1);
        }
        if (root.path("paths").has(TENANT + path)) {
            return TENANT + path.substring(1);
        }
        return path;
    }

    /** Follows {@code $ref}s to what they name; fails on one that leads nowhere. */
    public JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref"); hops++) {
            String ref = current.get("$ref").asText();
            JsonNode target = ref.startsWith("#/") ? root.at(ref.substring(1)) : MissingNode.getInstance();
            if (target.isMissingNode() || hops > 16) {
                throw new AssertionError("$ref " + ref + " leads nowhere in the document");
            }
            current = target;
        }
        return current;
    }

    /**
     * A schema with its {@code $ref}s followed. {@code allOf} with a single member (OpenAPI 3.0's way
     * to make a referenced schema nullable) counts as that member, with the outer keywords added.
     */
    public JsonNode schema(JsonNode node) {
        JsonNode schema = resolve(node);
        JsonNode allOf = schema.path("allOf");
        if (allOf.size() != 1) {
            return schema;
        }
        ObjectNode merged = resolve(allOf.get(0)).deepCopy();
        schema.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("allOf")) {
                merged.set(field.getKey(), field.getValue());
            }
        });
        return merged;
    }

    /** Every {@code $ref} in the document. */
    public List<String> refs() {
        List<String> refs = new ArrayList<>();
        collectRefs(root, refs);
        return refs;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.elements().forEachRemaining(child -> collectRefs(child, refs));
    }

    /** The parameters of the path item and of the operation, resolved. */
    public List<JsonNode> parameters(Operation operation) {
        List<JsonNode> parameters = new ArrayList<>();
        operation.pathItem().path("parameters").forEach(p -> parameters.add(resolve(p)));
        operation.node().path("parameters").forEach(p -> parameters.add(resolve(p)));
        return parameters;
    }

    public List<String> parameterNames(Operation operation, String in) {
        return parameters(operation).stream().filter(p -> p.path("in").asText().equals(in))
                .map(p -> p.path("name").asText()).toList();
    }

    /** The JSON schema of the request body, if the operation documents one. */
    public Optional<JsonNode> requestSchema(Operation operation) {
        if (!operation.node().has("requestBody")) {
            return Optional.empty();
        }
        return Optional.of(resolve(operation.node().get("requestBody")).path("content").path("application/json")
                .path("schema"));
    }

    /** The documented responses by status code ({@code "200"}, {@code "default"}), resolved. */
    public Map<String, JsonNode> responses(Operation operation) {
        Map<String, JsonNode> responses = new LinkedHashMap<>();
        operation.node().path("responses").fields()
                .forEachRemaining(r -> responses.put(r.getKey(), resolve(r.getValue())));
        return responses;
    }

    /** What the document says an answer with this status looks like: its own entry, else the default. */
    public Optional<JsonNode> response(Operation operation, int status) {
        Map<String, JsonNode> responses = responses(operation);
        return Optional.ofNullable(responses.getOrDefault(Integer.toString(status), responses.get("default")));
    }
}
