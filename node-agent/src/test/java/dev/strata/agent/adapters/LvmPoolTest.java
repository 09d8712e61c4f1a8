package dev.strata.agent.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.agent.model.Desired;
import dev.strata.agent.ports.BackingStore;
import dev.strata.agent.ports.CommandRunner;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The LVM pool plans lvm command lines; device-mapper cannot run on the build machine, so these
 * tests check the exact lines it runs, against answers lvs and vgs give.
 */
class LvmPoolTest {

    static final String UUID = "3f1d6a52-8a0e-4c51-9a51-0c6f1d2b7e01";

    /** Records each command line and answers with the next canned output. */
    static final class Script implements CommandRunner {
        final List<String> lines = new ArrayList<>();
        final Deque<String> answers = new ArrayDeque<>();

        Script answer(String output) {
            answers.add(output);
            return this;
        }

        @Override
        public String run(List<String> command) throws IOException {
            lines.add(String.join(" ", command));
            if (answers.isEmpty()) {
                throw new IOException(command.get(0) + " exited with 5");
            }
            return answers.poll();
        }
    }

    static final String LVS = "lvs --noheadings --nosuffix --units b --separator | -o lv_name,lv_size vg0";

    @Test
    void aThinReplicaIsAThinVolumeInThePool() throws IOException {
        Script lvm = new Script().answer("  thin|107374182400\n  home|5368709120\n").answer("");
        new LvmPool("vg0", Optional.of("thin"), lvm)
                .ensure(new Desired.Replica(UUID, "v", 1073741824L, Desired.Provisioning.THIN, 512));
        assertThat(lvm.lines).containsExactly(LVS,
                "lvcreate --yes --wipesignatures y --name strata-" + UUID + " --virtualsize 1073741824b --thin vg0/thin");
    }

    @Test
    void aThickReplicaIsAFullyAllocatedVolume() throws IOException {
        Script lvm = new Script().answer("").answer("");
        new LvmPool("vg0", Optional.of("thin"), lvm)
                .ensure(new Desired.Replica(UUID, "v", 2147483648L, Desired.Provisioning.THICK, 512));
        assertThat(lvm.lines).containsExactly(LVS,
                "lvcreate --yes --wipesignatures y --name strata-" + UUID + " --size 2147483648b vg0");
    }

    @Test
    void anExpandExtendsAndAnExistingVolumeIsLeftAsItIs() throws IOException {
        Script lvm = new Script().answer("  strata-" + UUID + "|1073741824\n").answer("")
                .answer("  strata-" + UUID + "|2147483648\n");
        LvmPool pool = new LvmPool("vg0", Optional.empty(), lvm);
        Desired.Replica replica = new Desired.Replica(UUID, "v", 2147483648L, Desired.Provisioning.THICK, 512);
        pool.ensure(replica);
        pool.ensure(replica);
        assertThat(lvm.lines).containsExactly(LVS, "lvextend --size 2147483648b vg0/strata-" + UUID, LVS);
    }

    @Test
    void inventoryIsStratasVolumesOnlyAndRemovalIsOneLvremove() throws IOException {
        Script lvm = new Script().answer("  strata-" + UUID + "|1073741824\n  home|5368709120\n").answer("");
        LvmPool pool = new LvmPool("vg0", Optional.empty(), lvm);
        var inventory = pool.inventory();
        assertThat(inventory).containsOnlyKeys(UUID);
        assertThat(inventory.get(UUID)).isEqualTo(new BackingStore.Backing("strata-" + UUID, 1073741824L));
        pool.remove(UUID);
        assertThat(lvm.lines).endsWith("lvremove --yes vg0/strata-" + UUID);
        assertThat(pool.devicePath(UUID)).isEqualTo("/dev/vg0/strata-" + UUID);
    }

    @Test
    void capacityOfTheGroupOrOfTheThinPool() throws IOException {
        Script vgs = new Script().answer("  1000000000|250000000\n");
        assertThat(new LvmPool("vg0", Optional.empty(), vgs).capacity())
                .isEqualTo(new BackingStore.Capacity(1000000000L, 250000000L));
        assertThat(vgs.lines).containsExactly("vgs --noheadings --nosuffix --units b --separator | -o vg_size,vg_free vg0");
        Script lvs = new Script().answer("  1000000000|25.00\n");
        assertThat(new LvmPool("vg0", Optional.of("thin"), lvs).capacity())
                .isEqualTo(new BackingStore.Capacity(1000000000L, 750000000L));
        assertThat(lvs.lines).containsExactly("lvs --noheadings --nosuffix --units b --separator | -o lv_size,data_percent vg0/thin");
    }

    @Test
    void aFailingCommandIsAnError() {
        assertThatThrownBy(() -> new LvmPool("vg0", Optional.empty(), new Script()).inventory())
                .isInstanceOf(IOException.class).hasMessageContaining("exited with 5");
    }
}
