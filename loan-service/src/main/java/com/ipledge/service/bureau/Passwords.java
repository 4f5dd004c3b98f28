package com.ipledge.service.bureau;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes from the JDK alone: PBKDF2WithHmacSHA256 with a 16-byte random salt and 210,000 iterations
 * (OWASP's 2023 figure for this PRF), stored as {@code pbkdf2$<iterations>$<salt b64>$<hash b64>} so that the
 * iteration count can be raised later without invalidating stored hashes. Comparison is constant-time.
 */
public final class Passwords {
    public static final int ITERATIONS = 210_000;
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 200;
    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    /** Verified against when the user does not exist, so that an unknown name costs as much time as a known one. */
    private static final String DUMMY = hash("not a real password, only spends the same time");

    private Passwords() {
    }

    public static String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return format(ITERATIONS, salt, derive(password, salt, ITERATIONS));
    }

    /** Whether {@code password} matches {@code stored}; false for a malformed stored value. */
    public static boolean verify(String password, String stored) {
        if (password == null || stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals("pbkdf2")) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            if (iterations < 1 || iterations > 10_000_000) {
                return false;
            }
            byte[] salt = B64D.decode(parts[2]);
            byte[] expected = B64D.decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, iterations));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** Spends the time of one verification and answers false (for unknown users). */
    public static boolean verifyNobody(String password) {
        verify(password == null ? "" : password, DUMMY);
        return false;
    }

    /**
     * A slow, deterministic fingerprint of a password for the idempotency record of a creating request: the
     * record keeps a SHA-256 of the request, which must not be a fast hash of the password itself. The salt
     * follows from the idempotency key and user name, so a replay with the same body matches.
     */
    static String fingerprint(String password, String saltText) {
        byte[] salt = Arrays.copyOf(sha256(saltText), SALT_BYTES);
        return B64.encodeToString(derive(password, salt, ITERATIONS));
    }

    static String format(int iterations, byte[] salt, byte[] hash) {
        return "pbkdf2$" + iterations + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
