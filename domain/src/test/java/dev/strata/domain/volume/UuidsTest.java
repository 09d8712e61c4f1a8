package dev.strata.domain.volume;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidsTest {

    @Test
    void newIdsAreVersion7UuidsThatSortInTheOrderTheyWereMade() throws InterruptedException {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(VolumeId.generate().value());
            Thread.sleep(2); // the next id falls in a later millisecond
        }
        for (String id : made) {
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(7);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(id).isEqualTo(Uuids.canonical("id", id));
        }
        assertThat(made).isSorted();
        long millis = UUID.fromString(made.get(0)).getMostSignificantBits() >>> 16;
        assertThat(millis).isBetween(System.currentTimeMillis() - 60_000, System.currentTimeMillis());
    }

    @Test
    void idsMadeInOneMillisecondStillDiffer() {
        HashSet<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(ReplicaId.generate().value());
        }
        assertThat(ids).hasSize(10_000);
    }
}
