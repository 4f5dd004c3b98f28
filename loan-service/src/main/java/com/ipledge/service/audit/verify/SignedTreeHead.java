package com.ipledge.service.audit.verify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A signed tree head as {@code GET /api/v1/audit/tree-head} answers it. The signature is Ed25519 over the UTF-8
 * bytes of {@code treeSize + "\n" + timestamp + "\n" + rootHash}: the size in decimal, the timestamp exactly as the
 * JSON carries it (an ISO-8601 UTC instant, e.g. {@code 2026-12-02T20:27:09.123Z}) and the root as lowercase hex.
 * Plain Java: the offline verifier uses it.
 */
public record SignedTreeHead(long treeSize, String rootHash, String timestamp, String signature) {
    /** DER prefix of an X.509 SubjectPublicKeyInfo holding a raw Ed25519 key (RFC 8410). */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    public static byte[] message(long treeSize, String timestamp, String rootHash) {
        return (treeSize + "\n" + timestamp + "\n" + rootHash).getBytes(StandardCharsets.UTF_8);
    }

    public byte[] message() {
        return message(treeSize, timestamp, rootHash);
    }

    public byte[] root() {
        return HexFormat.of().parseHex(rootHash);
    }

    /** Whether {@code signature} is {@code key}'s Ed25519 signature of {@link #message()}. */
    public boolean signedBy(PublicKey key) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(message());
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** An Ed25519 public key from its raw 32 bytes. */
    public static PublicKey publicKeyFromRaw(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes, not " + raw.length);
        }
        byte[] der = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
        System.arraycopy(raw, 0, der, X509_PREFIX.length, 32);
        return publicKeyFromX509(der);
    }

    /** An Ed25519 public key from its X.509 SubjectPublicKeyInfo DER. */
    public static PublicKey publicKeyFromX509(byte[] der) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    /** The raw 32 bytes of an Ed25519 public key (the tail of its X.509 encoding). */
    public static byte[] rawPublicKey(PublicKey key) {
        byte[] der = key.getEncoded();
        if (der.length != X509_PREFIX.length + 32
                || !Arrays.equals(Arrays.copyOf(der, X509_PREFIX.length), X509_PREFIX)) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        return Arrays.copyOfRange(der, X509_PREFIX.length, der.length);
    }
}
