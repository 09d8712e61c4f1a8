package dev.strata.application.contract;

class InMemoryTasksTest extends TasksContract {

    private final Ports ports = Ports.inMemory();

    @Override
    protected Ports ports() {
        return ports;
    }
}
