package dev.strata.bootstrap.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.bootstrap.support.OpenApiDocument.Operation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Makes requests that are invalid whatever the state, for one operation of an OpenAPI document:
 * each takes a plausible request for the operation and breaks it in one way that the contract
 * (API.md, the document's schemas) or HTTP/1.1 forbids. Nothing it makes may be accepted.
 * Everything comes from the {@link Random} given, so a seed replays a run.
 */
public final class InvalidRequests {

    /** A request as bytes on the wire, with what was broken in it. */
    public record Invalid(String kind, String detail, byte[] bytes) {

        /** The request's first line and kind, for a failure message. */
        public String summary() {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = text.indexOf('\r');
            String line = end < 0 ? text : text.substring(0, end);
            return kind + " (" + detail + "): " + (line.length() > 160 ? line.substring(0, 160) + "…" : line);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "DELETE", "PATCH");
    private static final String[] BAD_ESCAPES = {"%zz", "%", "%2", "%C0%AF", "%ED%A0%80", "%FF", "%F8%88%80%80%80",
        "%E2%82", "{x}", "a b", "\u00e9", "%c0%80"};
    private static final String[] BAD_CONTENT_TYPES = {"???", "application/json; charset", "/json", "application/",
        "application/json; charset=latin1", "application/json; charset=utf-16", "text/xml", ";",
        "application/json\r\nContent-Type: application/json"};
    private static final String[] BAD_ACCEPTS = {"???", "text/html;q=x", "/", "application/json;q=abc", "*/*;q="};
    private static final String[] BAD_CREDENTIALS = {"Basic !!!", "Basic " + base64("no-such-user:whatever-pw"),
        "Bearer not-a-token", "Bearer ", "Basic", "Digest abc", "Basic " + base64("admin")};
    private static final String[] BLANKS = {" ", "\t", "\u3000", "\u2028", "\u00a0", "  "};

    private final OpenApiDocument document;
    private final Function<String, String> pathValues;
    private final String authorization;

    /**
     * @param pathValues a value from the seeded state for each path parameter name (and
     *        {@code "/path name"} for one only some paths use), so that a broken body reaches the
     *        checks of an entity that exists
     */
    public InvalidRequests(OpenApiDocument document, Function<String, String> pathValues, String authorization) {
        this.document = document;
        this.pathValues = pathValues;
        this.authorization = authorization;
    }

    public Invalid make(Operation operation, Random random) {
        boolean hasBody = document.requestSchema(operation).isPresent();
        if (hasBody && random.nextInt(100) < 55) {
            return brokenBody(operation, random);
        }
        return switch (random.nextInt(13)) {
            case 0, 1 -> brokenPath(operation, random);
            case 2 -> brokenQuery(operation, random);
            case 3 -> brokenContentType(operation, random);
            case 4 -> brokenAccept(operation, random);
            case 5 -> bodyWithoutPlace(operation, random);
            case 6 -> wrongMethod(operation, random);
            case 7 -> badCredentials(operation, random);
            case 8 -> brokenFraming(operation, random);
            case 9 -> random.nextInt(4) == 0 ? tooLarge(operation, random) : brokenPath(operation, random);
            case 10 -> badHeaderValue(operation, random);
            default -> hasBody ? brokenBody(operation, random) : brokenPath(operation, random);
        };
    }

    // ---------------------------------------------------------------- the wire

    private Invalid brokenPath(Operation operation, Random random) {
        List<String> names = document.parameterNames(operation, "path");
        String bad = pick(random, BAD_ESCAPES);
        String path;
        if (!names.isEmpty()) {
            String name = names.get(random.nextInt(names.size()));
            path = fill(operation).replace(value(operation, name), spliced(random, value(operation, name), bad));
            if (path.equals(fill(operation))) {
                path = fill(operation) + "/" + bad;
            }
        } else {
            String filled = fill(operation);
            int slash = filled.lastIndexOf('/');
            path = filled.substring(0, slash + 1) + spliced(random, filled.substring(slash + 1), bad);
        }
        return new Invalid("path", bad, request(operation.method(), path, Map.of(), plausibleBody(operation, random)));
    }

    private Invalid brokenQuery(Operation operation, Random random) {
        String bad = pick(random, new String[] {"%zz", "%", "%C0%AF", "%ED%A0%80", "%FF", "%E2%82", "\u00e9"});
        List<String> names = document.parameterNames(operation, "query");
        String name = names.isEmpty() ? "x" : names.get(random.nextInt(names.size()));
        return new Invalid("query", bad, request(operation.method(), fill(operation) + "?" + name + "=a" + bad,
                Map.of(), plausibleBody(operation, random)));
    }

    private Invalid brokenContentType(Operation operation, Random random) {
        String type = pick(random, BAD_CONTENT_TYPES);
        byte[] body = plausibleBody(operation, random);
        if (body == null && type.equals("text/xml")) {
            // text/xml on a request without a body is not wrong; a malformed type is wrong anywhere
            type = "???";
        }
        return new Invalid("content-type", type, request(operation.method(), fill(operation),
                Map.of("Content-Type", type), body));
    }

    private Invalid brokenAccept(Operation operation, Random random) {
        String accept = pick(random, BAD_ACCEPTS);
        return new Invalid("accept", accept, request(operation.method(), fill(operation), Map.of("Accept", accept),
                plausibleBody(operation, random)));
    }

    private Invalid bodyWithoutPlace(Operation operation, Random random) {
        String method = operation.method().equals("GET") || operation.method().equals("DELETE") ? operation.method()
                : random.nextBoolean() ? "GET" : "DELETE";
        if (!document.operation(method, operation.path()).isPresent()) {
            return wrongMethod(operation, random);
        }
        byte[] body = random.nextBoolean() ? "{}".getBytes(StandardCharsets.UTF_8)
                : "{\"x\": 1}".getBytes(StandardCharsets.UTF_8);
        return new Invalid("body-on-" + method.toLowerCase(Locale.ROOT), "", request(method, fill(operation),
                Map.of("Content-Type", "application/json"), body));
    }

    private Invalid wrongMethod(Operation operation, Random random) {
        List<String> wrong = new ArrayList<>();
        for (String method : METHODS) {
            if (document.operation(method, operation.path()).isEmpty()) {
                wrong.add(method);
            }
        }
        wrong.add("FOO");
        wrong.add("TRACE");
        String method = wrong.get(random.nextInt(wrong.size()));
        byte[] body = method.equals("PUT") || method.equals("POST") || method.equals("PATCH")
                ? "{}".getBytes(StandardCharsets.UTF_8) : null;
        return new Invalid("method", method, request(method, fill(operation), body == null ? Map.of()
                : Map.of("Content-Type", "application/json"), body));
    }

    private Invalid badCredentials(Operation operation, Random random) {
        if (isPublic(operation)) {
            return brokenPath(operation, random);
        }
        String credentials = pick(random, BAD_CREDENTIALS);
        return new Invalid("credentials", credentials.split(" ")[0], request(operation.method(), fill(operation),
                Map.of("Authorization", credentials), plausibleBody(operation, random), true));
    }

    private Invalid brokenFraming(Operation operation, Random random) {
        String path = fill(operation);
        String auth = "Authorization: " + authorization + "\r\n";
        String line = operation.method() + " " + path + " HTTP/1.1\r\n";
        int variant = random.nextInt(8);
        String raw = switch (variant) {
            case 0 -> line + auth + "\r\n"; // no Host
            case 1 -> line + "Host: strata\r\n" + auth + "Content-Length: abc\r\n\r\n";
            case 2 -> line + "Host: strata\r\n" + auth + "Content-Length: -5\r\n\r\n";
            case 3 -> line + "Host: strata\r\n" + auth + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n";
            case 4 -> line + "Host: strata\r\n" + auth + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}";
            case 5 -> operation.method() + " " + path + " HTTP/1.1 extra\r\nHost: strata\r\n" + auth + "\r\n";
            case 6 -> operation.method() + " " + path + " HTTX/1.1\r\nHost: strata\r\n" + auth + "\r\n";
            default -> line + "Host: strata\r\n" + auth + "Bad Header Line\r\n\r\n";
        };
        String[] names = {"no Host", "Content-Length abc", "Content-Length -5", "bad chunk size",
            "two Content-Lengths", "extra word in the request line", "unknown protocol", "header line without colon"};
        return new Invalid("framing", names[variant], raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    private Invalid tooLarge(Operation operation, Random random) {
        int kind = random.nextInt(3);
        if (kind == 0) {
            int size = 8_200 + random.nextInt(70_000);
            return new Invalid("header-size", Integer.toString(size), request(operation.method(), fill(operation),
                    Map.of("X-Fuzz", "a".repeat(size)), plausibleBody(operation, random)));
        }
        if (kind == 1) {
            int size = 8_200 + random.nextInt(20_000);
            return new Invalid("line-size", Integer.toString(size), request(operation.method(),
                    fill(operation) + "?x=" + "a".repeat(size), Map.of(), plausibleBody(operation, random)));
        }
        if (!document.requestSchema(operation).isPresent()) {
            return bodyWithoutPlace(operation, random);
        }
        byte[] huge = ("{\"x\": \"" + "a".repeat((1 << 20) + random.nextInt(1000)) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        return new Invalid("body-size", Integer.toString(huge.length), request(operation.method(), fill(operation),
                Map.of("Content-Type", "application/json"), huge));
    }

    private Invalid badHeaderValue(Operation operation, Random random) {
        if (document.parameterNames(operation, "header").contains("If-Match")) {
            String tag = pick(random, new String[] {"W/\"1\"", "W/\"2\"", "\"x\"", "1", "\"\"", "\"1", "W/*"});
            return new Invalid("if-match", tag, request(operation.method(), fill(operation),
                    Map.of("If-Match", tag), plausibleBody(operation, random)));
        }
        return brokenAccept(operation, random);
    }

    // ---------------------------------------------------------------- bodies

    private Invalid brokenBody(Operation operation, Random random) {
        JsonNode schema = document.schema(document.requestSchema(operation).orElseThrow());
        ObjectNode body = plausible(schema, random);
        Map<String, JsonNode> properties = properties(schema);
        List<String> names = new ArrayList<>(properties.keySet());
        int choice = random.nextInt(12);
        if (names.isEmpty()) {
            choice = 11;
        }
        String name = names.isEmpty() ? "" : names.get(random.nextInt(names.size()));
        JsonNode property = properties.get(name);
        String type = property == null ? "" : property.path("type").asText();
        switch (choice) {
            case 0, 1 -> {
                if (!type.isEmpty()) {
                    body.set(name, wrongType(type, random));
                    return body("wrong-type", name + " not " + type, operation, bytes(body));
                }
            }
            case 2 -> {
                List<String> required = new ArrayList<>();
                schema.path("required").forEach(r -> required.add(r.asText()));
                if (!required.isEmpty()) {
                    String missing = required.get(random.nextInt(required.size()));
                    body.remove(missing);
                    return body("missing", missing, operation, bytes(body));
                }
            }
            case 3 -> {
                Invalid out = outOfRange(operation, body, properties, random);
                if (out != null) {
                    return out;
                }
            }
            case 4 -> {
                String text = textProperty(properties, random);
                if (text != null) {
                    body.put(text, "MARK");
                    String escape = pick(random, new String[] {"\\ud800", "\\udfff", "a\\ud83dx", "\\ude00\\ud83d"});
                    return body("lone-surrogate", text, operation, splice(bytes(body), "MARK",
                            escape.getBytes(StandardCharsets.US_ASCII)));
                }
            }
            case 5 -> {
                String text = textProperty(properties, random);
                if (text != null) {
                    body.put(text, "MARK");
                    byte[] broken = pick(random, new byte[][] {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xFF},
                        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0x80},
                        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {0}});
                    return body("bad-utf8", text, operation, splice(bytes(body), "MARK", broken));
                }
            }
            case 6 -> {
                String id = idProperty(operation, properties, random);
                if (id != null) {
                    body.put(id, pick(random, BLANKS));
                    return body("blank-id", id, operation, bytes(body));
                }
            }
            case 7 -> {
                String time = formatted(properties, "date-time", random);
                if (time != null) {
                    body.put(time, pick(random, new String[] {"+10000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
                        "-0001-01-01T00:00:00Z", "2027-13-01T00:00:00Z", "2027-01-01", "tomorrow",
                        "2027-01-01T00:00:00+25:00"}));
                    return body("bad-time", time, operation, bytes(body));
                }
            }
            case 8 -> {
                String text = lengthLimited(properties, random);
                if (text != null) {
                    int max = properties.get(text).path("maxLength").asInt();
                    body.put(text, "a".repeat(max + 1 + random.nextInt(3)));
                    return body("too-long", text, operation, bytes(body));
                }
            }
            case 9 -> {
                String enumerated = enumerated(properties, random);
                if (enumerated != null) {
                    body.put(enumerated, "NotAValue");
                    return body("not-in-enum", enumerated, operation, bytes(body));
                }
            }
            default -> {
                // below
            }
        }
        return malformedJson(operation, body, random);
    }

    private Invalid malformedJson(Operation operation, ObjectNode body, Random random) {
        String text = body.toString();
        String broken = switch (random.nextInt(9)) {
            case 0 -> text.substring(0, Math.max(1, text.length() - 1 - random.nextInt(Math.max(1, text.length() - 1))));
            case 1 -> text + "}";
            case 2 -> text + " {}";
            case 3 -> body.size() == 0 ? "{\"a\": 1, \"a\": 2}"
                    : "{" + JSON.valueToTree(body.fieldNames().next()) + ": 1, " + text.substring(1);
            case 4 -> "[" + text + "]";
            case 5 -> pick(random, new String[] {"1", "\"x\"", "true", "null", "[]"});
            case 6 -> "[".repeat(3000 + random.nextInt(3000));
            case 7 -> "{\"a\": " + "[".repeat(2000) + "]".repeat(2000) + "}";
            default -> text.contains("\"") ? text.replace("\"", "'") : text + "}";
        };
        return body("malformed-json", broken.length() > 30 ? broken.substring(0, 30) : broken, operation,
                broken.getBytes(StandardCharsets.UTF_8));
    }

    private Invalid outOfRange(Operation operation, ObjectNode body, Map<String, JsonNode> properties, Random random) {
        List<String> integers = properties.entrySet().stream()
                .filter(e -> e.getValue().path("type").asText().equals("integer")).map(Map.Entry::getKey).toList();
        if (integers.isEmpty()) {
            return null;
        }
        String name = integers.get(random.nextInt(integers.size()));
        JsonNode property = properties.get(name);
        List<String> bad = new ArrayList<>(List.of("99999999999999999999999", "1.5", "1e400", "-1e400"));
        if (property.has("minimum")) {
            bad.add(Long.toString(property.get("minimum").asLong() - 1));
            bad.add("-9223372036854775808");
        }
        if (property.has("maximum")) {
            bad.add(Long.toString(property.get("maximum").asLong() + 1));
            bad.add("9223372036854775807");
        }
        if (property.path("format").asText().equals("int32")) {
            bad.add("2147483648");
        }
        String value = bad.get(random.nextInt(bad.size()));
        body.put(name, "MARK");
        return body("out-of-range", name + "=" + value, operation, splice(bytes(body), "\"MARK\"",
                value.getBytes(StandardCharsets.US_ASCII)));
    }

    private Invalid body(String kind, String detail, Operation operation, byte[] body) {
        return new Invalid(kind, detail, request(operation.method(), fill(operation),
                Map.of("Content-Type", "application/json"), body));
    }

    private static JsonNode wrongType(String type, Random random) {
        List<JsonNode> wrong = switch (type) {
            case "string" -> List.of(JSON.valueToTree(7), JSON.valueToTree(true), JSON.createArrayNode(),
                    JSON.createObjectNode(), JSON.valueToTree(1.5));
            case "integer" -> List.of(JSON.valueToTree("7x"), JSON.valueToTree(1.5), JSON.valueToTree(true),
                    JSON.createArrayNode(), JSON.createObjectNode());
            case "boolean" -> List.of(JSON.valueToTree("true"), JSON.valueToTree(1), JSON.createArrayNode(),
                    JSON.createObjectNode());
            case "array" -> List.of(JSON.valueToTree("x"), JSON.valueToTree(1), JSON.createObjectNode(),
                    JSON.valueToTree(true));
            default -> List.of(JSON.valueToTree("x"), JSON.valueToTree(1), JSON.createArrayNode());
        };
        return wrong.get(random.nextInt(wrong.size()));
    }

    /** A body the operation could take: required properties and some others, with plausible values. */
    private ObjectNode plausible(JsonNode schema, Random random) {
        ObjectNode body = JSON.createObjectNode();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        properties(schema).forEach((name, property) -> {
            if (required.contains(name) || random.nextInt(3) == 0) {
                JsonNode value = plausibleValue(name, property);
                if (value != null) {
                    body.set(name, value);
                }
            }
        });
        return body;
    }

    private JsonNode plausibleValue(String name, JsonNode property) {
        if (property.has("enum") && property.get("enum").size() > 0) {
            return property.get("enum").get(0);
        }
        return switch (property.path("type").asText()) {
            case "string" -> JSON.valueToTree(switch (property.path("format").asText()) {
                case "uuid" -> UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
                case "date-time" -> "2030-01-01T00:00:00Z";
                case "password" -> "fuzz-password-1";
                default -> "fuzz";
            });
            case "integer" -> JSON.valueToTree(Math.max(1, property.path("minimum").asLong(1)));
            case "boolean" -> JSON.valueToTree(true);
            case "array" -> JSON.createArrayNode();
            case "object" -> JSON.createObjectNode();
            default -> null;
        };
    }

    private byte[] plausibleBody(Operation operation, Random random) {
        return document.requestSchema(operation)
                .map(schema -> bytes(plausible(document.schema(schema), random)))
                .orElse(null);
    }

    private Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> properties = new java.util.LinkedHashMap<>();
        schema.path("properties").fields().forEachRemaining(p -> properties.put(p.getKey(), document.schema(p.getValue())));
        return properties;
    }

    private static String textProperty(Map<String, JsonNode> properties, Random random) {
        return any(properties, p -> p.path("type").asText().equals("string") && !p.has("enum"), random);
    }

    private static String formatted(Map<String, JsonNode> properties, String format, Random random) {
        return any(properties, p -> p.path("format").asText().equals(format), random);
    }

    private static String lengthLimited(Map<String, JsonNode> properties, Random random) {
        return any(properties, p -> p.path("type").asText().equals("string") && p.has("maxLength"), random);
    }

    private static String enumerated(Map<String, JsonNode> properties, Random random) {
        return any(properties, p -> p.has("enum"), random);
    }

    /**
     * A property holding an id, where blank is never "none": a uuid, or a name ending in id. The
     * registration of a backend's {@code hostId} is a free label, not an id.
     */
    private static String idProperty(Operation operation, Map<String, JsonNode> properties, Random random) {
        List<String> ids = new ArrayList<>();
        properties.forEach((name, p) -> {
            boolean id = p.path("format").asText().equals("uuid") || name.equals("tenant_id") || name.equals("auth_id")
                    || name.equals("tenantId") || name.equals("volId") || name.equals("hostId");
            if (id && p.path("type").asText().equals("string") && !operation.path().startsWith("/backends")) {
                ids.add(name);
            }
        });
        return ids.isEmpty() ? null : ids.get(random.nextInt(ids.size()));
    }

    private static String any(Map<String, JsonNode> properties, java.util.function.Predicate<JsonNode> test,
                              Random random) {
        List<String> names = properties.entrySet().stream().filter(e -> test.test(e.getValue()))
                .map(Map.Entry::getKey).toList();
        return names.isEmpty() ? null : names.get(random.nextInt(names.size()));
    }

    // ---------------------------------------------------------------- paths and bytes

    private boolean isPublic(Operation operation) {
        JsonNode security = operation.node().get("security");
        return security != null && security.isArray() && security.isEmpty();
    }

    private String value(Operation operation, String name) {
        String specific = pathValues.apply(operation.path() + " " + name);
        return specific != null ? specific : pathValues.apply(name);
    }

    /** The operation's path with each parameter replaced by its seeded value. */
    public String fill(Operation operation) {
        String path = operation.path();
        for (String name : document.parameterNames(operation, "path")) {
            path = path.replace("{" + name + "}", value(operation, name));
        }
        return path;
    }

    private static String spliced(Random random, String value, String bad) {
        int at = value.isEmpty() ? 0 : random.nextInt(value.length() + 1);
        return value.substring(0, at) + bad + value.substring(at);
    }

    private byte[] request(String method, String target, Map<String, String> headers, byte[] body) {
        return request(method, target, headers, body, false);
    }

    private byte[] request(String method, String target, Map<String, String> headers, byte[] body,
                           boolean ownCredentials) {
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: strata\r\n");
        if (!ownCredentials) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            if (!headers.containsKey("Content-Type")) {
                head.append("Content-Type: application/json\r\n");
            }
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // the request line and headers as their bytes: a raw non-ASCII character stays one byte
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(JsonNode body) {
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] splice(byte[] text, String mark, byte[] replacement) {
        String asText = new String(text, StandardCharsets.ISO_8859_1);
        int at = asText.indexOf(mark);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(text, 0, at);
        out.writeBytes(replacement);
        out.write(text, at + mark.length(), text.length - at - mark.length());
        return out.toByteArray();
    }

    private static <T> T pick(Random random, T[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static String base64(String text) {
        return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
