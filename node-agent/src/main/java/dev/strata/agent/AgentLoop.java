package dev.strata.agent;

import dev.strata.agent.model.Desired;
import dev.strata.agent.model.Observed;

import dev.strata.agent.ports.ControlPlane;
import dev.strata.agent.ports.ControlPlane.ControlPlaneException;
import dev.strata.agent.ports.Sleeper;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

/**
 * The agent's loop: on start a full document, then long-polls for the next change (at most one
 * interval, so drift is repaired every interval), applies, reports. Strata unreachable: keep what is
 * configured, repair drift against the last document, retry with backoff. Token refused: stop.
 */
public final class AgentLoop {

    private static final System.Logger LOG = System.getLogger("dev.strata.agent");

    public enum Outcome {
        /** Asked to stop. */
        STOPPED,
        /** Strata refused the token (401/403); nothing more is applied. */
        REFUSED,
        /** {@code --once}: the document was fully applied and reported. */
        APPLIED,
        /** {@code --once}: not everything could be applied or reported. */
        INCOMPLETE
    }

    private final ControlPlane controlPlane;
    private final Reconciler reconciler;
    private final Sleeper sleeper;
    private final Backoff backoff;
    private final int intervalSeconds;
    private long applied;

    public AgentLoop(ControlPlane controlPlane, Reconciler reconciler, Sleeper sleeper, Backoff backoff,
            int intervalSeconds) {
        this.controlPlane = controlPlane;
        this.reconciler = reconciler;
        this.sleeper = sleeper;
        this.backoff = backoff;
        this.intervalSeconds = intervalSeconds;
    }

    /** Runs until {@code keepGoing} says no, or the token is refused. */
    public Outcome run(BooleanSupplier keepGoing) throws InterruptedException {
        Desired last = null;
        int failures = 0;
        while (keepGoing.getAsBoolean()) {
            boolean failed = false;
            try {
                Desired desired = controlPlane.desired(last == null ? OptionalLong.empty()
                        : OptionalLong.of(last.generation()), last == null ? 0 : Math.min(60, intervalSeconds));
                if (failures > 0) {
                    LOG.log(System.Logger.Level.INFO, "Strata answers again; applying generation "
                            + desired.generation());
                }
                last = desired;
            } catch (ControlPlaneException e) {
                if (e.kind() == ControlPlaneException.Kind.REFUSED) {
                    return refused(e);
                }
                failed = true;
                if (failures == 0) {
                    LOG.log(System.Logger.Level.WARNING, "cannot read the desired state; keeping what is configured"
                            + " and retrying: " + e.getMessage());
                }
            }
            if (last != null) {
                Observed observed = apply(last);
                try {
                    controlPlane.observed(observed);
                } catch (ControlPlaneException e) {
                    if (e.kind() == ControlPlaneException.Kind.REFUSED) {
                        return refused(e);
                    }
                    if (!failed && failures == 0) {
                        LOG.log(System.Logger.Level.WARNING, "cannot report what is observed: " + e.getMessage());
                    }
                    failed = true;
                }
            }
            failures = failed ? failures + 1 : 0;
            if (failed && keepGoing.getAsBoolean()) {
                sleeper.sleep(backoff.delay(failures));
            }
        }
        return Outcome.STOPPED;
    }

    /** One pass: a full document, applied and reported. */
    public Outcome once() {
        try {
            Desired desired = controlPlane.desired(OptionalLong.empty(), 0);
            Observed observed = apply(desired);
            controlPlane.observed(observed);
            return observed.generation() == desired.generation() && observed.fullyApplied() ? Outcome.APPLIED
                    : Outcome.INCOMPLETE;
        } catch (ControlPlaneException e) {
            if (e.kind() == ControlPlaneException.Kind.REFUSED) {
                return refused(e);
            }
            LOG.log(System.Logger.Level.WARNING, e.getMessage());
            return Outcome.INCOMPLETE;
        }
    }

    /** {@code --dry-run}: the changes a pass would make, described; nothing is changed or reported. */
    public List<String> dryRun() throws ControlPlaneException, java.io.IOException {
        Desired desired = controlPlane.desired(OptionalLong.empty(), 0);
        List<String> lines = new ArrayList<>();
        for (Reconciler.Step step : reconciler.plan(desired)) {
            lines.add(step.description());
        }
        return lines;
    }

    private Observed apply(Desired desired) {
        Observed observed = reconciler.reconcile(desired, applied);
        applied = observed.generation();
        for (Observed.SubsystemReport subsystem : observed.subsystems()) {
            if (subsystem.state() == Observed.SubsystemState.Failed) {
                LOG.log(System.Logger.Level.WARNING, "subsystem " + subsystem.nqn() + ": " + subsystem.message());
            }
        }
        for (Observed.ReplicaReport replica : observed.replicas()) {
            if (replica.state() != Observed.ReplicaState.Available) {
                LOG.log(System.Logger.Level.WARNING, "replica " + replica.uuid() + " " + replica.state() + ": "
                        + replica.message());
            }
        }
        return observed;
    }

    private static Outcome refused(ControlPlaneException e) {
        LOG.log(System.Logger.Level.ERROR, "Strata refused this agent's token (" + e.getMessage() + "): stopped"
                + " applying; everything configured on this node stays as it is. Give the agent a valid token"
                + " and restart it.");
        return Outcome.REFUSED;
    }
}
