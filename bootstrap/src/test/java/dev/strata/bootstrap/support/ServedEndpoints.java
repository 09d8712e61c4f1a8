package dev.strata.bootstrap.support;

import dev.strata.adapters.rest.RestApi;
import dev.strata.application.Settings;
import dev.strata.bootstrap.Wiring;
import dev.strata.domain.access.AuthMode;
import dev.strata.domain.node.OvercommitLimit;
import java.nio.file.Path;
import java.time.Clock;
import java.util.SortedMap;
import org.glassfish.jersey.server.model.ResourceMethod;

/** The endpoints of the application the server runs, from Jersey's model of the same wiring. */
public final class ServedEndpoints {

    private ServedEndpoints() {
    }

    /** {@code "METHOD /path"} to the method serving it; {@code scratch} holds a database file never opened. */
    public static SortedMap<String, ResourceMethod> of(Path scratch) {
        try (Wiring wiring = Wiring.create(scratch.resolve("model.db"), new Settings(AuthMode.LOCAL, OvercommitLimit.DEFAULT),
                Clock.systemUTC())) {
            return RestApi.resourceMethods(wiring.restApi());
        }
    }
}
