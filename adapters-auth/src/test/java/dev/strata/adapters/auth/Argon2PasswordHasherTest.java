package dev.strata.adapters.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.domain.access.Password;
import dev.strata.domain.access.PasswordHash;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class Argon2PasswordHasherTest {

    private final Argon2PasswordHasher hasher = new Argon2PasswordHasher();

    @Test
    void hashesWithArgon2idAtOwaspCostAndASaltOfItsOwn() {
        PasswordHash one = hasher.hash(Password.offered("correct horse"));
        PasswordHash two = hasher.hash(Password.offered("correct horse"));

        assertThat(one.encoded()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(one).isNotEqualTo(two);
        assertThat(one.encoded()).doesNotContain("correct horse");
        assertThat(hasher.verify(Password.offered("correct horse"), one)).isTrue();
        assertThat(hasher.verify(Password.offered("correct horse"), two)).isTrue();
        assertThat(hasher.verify(Password.offered("correct horsE"), one)).isFalse();
        assertThat(hasher.needsRehash(one)).isFalse();
    }

    @Test
    void matchesTheArgon2idReferenceVector() {
        // RFC 9106's Argon2id test vector uses a secret and associated data; this one is the
        // widely published password/somesalt vector (m=64 KiB, t=2, p=1, 32 bytes).
        PasswordHash reference = new PasswordHash(
                "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc");
        assertThat(hasher.verify(Password.offered("password"), reference)).isTrue();
        assertThat(hasher.needsRehash(reference)).as("other parameters").isTrue();
    }

    @Test
    void verifiesOlderPbkdf2HashesAndAsksForThemToBeStoredAgain() {
        byte[] salt = "0123456789abcdef".getBytes();
        byte[] hash = Argon2PasswordHasher.pbkdf2(Password.offered("legacy-password"), salt, 600_000, 32);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        PasswordHash legacy = new PasswordHash("$pbkdf2-sha256$i=600000$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(hash));

        assertThat(hasher.verify(Password.offered("legacy-password"), legacy)).isTrue();
        assertThat(hasher.verify(Password.offered("legacy-passwor"), legacy)).isFalse();
        assertThat(hasher.needsRehash(legacy)).isTrue();
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThat(hasher.verify(Password.offered("x"), new PasswordHash("$md5$abc"))).isFalse();
    }
}
