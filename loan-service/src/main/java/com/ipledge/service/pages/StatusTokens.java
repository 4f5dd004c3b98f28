package com.ipledge.service.pages;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The tokens of one filled-in form. Each render of the form gets a fresh 256-bit random form token (a hidden
 * field). From it follow, without any stored secret:
 * <ul>
 *   <li>the {@code Idempotency-Key} of the submission (a name-based UUID), so that a double click is one
 *       application;</li>
 *   <li>the applicant's status token (SHA-256 of the form token, 256 bits), so that a replayed submission leads
 *       to the same status page although the token itself is never stored: the database keeps only its
 *       SHA-256.</li>
 * </ul>
 * Only the page that holds the form token can derive the status token, and that page is the applicant's.
 */
final class StatusTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private StatusTokens() {
    }

    static String newFormToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return B64.encodeToString(bytes);
    }

    /** Both form and status tokens are 32 bytes in unpadded base64url. */
    static boolean wellFormed(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    static UUID idempotencyKey(String formToken) {
        return UUID.nameUUIDFromBytes(("ipledge-apply-v1\n" + formToken).getBytes(StandardCharsets.UTF_8));
    }

    static String statusToken(String formToken) {
        return B64.encodeToString(sha256("ipledge-status-v1\n" + formToken));
    }

    /** What the database keeps of a status token. */
    static String hash(String statusToken) {
        return HexFormat.of().formatHex(sha256(statusToken));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
