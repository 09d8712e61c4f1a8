package dev.strata.adapters.auth;

import dev.strata.application.port.out.TokenSecrets;
import dev.strata.domain.access.TokenKind;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bearer tokens of 256 random bits from {@link SecureRandom}, stored only as SHA-256, compared in
 * constant time. Fingerprints are HMAC-SHA256 under a key made at start, never stored.
 */
public final class SecureTokenSecrets implements TokenSecrets {

    private static final int TOKEN_BYTES = 32;
    private static final int ID_BYTES = 12;
    private static final int PASSWORD_BYTES = 18;

    private final SecureRandom random = new SecureRandom();
    private final ThreadLocal<Mac> fingerprints;

    public SecureTokenSecrets() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        SecretKeySpec fingerprintKey = new SecretKeySpec(key, "HmacSHA256");
        // Looking up and keying a Mac costs more than using one, and every Basic request needs one.
        fingerprints = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(fingerprintKey);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Override
    public String generate(TokenKind kind) {
        return kind.prefix() + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(TOKEN_BYTES));
    }

    @Override
    public String hash(String bearer) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(bearer.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String newId() {
        return HexFormat.of().formatHex(randomBytes(ID_BYTES));
    }

    @Override
    public String fingerprint(String material) {
        return HexFormat.of().formatHex(fingerprints.get().doFinal(material.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String generatePassword() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(PASSWORD_BYTES));
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
