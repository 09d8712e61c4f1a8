package dev.strata.application.contract;

class InMemoryHostsTest extends HostsContract {

    private final Ports ports = Ports.inMemory();

    @Override
    protected Ports ports() {
        return ports;
    }
}
