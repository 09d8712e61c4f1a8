package dev.strata.application.fake;

import dev.strata.application.contract.Ports;
import dev.strata.application.contract.VolumesContract;

class InMemoryVolumesTest extends VolumesContract {

    private final Ports ports = Ports.inMemory(new InMemoryPublications());

    @Override
    protected Ports ports() {
        return ports;
    }
}
