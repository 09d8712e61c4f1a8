package dev.strata.adapters.persistence;

import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * A JDBI handle kept open with its connection, and the SQL objects attached to it. Attaching one
 * costs a copy of the configuration for each of its methods, more than most statements cost to
 * run, so each handle attaches each type once. Used by one thread at a time, as a handle is.
 */
public final class PooledHandle {

    private final Handle handle;
    private final Map<Class<?>, Object> attached = new HashMap<>();

    public PooledHandle(Handle handle) {
        this.handle = handle;
    }

    public Handle handle() {
        return handle;
    }

    /** The SQL object of this type on this handle. */
    public <T> T dao(Class<T> type) {
        return type.cast(attached.computeIfAbsent(type, handle::attach));
    }

    public void close() {
        handle.close();
    }
}
