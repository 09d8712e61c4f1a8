package dev.strata.adapters.rest.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.adapters.rest.http.Json;
import dev.strata.adapters.rest.http.Public;
import dev.strata.application.BuildInfo;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.json}: the OpenAPI description of the API. The document is written by hand
 * beside this class, so that it says what a client needs to know (tenant prefixes, arrays of one,
 * idempotent creates), and a system test holds it to the code; only {@code info.version} comes from
 * the running build.
 */
@Path("openapi.json")
@Produces(MediaType.APPLICATION_JSON)
public final class OpenApiResource {

    /** Where the document lies on the class path. */
    private static final String DOCUMENT = "/dev/strata/adapters/rest/openapi.json";

    private final byte[] document;

    public OpenApiResource(BuildInfo build) {
        this.document = load(build.version());
    }

    @GET
    @Public
    public byte[] document() {
        return document;
    }

    /** Read once at start: a document that is missing or not JSON is a broken build, not a runtime error. */
    private static byte[] load(String version) {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing from the build");
            }
            ObjectNode tree = (ObjectNode) Json.mapper().readTree(in);
            tree.withObjectProperty("info").put("version", version);
            return Json.mapper().writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DOCUMENT, e);
        }
    }
}
