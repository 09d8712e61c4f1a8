package dev.strata.adapters.rest.provisioner;

import static dev.strata.adapters.rest.http.CallerContext.caller;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.rest.http.Bodies;
import dev.strata.adapters.rest.http.Json;
import dev.strata.adapters.rest.http.Outcome;
import dev.strata.adapters.rest.http.PathIds;
import dev.strata.application.port.in.Created;
import dev.strata.application.port.in.volume.ChangeVolumeCommand;
import dev.strata.application.port.in.volume.ChangeVolumeUseCase;
import dev.strata.application.port.in.volume.CreateVolumeUseCase;
import dev.strata.application.port.in.volume.DeleteVolumeUseCase;
import dev.strata.application.port.in.volume.GetVolumeUseCase;
import dev.strata.application.port.in.volume.ListVolumesQuery;
import dev.strata.application.port.in.volume.ListVolumesUseCase;
import dev.strata.application.port.in.volume.StreamVolumesUseCase;
import dev.strata.application.port.in.volume.VolumePage;
import dev.strata.application.port.in.volume.VolumeRef;
import dev.strata.domain.Bytes;
import dev.strata.domain.DomainException;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.Volume;
import dev.strata.domain.volume.VolumeId;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.OutputStream;
import java.math.BigInteger;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** {@code [t]/volumes}: create, list (paged, or streamed whole), read, grow or rename, delete. */
@Path(TenantPrefix.TEMPLATE + "volumes")
@Produces(MediaType.APPLICATION_JSON)
public final class VolumeResource {

    private final InstantSource clock;
    private static final Pattern DIGITS = Pattern.compile("\\s*\\+?[0-9]{1,30}\\s*");

    private final CreateVolumeUseCase create;
    private final ListVolumesUseCase listPage;
    private final StreamVolumesUseCase listAll;
    private final GetVolumeUseCase get;
    private final ChangeVolumeUseCase change;
    private final DeleteVolumeUseCase delete;

    public VolumeResource(CreateVolumeUseCase create, ListVolumesUseCase listPage, StreamVolumesUseCase listAll,
                          GetVolumeUseCase get, ChangeVolumeUseCase change, DeleteVolumeUseCase delete) {
        this(create, listPage, listAll, get, change, delete, InstantSource.system());
    }

    /** @param clock what "now" is for a replica's time in its state */
    public VolumeResource(CreateVolumeUseCase create, ListVolumesUseCase listPage, StreamVolumesUseCase listAll,
                          GetVolumeUseCase get, ChangeVolumeUseCase change, DeleteVolumeUseCase delete,
                          InstantSource clock) {
        this.clock = clock;
        this.create = create;
        this.listPage = listPage;
        this.listAll = listAll;
        this.get = get;
        this.change = change;
        this.delete = delete;
    }

    @POST
    public Response create(@Context SecurityContext security, @Context UriInfo uri, @PathParam("tenant") String tenant,
                           VolumeCreation body) {
        Created<Volume> created = create.create(caller(security),
                Bodies.required(body).toCommand(TenantPrefix.named(tenant)));
        return created(uri, tenant, created, clock.instant());
    }

    /** A new volume: 201 with its Location; an equal request again: 200 with the volume it made. */
    static Response created(UriInfo uri, String tenant, Created<Volume> created) {
        return created(uri, tenant, created, created.value().createdAt());
    }

    static Response created(UriInfo uri, String tenant, Created<Volume> created, java.time.Instant now) {
        VolumeJson json = VolumeJson.from(now, created.value());
        if (!created.isNew()) {
            return Response.ok(json).build();
        }
        return Response.created(uri.getBaseUriBuilder().path(TenantPrefix.of(tenant) + "volumes").path(json.uuid())
                .build()).entity(json).build();
    }

