package dev.strata.application.fake;

import dev.strata.application.port.out.DirectoryPasswords;
import dev.strata.application.port.out.ExternalIdentity;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.access.Password;
import dev.strata.domain.access.RoleName;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** A directory in memory: names, passwords and the roles their groups map to; it can be taken down. */
public final class FakeDirectory implements DirectoryPasswords {

    private record Entry(String password, Set<RoleName> roles) {
    }

    private final Map<String, Entry> users = new ConcurrentHashMap<>();
    private volatile boolean down;
    private volatile int checks;

    public FakeDirectory user(String name, String password, String... roles) {
        users.put(name, new Entry(password, Arrays.stream(roles).map(RoleName::new).collect(Collectors.toSet())));
        return this;
    }

    public void down(boolean isDown) {
        this.down = isDown;
    }

    /** How often the directory was asked. */
    public int checks() {
        return checks;
    }

    @Override
    public Optional<ExternalIdentity> check(String username, Password password) {
        checks++;
        if (down) {
            throw new DomainException(ErrorCode.AUTHENTICATION_UNAVAILABLE, "the directory does not answer");
        }
        Entry entry = users.get(username);
        if (entry == null || !entry.password().equals(password.reveal())) {
            return Optional.empty();
        }
        return Optional.of(new ExternalIdentity(username, entry.roles()));
    }
}
