package dev.strata.application.fake;

import dev.strata.application.port.out.Publications;
import dev.strata.domain.volume.VolumeId;
import java.util.HashSet;
import java.util.Set;

/** Which volumes are published, as a test sets it. */
public final class InMemoryPublications implements Publications {

    private final Set<VolumeId> published = new HashSet<>();

    public synchronized void publish(VolumeId volume) {
        published.add(volume);
    }

    public synchronized void unpublish(VolumeId volume) {
        published.remove(volume);
    }

    @Override
    public synchronized boolean isPublished(VolumeId volume) {
        return published.contains(volume);
    }
}
