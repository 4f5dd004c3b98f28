package com.ipledge.service.audit;

import com.ipledge.service.audit.verify.SignedTreeHead;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;

/**
 * The Ed25519 key that signs tree heads. Configured as {@code ipledge.audit.signing-key} (env
 * {@code IPLEDGE_AUDIT_SIGNING_KEY}, base64 PKCS#8); when unset, the first instance to need one generates it and
 * stores it in {@code audit_signing_key}, so every instance and restart signs with the same key.
 */
@Singleton
public class AuditSigningKeys {
    private final String configured;
    private final AuditRepository repository;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private volatile KeyPair keys;

    public AuditSigningKeys(AuditSettings settings, AuditRepository repository,
                            TransactionOperations<Connection> transactions, Clock clock) {
        this.configured = settings.signingKey() == null ? "" : settings.signingKey().trim();
        this.repository = repository;
        this.transactions = transactions;
        this.clock = clock;
    }

    public KeyPair keyPair() {
        KeyPair k = keys;
        if (k == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = load();
                }
                k = keys;
            }
        }
        return k;
    }

    /** Base64 of the raw 32-byte public key: what tree heads record as the key that signed them. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(SignedTreeHead.rawPublicKey(keyPair().getPublic()));
    }

    public String x509Base64() {
        return Base64.getEncoder().encodeToString(keyPair().getPublic().getEncoded());
    }

    public String sign(byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(keyPair().getPrivate());
            s.update(message);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private KeyPair load() {
        if (!configured.isEmpty()) {
            try {
                return fromPkcs8(Base64.getDecoder().decode(configured));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("ipledge.audit.signing-key (IPLEDGE_AUDIT_SIGNING_KEY) is not a "
                        + "base64 PKCS#8 Ed25519 private key: " + e.getMessage(), e);
            }
        }
        // in a transaction of its own: the key must be committed before anything is signed with it, whatever
        // transaction (a sealer round that may still fail) asked first
        String stored = transactions.execute(TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW),
                status -> {
                    var found = repository.storedKey();
                    if (found.isEmpty()) {
                        KeyPair fresh = generate();
                        repository.insertKeyIfAbsent(new AuditRepository.StoredKey(
                                Base64.getEncoder().encodeToString(fresh.getPrivate().getEncoded()),
                                Base64.getEncoder().encodeToString(SignedTreeHead.rawPublicKey(fresh.getPublic()))),
                                OffsetDateTime.now(clock));
                        found = repository.storedKey();
                    }
                    return found.orElseThrow().privateKey();
                });
        return fromPkcs8(Base64.getDecoder().decode(stored));
    }

    static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The key pair of a PKCS#8 Ed25519 private key. The JDK has no public call that derives the public key, but its
     * key pair generator makes the private key from 32 random bytes and derives the public one from them (RFC 8032
     * 5.1.5), so feeding it those very bytes regenerates the pair; the result is checked against the input.
     */
    static KeyPair fromPkcs8(byte[] pkcs8) {
        try {
            PrivateKey given = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            byte[] seed = ((EdECPrivateKey) given).getBytes()
                    .orElseThrow(() -> new IllegalArgumentException("the private key has no bytes"));
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(255, new FixedBytes(seed));
            KeyPair pair = generator.generateKeyPair();
            byte[] regenerated = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
            if (!Arrays.equals(seed, regenerated)) {
                throw new IllegalStateException("could not derive the Ed25519 public key");
            }
            return new KeyPair(pair.getPublic(), given);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** A "random" source that yields the given bytes (once), to regenerate a key pair from its private key. */
    private static final class FixedBytes extends SecureRandom {
        private final byte[] bytes;

        FixedBytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] out) {
            if (out.length != bytes.length) {
                throw new IllegalStateException("unexpected request for " + out.length + " bytes");
            }
            System.arraycopy(bytes, 0, out, 0, out.length);
        }
    }
}
