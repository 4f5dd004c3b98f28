package com.ipledge.service.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.audit.verify.SignedTreeHead;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** A configured key (base64 PKCS#8, as IPLEDGE_AUDIT_SIGNING_KEY holds it) yields its own public key. */
class AuditSigningKeysTest {
    @Test
    void thePublicKeyIsDerivedFromAConfiguredPrivateKey() throws Exception {
        for (int i = 0; i < 5; i++) {
            KeyPair generated = AuditSigningKeys.generate();
            String configured = Base64.getEncoder().encodeToString(generated.getPrivate().getEncoded());
            KeyPair loaded = AuditSigningKeys.fromPkcs8(Base64.getDecoder().decode(configured));
            assertArrayEquals(generated.getPublic().getEncoded(), loaded.getPublic().getEncoded());
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(loaded.getPrivate());
            s.update("3\n2026-12-02T20:27:09.123Z\nabc".getBytes());
            byte[] signature = s.sign();
            SignedTreeHead head = new SignedTreeHead(3, "abc", "2026-12-02T20:27:09.123Z",
                    Base64.getEncoder().encodeToString(signature));
            assertTrue(head.signedBy(SignedTreeHead.publicKeyFromRaw(SignedTreeHead.rawPublicKey(
                    generated.getPublic()))));
        }
        assertThrows(IllegalArgumentException.class, () -> AuditSigningKeys.fromPkcs8(new byte[] {1, 2, 3}));
    }
}
