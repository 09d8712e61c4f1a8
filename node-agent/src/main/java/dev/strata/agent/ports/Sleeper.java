package dev.strata.agent.ports;

import java.time.Duration;

/** Waiting between attempts: a port so the loop's tests never sleep for real. */
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;
}
