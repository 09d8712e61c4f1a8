package dev.strata.examples.capacityplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the example as its {@code main} does and checks what it prints. */
class CapacityPlanTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return CapacityPlan.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsWhereTheSampleVolumesGoAndWhyTheOthersWereRefused() {
        assertThat(run()).isZero();

        assertThat(printed()).isEqualTo("""
                Capacity plan: 4 nodes in 3 racks, overcommit 2.0, tenant budget 250 GiB

                fits     db         60 GiB THICK x2  on n1, n3
                refused  logs       50 GiB THICK x3  InsufficientCapacity: 1 of 4 nodes qualify
                           n1   has 40 GiB free, needs 50 GiB
                           n3   has 40 GiB free, needs 50 GiB
                           n4   is Maintenance
                fits     scratch   150 GiB THIN  x1  on n2
                refused  archive   300 GiB THIN  x1  InsufficientCapacity: 0 of 4 nodes qualify
                           n1   would exceed its provisioning limit of 200 GiB (overcommit 2.0)
                           n2   would exceed its provisioning limit of 200 GiB (overcommit 2.0)
                           n3   would exceed its provisioning limit of 200 GiB (overcommit 2.0)
                           n4   is Maintenance
                refused  backup     40 GiB THICK x3  TenantBudgetExceeded: tenant plan would consume 255 GiB of its 250 GiB budget
                fits     small      10 GiB THICK x2  on n2, n3

                Nodes after the plan:
                  n1   rack r1  Available     60 of  100 GiB taken,   60 GiB promised
                  n2   rack r1  Available     25 of  100 GiB taken,  160 GiB promised
                  n3   rack r2  Available     70 of  100 GiB taken,   70 GiB promised
                  n4   rack r3  Maintenance    0 of   50 GiB taken,    0 GiB promised
                Tenant consumes 155 GiB
                """);
    }

    @Test
    void theReadmeShowsWhatTheSampleReallyPrints() throws IOException {
        String readme = Files.readString(Path.of("../../README.md"));
        String marker = "<!-- capacity-plan sample output: checked by CapacityPlanTest -->\n```text\n";
        assertThat(readme).contains(marker);
        int start = readme.indexOf(marker) + marker.length();
        String shown = readme.substring(start, readme.indexOf("```", start));

        run();
        assertThat(shown).isEqualTo(printed());
    }

    @Test
    void runsAPlanFromAFileWithoutABudget(@TempDir Path dir) throws IOException {
        Path plan = Files.writeString(dir.resolve("two-racks.plan"), """
                node a rack=left capacity=10
                node b rack=right capacity=10
                volume fits size=10 replicas=2
                volume late size=1 replicas=1   # both nodes are full now
                """);

        assertThat(run(plan.toString())).isZero();

        assertThat(printed()).startsWith("Capacity plan: 2 nodes in 2 racks, overcommit 4.0, no tenant budget\n")
                .contains("fits     fits       10 GiB THICK x2  on a, b\n")
                .contains("refused  late        1 GiB THICK x1  InsufficientCapacity: 0 of 2 nodes qualify\n"
                        + "           a    has 0 GiB free, needs 1 GiB\n"
                        + "           b    has 0 GiB free, needs 1 GiB\n")
                .endsWith("Tenant consumes 20 GiB\n");
    }

    @Test
    void refusesAPlanItCannotReadNamingTheLine(@TempDir Path dir) throws IOException {
        Path plan = Files.writeString(dir.resolve("bad.plan"), "node a capacity=10\nvolume v size=1 colour=red\n");

        assertThat(run(plan.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("capacity-plan: line 2: unknown colour\n");
        assertThat(run(dir.resolve("missing.plan").toString())).isEqualTo(2);
        assertThat(run(overcommit(dir, "0.5"))).isEqualTo(2);
        assertThat(printed()).isEmpty();
    }

    private static String overcommit(Path dir, String ratio) throws IOException {
        return Files.writeString(dir.resolve("ratio.plan"), "overcommit " + ratio + "\n").toString();
    }
}
