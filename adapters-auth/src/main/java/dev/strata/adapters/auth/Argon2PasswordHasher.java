package dev.strata.adapters.auth;

import dev.strata.application.port.out.PasswordHasher;
import dev.strata.domain.access.Password;
import dev.strata.domain.access.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Passwords hashed with Argon2id (OWASP's minimum: 19 MiB, 2 passes, 1 lane), stored as PHC strings
 * with their parameters. Hashes of other parameters, or PBKDF2-HMAC-SHA256 ones (at least 600,000
 * iterations), still verify, and {@link #needsRehash} says they should be stored again.
 */
public final class Argon2PasswordHasher implements PasswordHasher {

    /** The parameters new hashes get. */
    public record Cost(int memoryKiB, int iterations, int parallelism) {
        public static final Cost OWASP = new Cost(19 * 1024, 2, 1);
    }

    private static final Pattern ARGON2ID = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Pattern PBKDF2 = Pattern.compile(
            "\\$pbkdf2-sha256\\$i=(\\d+)\\$([A-Za-z0-9+/.]+)\\$([A-Za-z0-9+/.]+)");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getDecoder();

    private final Cost cost;
    private final SecureRandom random = new SecureRandom();

    public Argon2PasswordHasher(Cost cost) {
        this.cost = cost;
    }

    public Argon2PasswordHasher() {
        this(Cost.OWASP);
    }

    @Override
    public PasswordHash hash(Password password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, cost.memoryKiB(), cost.iterations(), cost.parallelism(), HASH_BYTES);
        return new PasswordHash("$argon2id$v=19$m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p="
                + cost.parallelism() + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash));
    }

    @Override
    public boolean verify(Password password, PasswordHash stored) {
        Matcher argon = ARGON2ID.matcher(stored.encoded());
        if (argon.matches()) {
            byte[] salt = B64_DECODE.decode(argon.group(4));
            byte[] expected = B64_DECODE.decode(argon.group(5));
            byte[] actual = argon2(password, salt, Integer.parseInt(argon.group(1)), Integer.parseInt(argon.group(2)),
                    Integer.parseInt(argon.group(3)), expected.length);
            return MessageDigest.isEqual(expected, actual);
        }
        Matcher pbkdf2 = PBKDF2.matcher(stored.encoded());
        if (pbkdf2.matches()) {
            byte[] salt = abDecode(pbkdf2.group(2));
            byte[] expected = abDecode(pbkdf2.group(3));
            byte[] actual = pbkdf2(password, salt, Integer.parseInt(pbkdf2.group(1)), expected.length);
            return MessageDigest.isEqual(expected, actual);
        }
        return false;
    }

    @Override
    public boolean needsRehash(PasswordHash stored) {
        Matcher argon = ARGON2ID.matcher(stored.encoded());
        return !argon.matches()
                || Integer.parseInt(argon.group(1)) != cost.memoryKiB()
                || Integer.parseInt(argon.group(2)) != cost.iterations()
                || Integer.parseInt(argon.group(3)) != cost.parallelism();
    }

    private static byte[] argon2(Password password, byte[] salt, int memoryKiB, int iterations, int parallelism,
                                 int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password.reveal().getBytes(StandardCharsets.UTF_8), out);
        return out;
    }

    /** PBKDF2-HMAC-SHA256, for hashes made before Argon2id. */
    static byte[] pbkdf2(Password password, byte[] salt, int iterations, int length) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.reveal().toCharArray(), salt, iterations, length * 8);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available", e);
        }
    }

    /** The PHC "adapted base64" of passlib ('.' for '+'), and plain base64, both without padding. */
    private static byte[] abDecode(String text) {
        return B64_DECODE.decode(text.replace('.', '+'));
    }
}
