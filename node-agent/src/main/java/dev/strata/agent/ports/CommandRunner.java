package dev.strata.agent.ports;

import java.io.IOException;
import java.util.List;

/** Runs a command line (the LVM tools) and returns what it printed; a non-zero exit is an IOException. */
public interface CommandRunner {

    String run(List<String> command) throws IOException;
}
