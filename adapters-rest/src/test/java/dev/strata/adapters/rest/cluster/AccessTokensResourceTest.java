package dev.strata.adapters.rest.cluster;

import static dev.strata.adapters.rest.support.Unexpected.useCase;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.rest.support.Reply;
import dev.strata.adapters.rest.support.RestServer;
import dev.strata.adapters.rest.support.Samples;
import dev.strata.application.Page;
import dev.strata.application.port.in.access.AccessTokenView;
import dev.strata.application.port.in.access.CreateAccessTokenUseCase;
import dev.strata.application.port.in.access.DeleteAccessTokenUseCase;
import dev.strata.application.port.in.access.GetAccessTokenUseCase;
import dev.strata.application.port.in.access.IdentityRef;
import dev.strata.application.port.in.access.IssuedAccessToken;
import dev.strata.application.port.in.access.ListAccessTokensUseCase;
import dev.strata.application.port.in.access.ModifyAccessTokenUseCase;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.access.UserId;
import dev.strata.domain.access.UserName;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@code /v1/auth/access-tokens/} over HTTP against stubbed token use cases. */
class AccessTokensResourceTest {

    private static final AccessTokenView VIEW = new AccessTokenView(Samples.token(), Samples.user(), Optional.empty());

    private CreateAccessTokenUseCase create = useCase(CreateAccessTokenUseCase.class);
    private ListAccessTokensUseCase list = useCase(ListAccessTokensUseCase.class);
    private GetAccessTokenUseCase get = useCase(GetAccessTokenUseCase.class);
    private ModifyAccessTokenUseCase modify = useCase(ModifyAccessTokenUseCase.class);
    private DeleteAccessTokenUseCase delete = useCase(DeleteAccessTokenUseCase.class);

    private RestServer serve() {
        return RestServer.serving(new AccessTokensResource(create, list, get, modify, delete));
    }

    @Test
    void issuesATokenForAnIdentityWithAnExpiryAndShowsTheSecretOnce() {
        AtomicReference<String> asked = new AtomicReference<>();
        create = (caller, user, expires) -> {
            asked.set(user.name().map(UserName::value).orElse("?") + " until " + expires.orElseThrow());
            if (user.name().isEmpty()) {
                throw new DomainException(ErrorCode.TOO_MANY_ACCESS_TOKENS, "a user has at most 2 access tokens");
            }
            return new IssuedAccessToken(VIEW, "access-v1:secret");
        };
        try (RestServer server = serve()) {
            Reply reply = server.post("/v1/auth/access-tokens/",
                    "{\"user\": {\"name\": \"alice\"}, \"expiration_time\": \"2026-05-01T10:00:00.5+02:00\"}");

            JsonNode issued = reply.expect(201);
            assertThat(issued.path("id").asText()).isEqualTo("tok-1");
            assertThat(issued.path("bearer_token").asText()).isEqualTo("access-v1:secret");
            assertThat(reply.header("Location"))
                    .isEqualTo("http://127.0.0.1:" + server.port() + "/v1/auth/access-tokens/tok-1");
            assertThat(asked.get()).isEqualTo("alice until 2026-05-01T08:00:00.500Z");

            JsonNode third = server.post("/v1/auth/access-tokens/",
                    "{\"user\": {\"auth_id\": \"501\"}, \"expiration_time\": \"2026-05-01T10:00:00Z\"}")
                    .expectError(400, "TooManyAccessTokens");
            assertThat(third.path("error_class").asText()).isEqualTo("too_many_access_tokens_error");

            JsonNode badTime = server.post("/v1/auth/access-tokens/",
                    "{\"user\": {\"name\": \"alice\"}, \"expiration_time\": \"tomorrow\"}")
                    .expectError(400, "InvalidInput");
            assertThat(badTime.path("description").asText()).contains("expiration_time");
        }
    }

    @Test
    void listsAPageWithTheNextPagesPathAndQuery() {
        AtomicReference<String> asked = new AtomicReference<>();
        list = (caller, user, after, limit) -> {
            asked.set(user.flatMap(IdentityRef::authId).map(UserId::value).orElse("-") + " after '" + after
                    + "' limit " + limit);
            return after.isEmpty() ? new Page<>(List.of(VIEW), Optional.of("tok-1"))
                    : new Page<>(List.of(), Optional.empty());
        };
        try (RestServer server = serve()) {
            JsonNode first = server.get("/v1/auth/access-tokens/?user=auth_id%3A501&limit=1").expect(200);
            assertThat(asked.get()).isEqualTo("501 after '' limit 1");
            JsonNode entry = first.path("entries").get(0);
            assertThat(entry.path("id").asText()).isEqualTo("tok-1");
            assertThat(entry.path("user").path("name").asText()).isEqualTo("alice");
            assertThat(entry.path("creation_time").asText()).isEqualTo(Samples.NOW.toString());
            assertThat(entry.path("expiration_time").isNull()).isTrue();
            assertThat(entry.has("bearer_token")).isFalse();
            String next = first.path("paging").path("next").asText();
            assertThat(next).isEqualTo("/v1/auth/access-tokens?limit=1&after=tok-1&user=auth_id%3A501");

            JsonNode last = server.get(next).expect(200);
            assertThat(last.path("entries")).isEmpty();
            assertThat(last.path("paging").path("next").asText()).isEmpty();
            assertThat(asked.get()).isEqualTo("501 after 'tok-1' limit 1");

            server.get("/v1/auth/access-tokens/?limit=0").expectError(400, "InvalidInput");
        }
    }

    @Test
    void readsModifiesAndDeletesById() {
        get = (caller, id) -> {
            if (!id.equals("tok-1")) {
                throw DomainException.notExists("access token " + id + " does not exist");
            }
            return VIEW;
        };
        AtomicReference<String> modified = new AtomicReference<>();
        modify = (caller, id, expires, enabled) -> {
            modified.set(id + " " + expires + " " + enabled);
            return VIEW;
        };
        AtomicReference<String> deleted = new AtomicReference<>();
        delete = (caller, id) -> deleted.set(id);
        try (RestServer server = serve()) {
            assertThat(server.get("/v1/auth/access-tokens/tok-1").expect(200).path("enabled").asBoolean()).isTrue();
            server.get("/v1/auth/access-tokens/tok-2").expectError(404, "NotExists");

            server.patch("/v1/auth/access-tokens/tok-1", "{\"expiration_time\": null, \"enabled\": false}")
                    .expect(200);
            assertThat(modified.get()).isEqualTo("tok-1 Optional[Optional.empty] Optional[false]");
            server.patch("/v1/auth/access-tokens/tok-1", "{\"enabled\": \"no\"}").expectError(400, "InvalidInput");

            server.delete("/v1/auth/access-tokens/tok-1").expectSuccess();
        }
        assertThat(deleted.get()).isEqualTo("tok-1");
    }
}
