package dev.strata.application.service;

import static dev.strata.application.mother.HostProbes.aHost;
import static dev.strata.application.mother.NodeDeclarations.aNode;
import static dev.strata.application.mother.VolumeRequests.aVolume;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.application.contract.Ports;
import dev.strata.application.contract.Services;
import dev.strata.application.fake.InMemoryAuditLog;
import dev.strata.application.fake.MutableClock;
import dev.strata.application.mother.HostProbes;
import dev.strata.application.mother.Principals;
import dev.strata.application.port.in.Created;
import dev.strata.application.port.in.host.HostView;
import dev.strata.application.port.in.host.PublishCommand;
import dev.strata.application.port.in.host.UnpublishCommand;
import dev.strata.application.port.in.volume.VolumeRef;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.Privilege;
import dev.strata.domain.audit.AuditEvent;
import dev.strata.domain.host.Host;
import dev.strata.domain.host.HostId;
import dev.strata.domain.host.HostState;
import dev.strata.domain.node.OvercommitLimit;
import dev.strata.domain.volume.Volume;
import java.time.Duration;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class HostServiceTest {

    private final MutableClock clock = MutableClock.at("2026-05-01T10:00:00Z");
    private final Ports ports = Ports.inMemory();
    private final Services services = Services.over(ports, clock, OvercommitLimit.DEFAULT);
    private final Principal admin = Principals.admin();

    private HostView view(HostId id) {
        return services.hosts().get(admin, id);
    }

    @Test
    void aFirstProbeRegistersTheHostAndLaterOnesRenewIt() {
        HostProbes probe = aHost().named("compute-1");

        Created<Host> first = services.hosts().probe(admin, probe.build());
        clock.advance(Duration.ofSeconds(25));
        Created<Host> second = services.hosts().probe(admin, probe.named("compute-1b").every(60).build());

        assertThat(first.isNew()).isTrue();
        assertThat(second.isNew()).isFalse();
        Host host = view(probe.id()).host();
        assertThat(host.name()).isEqualTo("compute-1b");
        assertThat(host.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(host.lastProbe()).isEqualTo(clock.instant());
        assertThat(host.registeredAt()).isEqualTo(first.value().registeredAt());
        assertThat(services.hosts().list(admin, Optional.empty())).hasSize(1);
    }

    @Test
    void aHostGoesOfflineWhenTwiceItsDurationPassesWithoutAProbeAndOnlineWithTheNext() {
        HostProbes probe = aHost().every(30);
        services.hosts().probe(admin, probe.build());

        clock.advance(Duration.ofSeconds(60));
        assertThat(view(probe.id()).state()).isEqualTo(HostState.ONLINE);
        clock.advance(Duration.ofSeconds(1));
        assertThat(view(probe.id()).state()).isEqualTo(HostState.OFFLINE);
        assertThat(services.hosts().list(admin, Optional.empty())).extracting(HostView::state)
                .containsExactly(HostState.OFFLINE);

        services.hosts().probe(admin, probe.build());
        assertThat(view(probe.id()).state()).isEqualTo(HostState.ONLINE);
    }

    @Test
    void listsHostsByExactName() {
        HostProbes a = aHost().named("compute-a");
        services.hosts().probe(admin, a.build());
        services.hosts().probe(admin, aHost().named("compute-b").build());

        assertThat(services.hosts().list(admin, Optional.of("compute-a"))).extracting(v -> v.host().id())
                .containsExactly(a.id());
        assertThat(services.hosts().list(admin, Optional.of("compute"))).isEmpty();
        assertThat(services.hosts().list(admin, Optional.empty())).hasSize(2);
    }

    @Test
    void refusesAnNqnThatAnotherHostHoldsAndChangesNothing() {
        HostProbes first = aHost().withNqn("nqn.2014-08.com.example:shared");
        services.hosts().probe(admin, first.build());

        assertRefused(() -> services.hosts().probe(admin, aHost().withNqn("nqn.2014-08.com.example:shared").build()),
                ErrorCode.ALREADY_EXISTS);

        assertThat(services.hosts().list(admin, Optional.empty())).extracting(v -> v.host().id())
                .containsExactly(first.id());
    }

    @Test
    void keepsTheNqnOfAHostWithPublicationsAndLetsItChangeOtherwise() {
        services.nodes().register(admin, aNode().build());
        Volume volume = services.volumes().create(admin, aVolume().build()).value();
        HostProbes probe = aHost();
        services.hosts().probe(admin, probe.build());
        VolumeRef ref = new VolumeRef(Optional.empty(), volume.id());
        services.publications().publish(admin, new PublishCommand(ref, probe.id()));

        assertRefused(() -> services.hosts().probe(admin, probe.withNqn("nqn.2014-08.com.example:new").build()),
                ErrorCode.IN_USE);
        services.publications().unpublish(admin, new UnpublishCommand(ref, Optional.of(probe.id())));
        services.hosts().probe(admin, probe.withNqn("nqn.2014-08.com.example:new").build());

        assertThat(view(probe.id()).host().nqn().value()).isEqualTo("nqn.2014-08.com.example:new");
    }

    @Test
    void removesAHostOnlyOnceNothingIsPublishedToIt() {
        services.nodes().register(admin, aNode().build());
        Volume volume = services.volumes().create(admin, aVolume().build()).value();
        HostProbes probe = aHost();
        services.hosts().probe(admin, probe.build());
        VolumeRef ref = new VolumeRef(Optional.empty(), volume.id());
        services.publications().publish(admin, new PublishCommand(ref, probe.id()));

        assertRefused(() -> services.hosts().remove(admin, probe.id()), ErrorCode.IN_USE);
        services.publications().unpublish(admin, new UnpublishCommand(ref, Optional.empty()));
        services.hosts().remove(admin, probe.id());

        assertRefused(() -> view(probe.id()), ErrorCode.NOT_EXISTS);
        assertRefused(() -> services.hosts().remove(admin, probe.id()), ErrorCode.NOT_EXISTS);
        assertThat(((InMemoryAuditLog) ports.auditLog()).all()).extracting(AuditEvent::action, AuditEvent::outcome)
                .contains(Tuple.tuple("host.remove", "InUse"), Tuple.tuple("host.remove", "Success"),
                        Tuple.tuple("host.remove", "NotExists"));
    }

    @Test
    void readingNeedsHostReadAndProbingOrRemovingHostWrite() {
        HostProbes probe = aHost();
        Principal reader = Principals.withPrivileges(Privilege.PRIVILEGE_HOST_READ);

        assertRefused(() -> services.hosts().probe(reader, probe.build()), ErrorCode.FORBIDDEN);
        services.hosts().probe(admin, probe.build());
        assertThat(services.hosts().list(reader, Optional.empty())).hasSize(1);
        assertRefused(() -> services.hosts().remove(reader, probe.id()), ErrorCode.FORBIDDEN);
        assertRefused(() -> services.hosts().list(Principals.withPrivileges(Privilege.PRIVILEGE_VOLUME_READ),
                Optional.empty()), ErrorCode.FORBIDDEN);
        assertRefused(() -> services.hosts().get(Principals.anonymous(), probe.id()), ErrorCode.UNAUTHORIZED);
    }

    private static void assertRefused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
