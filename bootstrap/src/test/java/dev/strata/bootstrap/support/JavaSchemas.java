package dev.strata.bootstrap.support;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.type.TypeFactory;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares a Java type with the schema documenting it, as the API's Jackson configuration reads or
 * writes that type: the same property names and JSON types, through nested records, lists and maps.
 * For what the server writes, every property Jackson always writes must also be {@code required}.
 */
public final class JavaSchemas {

    /** Whether the server reads the type (a request body) or writes it (an answer). */
    public enum Direction { READ, WRITE }

    private static final Set<Class<?>> INTEGERS = Set.of(int.class, long.class, short.class, byte.class,
            Integer.class, Long.class, Short.class, Byte.class, BigInteger.class);

    private final ObjectMapper mapper;
    private final OpenApiDocument document;

    public JavaSchemas(ObjectMapper mapper, OpenApiDocument document) {
        this.mapper = mapper;
        this.document = document;
    }

    /**
     * Whether the Java type says what goes over the wire. A {@code Response}, a stream, raw bytes or a
     * {@code JsonNode} may carry anything: those operations need a real call to check them.
     */
    public static boolean describes(Type type) {
        Class<?> raw = TypeFactory.rawClass(type);
        return raw != void.class && raw != Response.class && raw != StreamingOutput.class && raw != byte[].class
                && !JsonNode.class.isAssignableFrom(raw);
    }

    /** What differs, each naming where; empty when the schema fits the type. */
    public List<String> compare(Type type, JsonNode schema, Direction direction, String where) {
        List<String> problems = new ArrayList<>();
        compare(mapper.constructType(type), schema, direction, where, problems);
        return problems;
    }

    private void compare(JavaType type, JsonNode reference, Direction direction, String where, List<String> problems) {
        if (type.isTypeOrSubTypeOf(JsonNode.class) || type.getRawClass() == Object.class) {
            return;
        }
        JsonNode schema = document.schema(reference);
        String expected = jsonType(type);
        String documented = schema.path("type").asText("(none)");
        if (!expected.equals(documented)) {
            problems.add(where + ": the code has " + type.getRawClass().getSimpleName() + ", JSON " + expected
                    + "; the document says " + documented);
            return;
        }
        if (type.isCollectionLikeType() || type.isArrayType()) {
            compare(type.getContentType(), schema.path("items"), direction, where + "[]", problems);
        } else if (type.isMapLikeType()) {
            if (schema.has("additionalProperties")) {
                compare(type.getContentType(), schema.get("additionalProperties"), direction, where + "{}", problems);
            } else {
                schema.path("properties").fields().forEachRemaining(property -> compare(type.getContentType(),
                        property.getValue(), direction, where + "." + property.getKey(), problems));
            }
        } else if (expected.equals("object")) {
            compareProperties(type, schema, direction, where, problems);
        }
    }

    private void compareProperties(JavaType type, JsonNode schema, Direction direction, String where,
                                   List<String> problems) {
        BeanDescription bean = direction == Direction.READ ? mapper.getDeserializationConfig().introspect(type)
                : mapper.getSerializationConfig().introspect(type);
        Map<String, BeanPropertyDefinition> properties = new TreeMap<>();
        for (BeanPropertyDefinition property : bean.findProperties()) {
            if (direction == Direction.READ ? property.couldDeserialize() : property.couldSerialize()) {
                properties.put(property.getName(), property);
            }
        }
        Set<String> documented = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(documented::add);
        String verb = direction == Direction.READ ? "reads" : "writes";
        Set<String> undocumented = new TreeSet<>(properties.keySet());
        undocumented.removeAll(documented);
        Set<String> unknown = new TreeSet<>(documented);
        unknown.removeAll(properties.keySet());
        if (!undocumented.isEmpty()) {
            problems.add(where + ": Jackson " + verb + " " + undocumented + " of " + type.getRawClass().getSimpleName()
                    + ", which the document lacks");
        }
        if (!unknown.isEmpty()) {
            problems.add(where + ": the document has " + unknown + ", which Jackson never " + verb + " for "
                    + type.getRawClass().getSimpleName());
        }
        Set<String> required = new TreeSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        JsonInclude.Value classInclusion = bean.findPropertyInclusion(JsonInclude.Value.empty());
        properties.forEach((name, property) -> {
            if (documented.contains(name)) {
                compare(property.getPrimaryType(), schema.path("properties").get(name), direction, where + "." + name,
                        problems);
            }
            if (direction == Direction.WRITE && alwaysWritten(property, classInclusion) && !required.contains(name)) {
                problems.add(where + "." + name + ": Jackson always writes it, so it belongs in required");
            }
        });
    }

    private boolean alwaysWritten(BeanPropertyDefinition property, JsonInclude.Value classInclusion) {
        JsonInclude.Include inclusion = mapper.getSerializationConfig().getDefaultPropertyInclusion()
                .withOverrides(classInclusion).withOverrides(property.findInclusion()).getValueInclusion();
        return switch (inclusion) {
            case ALWAYS, USE_DEFAULTS -> true;
            case NON_NULL, NON_ABSENT -> property.getPrimaryType().isPrimitive();
            default -> false;
        };
    }

    private static String jsonType(JavaType type) {
        Class<?> raw = type.getRawClass();
        if (type.isCollectionLikeType() || type.isArrayType()) {
            return "array";
        }
        if (type.isMapLikeType()) {
            return "object";
        }
        if (CharSequence.class.isAssignableFrom(raw) || raw.isEnum()) {
            return "string";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "boolean";
        }
        if (INTEGERS.contains(raw)) {
            return "integer";
        }
        if (raw.isPrimitive() || Number.class.isAssignableFrom(raw)) {
            return "number";
        }
        return "object";
    }
}
