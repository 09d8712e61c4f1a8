package dev.strata.application.port.in.volume;

import dev.strata.domain.DomainException;
import dev.strata.domain.volume.VolumeSpec;
import java.util.Objects;
import java.util.Optional;

/** Grows a volume to {@code newCapacity} bytes, renames it to {@code alias}, or both. */
public record ChangeVolumeCommand(VolumeRef volume, Optional<Long> newCapacity, Optional<String> alias) {

    public ChangeVolumeCommand {
        Objects.requireNonNull(volume);
        if (newCapacity.isEmpty() && alias.isEmpty()) {
            throw DomainException.invalidInput("newCapacity or alias is required");
        }
        newCapacity.ifPresent(bytes -> VolumeSpec.requireCapacity("newCapacity", bytes));
        alias = alias.map(VolumeSpec::alias);
    }
}
