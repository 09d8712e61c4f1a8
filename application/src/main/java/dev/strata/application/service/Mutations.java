package dev.strata.application.service;

import dev.strata.application.port.out.AuditLog;
import dev.strata.application.port.out.Transactions;
import dev.strata.domain.DomainException;
import dev.strata.domain.access.AuthMethod;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.Privilege;
import dev.strata.domain.access.RequestOrigin;
import dev.strata.domain.audit.AuditEvent;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The one way a use case changes anything: check the caller's privilege, run the work in one write
 * transaction, and append one audit record in that same transaction. A refused or failed mutation
 * changes nothing and is audited on its own, with its error code as the outcome.
 */
public final class Mutations {

    private final Transactions transactions;
    private final AuditLog auditLog;
    private final InstantSource clock;

    public Mutations(Transactions transactions, AuditLog auditLog, InstantSource clock) {
        this.transactions = transactions;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * @param privilege what the caller needs
     * @param action    what is done, e.g. {@code backend.register}
     * @param target    what it is done to, as the caller named it
     */
    public <T> T perform(Principal caller, Privilege privilege, String action, String target, Supplier<T> work) {
        Objects.requireNonNull(privilege, "privilege: use performForAnyCaller when none is needed");
        return run(caller, () -> caller.require(privilege), action, target, work);
    }

    public void perform(Principal caller, Privilege privilege, String action, String target, Runnable work) {
        perform(caller, privilege, action, target, asSupplier(work));
    }

    /**
     * A mutation that any authenticated caller may try, with no privilege: the work checks what it
     * must, such as that the caller owns what it changes (its own password, session or token).
     */
    public <T> T performForAnyCaller(Principal caller, String action, String target, Supplier<T> work) {
        return run(caller, caller::requireAuthenticated, action, target, work);
    }

    public void performForAnyCaller(Principal caller, String action, String target, Runnable work) {
        performForAnyCaller(caller, action, target, asSupplier(work));
    }

    private <T> T run(Principal caller, Runnable admission, String action, String target, Supplier<T> work) {
        try {
            admission.run();
            return transactions.write(() -> {
                T result = work.get();
                auditLog.append(event(caller, action, target, AuditEvent.SUCCESS));
                return result;
            });
        } catch (DomainException refused) {
            record(caller, action, target, refused.code().code());
            throw refused;
        }
    }

    private static Supplier<Void> asSupplier(Runnable work) {
        return () -> {
            work.run();
            return null;
        };
    }

    /** Appends a record on its own, for events that are not mutations, such as failed logins. */
    public void record(Principal caller, String action, String target, String outcome) {
        transactions.write(() -> auditLog.append(event(caller, action, target, outcome)));
    }

    /** Records a failed authentication: who it claimed to be, how, and why it failed. */
    public void recordAuthenticationFailure(String claimedUser, AuthMethod method, RequestOrigin origin,
                                            String action, String outcome) {
        transactions.write(() -> auditLog.append(new AuditEvent(0, clock.instant(), origin.requestId(), claimedUser,
                method.label(), origin.sourceIp(), action, "", outcome)));
    }

    private AuditEvent event(Principal caller, String action, String target, String outcome) {
        return new AuditEvent(0, clock.instant(), caller.origin().requestId(), caller.name(),
                caller.method().label(), caller.origin().sourceIp(), action, target, outcome);
    }
}
