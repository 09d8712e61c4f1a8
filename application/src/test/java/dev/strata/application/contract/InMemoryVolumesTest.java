package dev.strata.application.contract;

import dev.strata.application.fake.InMemoryPublications;

class InMemoryVolumesTest extends VolumesContract {

    private final Ports ports = Ports.inMemory(new InMemoryPublications());

    @Override
    protected Ports ports() {
        return ports;
    }
}
