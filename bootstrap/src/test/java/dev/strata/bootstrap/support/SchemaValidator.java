package dev.strata.bootstrap.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a real JSON value against the schema that documents it: JSON types, enums, nullability,
 * required properties, and no property the schema does not list (when it lists any).
 */
public final class SchemaValidator {

    private final OpenApiDocument document;

    public SchemaValidator(OpenApiDocument document) {
        this.document = document;
    }

    /** What does not fit, each naming where; empty when the value fits. */
    public List<String> validate(JsonNode value, JsonNode schema, String where) {
        List<String> problems = new ArrayList<>();
        validate(value, schema, where, problems);
        return problems;
    }

    private void validate(JsonNode value, JsonNode reference, String where, List<String> problems) {
        JsonNode schema = document.schema(reference);
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                problems.add(where + ": null, which the document does not allow");
            }
            return;
        }
        if (schema.has("oneOf")) {
            long fitting = 0;
            for (JsonNode alternative : schema.get("oneOf")) {
                fitting += validate(value, alternative, where).isEmpty() ? 1 : 0;
            }
            if (fitting != 1) {
                problems.add(where + ": " + value + " fits " + fitting + " of the oneOf alternatives, not 1");
            }
            return;
        }
        String type = schema.path("type").asText("");
        if (!type.isEmpty() && !is(value, type)) {
            problems.add(where + ": " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                    + " where the document says " + type);
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            problems.add(where + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                validate(value.get(i), schema.path("items"), where + "[" + i + "]", problems);
            }
        } else if (value.isObject()) {
            validateObject(value, schema, where, problems);
        }
    }

    private void validateObject(JsonNode value, JsonNode schema, String where, List<String> problems) {
        JsonNode properties = schema.path("properties");
        schema.path("required").forEach(name -> {
            if (!value.has(name.asText())) {
                problems.add(where + ": lacks " + name.asText() + ", which the document says is required");
            }
        });
        value.fields().forEachRemaining(field -> {
            String at = where + "." + field.getKey();
            if (properties.has(field.getKey())) {
                validate(field.getValue(), properties.get(field.getKey()), at, problems);
            } else if (schema.has("additionalProperties")) {
                validate(field.getValue(), schema.get("additionalProperties"), at, problems);
            } else if (schema.has("properties")) {
                problems.add(at + ": not in the document");
            }
        });
    }

    private static boolean is(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> false;
        };
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode candidate : values) {
            if (candidate.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
