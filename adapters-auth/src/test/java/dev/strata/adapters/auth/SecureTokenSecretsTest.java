package dev.strata.adapters.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.domain.access.TokenKind;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecureTokenSecretsTest {

    private final SecureTokenSecrets secrets = new SecureTokenSecrets();

    @Test
    void makesPrefixedTokensOf256RandomBits() {
        String token = secrets.generate(TokenKind.ACCESS);

        assertThat(token).startsWith("access-v1:");
        byte[] random = Base64.getUrlDecoder().decode(token.substring("access-v1:".length()));
        assertThat(random).hasSize(32);
        Set<String> many = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            many.add(secrets.generate(TokenKind.SESSION));
        }
        assertThat(many).hasSize(1000);
    }

    @Test
    void hashesWithSha256() {
        assertThat(secrets.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(secrets.sameHash(secrets.hash("abc"), secrets.hash("abc"))).isTrue();
        assertThat(secrets.sameHash(secrets.hash("abc"), secrets.hash("abd"))).isFalse();
    }

    @Test
    void fingerprintsUnderAKeyOfItsOwn() {
        SecureTokenSecrets other = new SecureTokenSecrets();
        assertThat(secrets.fingerprint("admin\u0000pw")).isEqualTo(secrets.fingerprint("admin\u0000pw"))
                .isNotEqualTo(other.fingerprint("admin\u0000pw"))
                .isNotEqualTo(secrets.hash("admin\u0000pw"));
    }
}
