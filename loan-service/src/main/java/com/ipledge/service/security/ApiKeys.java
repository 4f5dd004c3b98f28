package com.ipledge.service.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * API keys are 160 random bits, shown once and stored only as a SHA-256 hash: a key is not a password a person
 * chose, so a fast hash of a high-entropy secret is as strong as a slow one and keeps every request cheap.
 */
public final class ApiKeys {
    public static final String PREFIX = "ipk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    public static String generate() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return PREFIX + HexFormat.of().formatHex(bytes);
    }

    public static String hash(String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first characters of a key, safe to store and show so that a person can tell keys apart. */
    public static String displayPrefix(String key) {
        return key.substring(0, Math.min(10, key.length()));
    }
}
