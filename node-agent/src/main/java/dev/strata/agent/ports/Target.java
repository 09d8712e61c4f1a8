package dev.strata.agent.ports;

import dev.strata.agent.model.TargetState;
import java.io.IOException;

/**
 * The NVMe target (the kernel's nvmet through configfs). Each call does one step of the kernel's
 * order and is safe to repeat. Only Strata's subsystems (its NQN prefix) and its own ports (its id
 * range) are ever read as Strata's or changed.
 */
public interface Target {

    TargetState read() throws IOException;

    void addHost(String hostNqn) throws IOException;

    void removeHost(String hostNqn) throws IOException;

    /** Makes the subsystem with {@code attr_allow_any_host} = 0. */
    void addSubsystem(String nqn) throws IOException;

    void denyAnyHost(String nqn) throws IOException;

    void setSerial(String nqn, String serial) throws IOException;

    /** Sets the controller-id range, in the order the kernel accepts from {@code current}. */
    void setCntlidRange(String nqn, int min, int max, int currentMin, int currentMax) throws IOException;

    void allowHost(String nqn, String hostNqn) throws IOException;

    void disallowHost(String nqn, String hostNqn) throws IOException;

    void addNamespace(String nqn, int nsid) throws IOException;

    void setDevicePath(String nqn, int nsid, String devicePath) throws IOException;

    void setDeviceUuid(String nqn, int nsid, String uuid) throws IOException;

    void enableNamespace(String nqn, int nsid) throws IOException;

    void disableNamespace(String nqn, int nsid) throws IOException;

    /** After an expand: the kernel reads the backing's new size. */
    void revalidateNamespace(String nqn, int nsid) throws IOException;

    void removeNamespace(String nqn, int nsid) throws IOException;

    void removeSubsystem(String nqn) throws IOException;

    void addPort(int id) throws IOException;

    /** Writes the address attributes that differ from {@code current}; only before the first link. */
    void setPortAddress(int id, TargetState.Address wanted, TargetState.Address current) throws IOException;

    void linkPort(int id, String nqn) throws IOException;

    void unlinkPort(int id, String nqn) throws IOException;

    void removePort(int id) throws IOException;
}