    /**
     * With {@code limit}, one page and a {@code Link} to the next while more remain. Without, every
     * volume, written as it is read from the database: the list never sits in memory.
     */
    @GET
    public Response list(@Context SecurityContext security, @Context UriInfo uri, @PathParam("tenant") String tenant,
                         @QueryParam("limit") String limit, @QueryParam("after") String after) {
        Optional<TenantId> named = TenantPrefix.named(tenant);
        Optional<VolumeId> afterId = Optional.ofNullable(after).filter(a -> !a.isEmpty())
                .map(a -> VolumeId.parse("after", a));
        if (limit == null) {
            Stream<Volume> all = listAll.stream(caller(security), named, afterId);
            StreamingOutput body = out -> write(all, out);
            return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
        }
        VolumePage page = listPage.page(caller(security), new ListVolumesQuery(named, afterId, limit(limit)));
        Response.ResponseBuilder response = Response.ok(page.volumes().stream()
                .map(v -> VolumeJson.from(clock.instant(), v)).toList());
        if (page.more()) {
            String last = page.volumes().get(page.volumes().size() - 1).id().value();
            response.header("Link", "<" + uri.getRequestUriBuilder().replaceQueryParam("after", last).build()
                    + ">; rel=\"next\"");
        }
        return response.build();
    }

    private void write(Stream<Volume> all, OutputStream out) throws java.io.IOException {
        try (all; JsonGenerator json = Json.mapper().getFactory().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartArray();
            // Jackson flushes after each value by default: a TLS record and a syscall per volume.
            var writer = Json.mapper().writerFor(VolumeJson.class)
                    .without(com.fasterxml.jackson.databind.SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
            var iterator = all.iterator();
            while (iterator.hasNext()) {
                writer.writeValue(json, VolumeJson.from(clock.instant(), iterator.next()));
            }
            json.writeEndArray();
        }
    }

    private static int limit(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw DomainException.invalidInput("limit must be an integer between 1 and " + ListVolumesQuery.MAX_LIMIT);
        }
    }

    /** An array of one, as every provisioner read answers. */
    @GET
    @Path("{uuid}")
    public List<VolumeJson> get(@Context SecurityContext security, @PathParam("tenant") String tenant,
                                @PathParam("uuid") String uuid) {
        return List.of(VolumeJson.from(clock.instant(), get.get(caller(security), ref(tenant, uuid))));
    }

    /** {@code {newCapacity}} (GiB, a number or a numeric string) grows the volume; {@code {alias}} renames it. */
    @PATCH
    @Path("{uuid}")
    public VolumeJson change(@Context SecurityContext security, @PathParam("tenant") String tenant,
                             @PathParam("uuid") String uuid, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw DomainException.invalidInput("a JSON object request body is required");
        }
        VolumeRef ref = ref(tenant, uuid);
        Optional<Long> newCapacity = Optional.ofNullable(body.get("newCapacity")).filter(n -> !n.isNull())
                .map(VolumeResource::gib).map(gib -> Bytes.ofGiB("newCapacity", gib));
        JsonNode alias = body.get("alias");
        if (alias != null && !alias.isNull() && !alias.isTextual()) {
            throw DomainException.invalidInput("field 'alias' must be a string");
        }
        Optional<String> newAlias = Optional.ofNullable(alias).filter(JsonNode::isTextual).map(JsonNode::textValue);
        return VolumeJson.from(clock.instant(), change.change(caller(security),
                new ChangeVolumeCommand(ref, newCapacity, newAlias)));
    }

    private static long gib(JsonNode value) {
        BigInteger gib;
        if (value.isIntegralNumber()) {
            gib = value.bigIntegerValue();
        } else if (value.isTextual() && DIGITS.matcher(value.textValue()).matches()) {
            gib = new BigInteger(value.textValue().strip().replace("+", ""));
        } else {
            throw DomainException.invalidInput("field 'newCapacity' must be a whole number of GiB");
        }
        if (gib.bitLength() > 62) {
            throw DomainException.invalidInput("field 'newCapacity' is out of range");
        }
        return gib.longValueExact();
    }

    @DELETE
    @Path("{uuid}")
    public Outcome delete(@Context SecurityContext security, @PathParam("tenant") String tenant,
                          @PathParam("uuid") String uuid) {
        delete.delete(caller(security), ref(tenant, uuid));
        return Outcome.success("volume " + uuid + " deleted");
    }

    static VolumeRef ref(String tenant, String uuid) {
        return new VolumeRef(TenantPrefix.named(tenant), PathIds.volume(uuid));
    }
}
