package dev.strata.adapters.rest;

import dev.strata.adapters.rest.error.DomainExceptionMapper;
import dev.strata.adapters.rest.error.JsonExceptionMapper;
import dev.strata.adapters.rest.error.UnexpectedExceptionMapper;
import dev.strata.adapters.rest.error.WebApplicationExceptionMapper;
import dev.strata.adapters.rest.filter.AuthenticationFilter;
import dev.strata.adapters.rest.filter.ConsoleRedirectFilter;
import dev.strata.adapters.rest.filter.RequestBodyFilter;
import dev.strata.adapters.rest.filter.RequestHeadersFilter;
import dev.strata.adapters.rest.filter.RequestIdFilter;
import dev.strata.adapters.rest.filter.TrailingSlashFilter;
import dev.strata.adapters.rest.http.ObjectMapperResolver;
import dev.strata.application.port.in.access.AuthenticateUseCase;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The HTTP API as one Jersey application: the request pipeline every endpoint shares (JSON,
 * request ids, body limits, authentication, error mapping) around resources built elsewhere. Each
 * resource takes the use cases it calls in its constructor; bootstrap builds them all, and a test
 * can start one resource alone with stubbed use cases.
 */
public final class RestApi {

    private RestApi() {
    }

    /**
     * Every endpoint the application serves, as {@code "METHOD /path"} with Jersey's path templates
     * stripped of their regular expressions ({@code {tenant: …}} becomes {@code {tenant}}), with
     * Jersey's model of the method serving it.
     */
    public static SortedMap<String, ResourceMethod> resourceMethods(ResourceConfig config) {
        SortedMap<String, ResourceMethod> methods = new TreeMap<>();
        for (Object instance : config.getInstances()) {
            if (instance.getClass().isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                collect(Resource.from(instance.getClass()), "", methods);
            }
        }
        return methods;
    }

    private static void collect(Resource resource, String prefix, Map<String, ResourceMethod> methods) {
        String path = join(prefix, resource.getPath());
        for (ResourceMethod method : resource.getResourceMethods()) {
            methods.put(method.getHttpMethod() + " " + (path.isEmpty() ? "/" : path), method);
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, methods);
        }
    }

    private static String join(String prefix, String path) {
        String part = path == null ? "" : path.replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}");
        part = part.replaceAll("^/+|/+$", "");
        if (part.isEmpty()) {
            return prefix;
        }
        return prefix + "/" + part;
    }

    /**
     * The pipeline around {@code resources}: instances of {@code @Path} classes, and of providers
     * that belong to one of them (such as the request counter the metrics endpoint reads).
     * {@code authenticate} tells the authentication filter who calls.
     */
    public static ResourceConfig resourceConfig(AuthenticateUseCase authenticate, Collection<?> resources) {
        ResourceConfig config = new ResourceConfig();
        config.setApplicationName("strata");
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.BV_FEATURE_DISABLE, true);
        config.property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        config.property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        config.property(ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED, true);

        config.register(JacksonFeature.withoutExceptionMappers());
        config.register(new ObjectMapperResolver());

        config.register(new RequestIdFilter());
        config.register(new TrailingSlashFilter());
        config.register(new RequestHeadersFilter());
        config.register(new ConsoleRedirectFilter());
        config.register(new RequestBodyFilter());
        config.register(new AuthenticationFilter(authenticate));

        config.register(new DomainExceptionMapper());
        config.register(new JsonExceptionMapper());
        config.register(new WebApplicationExceptionMapper());
        config.register(new RequestBodyFilter.Mapper());
        config.register(new UnexpectedExceptionMapper());

        for (Object resource : resources) {
            config.register(resource);
        }
        return config;
    }
}
