package dev.strata.application.port.in.system;

/** Public: true when Strata can serve, that is, when its database answers. */
public interface CheckReadinessUseCase {

    boolean ready();
}
