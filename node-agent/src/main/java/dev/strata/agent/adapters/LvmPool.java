package dev.strata.agent.adapters;

import dev.strata.agent.model.Desired;
import dev.strata.agent.ports.BackingStore;
import dev.strata.agent.ports.CommandRunner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An LVM volume group: one LV {@code strata-<replica uuid>} per replica, thin in {@code THINPOOL}
 * when one is given (THIN replicas), otherwise fully allocated. Driven by the lvm commands.
 */
public final class LvmPool implements BackingStore {

    static final String LV_PREFIX = "strata-";

    private final String volumeGroup;
    private final Optional<String> thinPool;
    private final CommandRunner commands;

    public LvmPool(String volumeGroup, Optional<String> thinPool, CommandRunner commands) {
        this.volumeGroup = volumeGroup;
        this.thinPool = thinPool;
        this.commands = commands;
    }

    private String lv(String uuid) {
        return LV_PREFIX + uuid;
    }

    @Override
    public Map<String, Backing> inventory() throws IOException {
        String out = commands.run(List.of("lvs", "--noheadings", "--nosuffix", "--units", "b", "--separator", "|",
                "-o", "lv_name,lv_size", volumeGroup));
        Map<String, Backing> found = new HashMap<>();
        for (String line : out.split("\n")) {
            String[] fields = line.strip().split("\\|");
            if (fields.length == 2 && fields[0].startsWith(LV_PREFIX)) {
                found.put(fields[0].substring(LV_PREFIX.length()),
                        new Backing(fields[0], Long.parseLong(fields[1].strip())));
            }
        }
        return found;
    }

    @Override
    public void ensure(Desired.Replica replica) throws IOException {
        Backing now = inventory().get(replica.uuid());
        String size = replica.sizeBytes() + "b";
        if (now == null) {
            List<String> create = new ArrayList<>(List.of("lvcreate", "--yes", "--wipesignatures", "y",
                    "--name", lv(replica.uuid())));
            if (replica.provisioning() == Desired.Provisioning.THIN && thinPool.isPresent()) {
                create.addAll(List.of("--virtualsize", size, "--thin", volumeGroup + "/" + thinPool.get()));
            } else {
                create.addAll(List.of("--size", size, volumeGroup));
            }
            commands.run(create);
        } else if (now.sizeBytes() < replica.sizeBytes()) {
            commands.run(List.of("lvextend", "--size", size, volumeGroup + "/" + lv(replica.uuid())));
        }
    }

    @Override
    public void remove(String replicaUuid) throws IOException {
        commands.run(List.of("lvremove", "--yes", volumeGroup + "/" + lv(replicaUuid)));
    }

    @Override
    public String devicePath(String replicaUuid) {
        return "/dev/" + volumeGroup + "/" + lv(replicaUuid);
    }

    @Override
    public Capacity capacity() throws IOException {
        List<String> command = thinPool.isPresent()
                ? List.of("lvs", "--noheadings", "--nosuffix", "--units", "b", "--separator", "|",
                        "-o", "lv_size,data_percent", volumeGroup + "/" + thinPool.get())
                : List.of("vgs", "--noheadings", "--nosuffix", "--units", "b", "--separator", "|",
                        "-o", "vg_size,vg_free", volumeGroup);
        String[] fields = commands.run(command).strip().split("\\|");
        if (fields.length != 2) {
            throw new IOException("unexpected answer of " + String.join(" ", command));
        }
        long total = Long.parseLong(fields[0].strip());
        if (thinPool.isPresent()) {
            double used = Double.parseDouble(fields[1].strip());
            return new Capacity(total, (long) (total * (100.0 - used) / 100.0));
        }
        return new Capacity(total, Long.parseLong(fields[1].strip()));
    }

    @Override
    public String describe() {
        return "lvm:" + volumeGroup + thinPool.map(p -> "/" + p).orElse("");
    }
}
