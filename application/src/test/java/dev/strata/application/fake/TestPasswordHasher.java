package dev.strata.application.fake;

import dev.strata.application.port.out.PasswordHasher;
import dev.strata.domain.access.Password;
import dev.strata.domain.access.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fast salted hash for use-case tests, in the PHC shape the real hasher uses. It counts its slow
 * checks, so tests can see when a cache spared one. Version 1 hashes "need rehash", to test upgrades.
 */
public final class TestPasswordHasher implements PasswordHasher {

    private final SecureRandom random = new SecureRandom();
    private final AtomicInteger verifications = new AtomicInteger();
    private volatile int currentVersion = 2;

    @Override
    public PasswordHash hash(Password password) {
        byte[] salt = new byte[8];
        random.nextBytes(salt);
        return hash(password, salt, currentVersion);
    }

    private static PasswordHash hash(Password password, byte[] salt, int version) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            byte[] sum = digest.digest(password.reveal().getBytes(StandardCharsets.UTF_8));
            Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
            return new PasswordHash("$test$v=" + version + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(sum));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean verify(Password password, PasswordHash stored) {
        verifications.incrementAndGet();
        String[] parts = stored.encoded().split("\\$");
        int version = Integer.parseInt(parts[2].substring(2));
        byte[] salt = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(hash(password, salt, version).encoded().getBytes(StandardCharsets.US_ASCII),
                stored.encoded().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public boolean needsRehash(PasswordHash stored) {
        return !stored.encoded().startsWith("$test$v=" + currentVersion + "$");
    }

    /** Makes later hashes a new version, so older ones need a rehash. */
    public void upgrade() {
        currentVersion++;
    }

    public int verifications() {
        return verifications.get();
    }
}
