package dev.strata.adapters.rest.support;

import java.lang.reflect.Proxy;

/** A use case a test does not expect its resource to call: calling it fails the test. */
public final class Unexpected {

    private Unexpected() {
    }

    public static <T> T useCase(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? "unexpected " + type.getSimpleName()
                        : method.getName().equals("hashCode") ? System.identityHashCode(proxy) : proxy == args[0];
            }
            throw new AssertionError(type.getSimpleName() + " was not expected to be called");
        }));
    }
}
