package com.ipledge.service.audit;

import com.ipledge.service.audit.merkle.MerkleTree;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.problem.NotFound;
import com.ipledge.service.security.Caller;
import io.micronaut.core.annotation.Introspected;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Signed tree heads and RFC 9162 proofs over the sealed audit log, as the audit endpoints answer them. */
@Singleton
public class AuditProofs {
    private static final HexFormat HEX = HexFormat.of();

    @Introspected
    public record PublicKeyView(String algorithm, String publicKey, String x509) {
    }

    /** {@code signature}: base64 Ed25519 over the UTF-8 bytes of "treeSize\ntimestamp\nrootHash". */
    @Introspected
    public record TreeHeadView(long treeSize, String rootHash, String timestamp, String signature) {
    }

    /** {@code leaf}: the exact leaf bytes (UTF-8 canonical JSON of the entry); leafHash = SHA-256(0x00 || leaf). */
    @Introspected
    public record InclusionView(long seq, long leafIndex, long treeSize, String leafHash, List<String> auditPath,
                                String rootHash, String leaf) {
    }

    @Introspected
    public record ConsistencyView(long from, long to, List<String> proof, String fromRootHash, String toRootHash) {
    }

    private final AuditRepository repository;
    private final AuditSigningKeys keys;
    private final AuditSealer sealer;

    public AuditProofs(AuditRepository repository, AuditSigningKeys keys, AuditSealer sealer) {
        this.repository = repository;
        this.keys = keys;
        this.sealer = sealer;
    }

    public PublicKeyView publicKey() {
        return new PublicKeyView("Ed25519", keys.publicKeyBase64(), keys.x509Base64());
    }

    /** The newest signed head, or the one of {@code treeSize} when given. */
    public TreeHeadView treeHead(String treeSizeParam) {
        String key = keys.publicKeyBase64();
        AuditRepository.StoredHead h;
        if (treeSizeParam == null) {
            h = repository.latestHead(key).orElse(null);
            if (h == null) {
                // nothing sealed yet on a fresh log: a round signs the head of the empty tree
                sealer.sealRound();
                h = repository.latestHead(key).orElseThrow(() -> NotFound.of("tree head"));
            }
        } else {
            long size = number("treeSize", treeSizeParam, 0);
            h = repository.head(size, key).orElseThrow(() -> NotFound.of("signed tree head of size " + size));
        }
        return new TreeHeadView(h.treeSize(), h.rootHash(), h.issuedAt(), h.signature());
    }

    /**
     * The audit path of entry {@code seq} (leaf seq - 1) in the tree of {@code treeSize} (default: the newest
     * signed head's). Bank callers get proofs only for their own bank's entries; anything else is "not found".
     */
    public InclusionView inclusion(Caller caller, String seqParam, String treeSizeParam) {
        long seq = number("seq", seqParam, 1);
        long sealed = sealedSize();
        long treeSize = treeSizeParam == null ? latestSize() : number("treeSize", treeSizeParam, 1);
        if (treeSize > sealed) {
            throw InvalidInput.of("treeSize", "is beyond the sealed tree size " + sealed);
        }
        AuditEntry entry = repository.find(seq)
                .filter(e -> caller.bankScope().isEmpty() || caller.bankScope().get().equals(e.bankId()))
                .orElseThrow(() -> NotFound.of("audit entry " + seq));
        if (seq > treeSize) {
            throw InvalidInput.of("seq", seq > sealed ? "is not sealed yet (the sealed tree has " + sealed
                    + " entries)" : "is not in the tree of size " + treeSize);
        }
        MerkleTree.Nodes nodes = nodes();
        byte[] leaf = AuditLog.leaf(entry);
        List<String> path = MerkleTree.inclusionProof(nodes, seq - 1, treeSize).stream().map(HEX::formatHex).toList();
        return new InclusionView(seq, seq - 1, treeSize, HEX.formatHex(MerkleTree.leafHash(leaf)), path,
                HEX.formatHex(MerkleTree.rootHash(nodes, treeSize)), new String(leaf, StandardCharsets.UTF_8));
    }

    /** That the tree of {@code from} entries is a prefix of the tree of {@code to} (default: the newest head's). */
    public ConsistencyView consistency(String fromParam, String toParam) {
        if (fromParam == null) {
            throw InvalidInput.of("from", "is required");
        }
        long from = number("from", fromParam, 1);
        long sealed = sealedSize();
        long to = toParam == null ? latestSize() : number("to", toParam, 1);
        if (to > sealed) {
            throw InvalidInput.of("to", "is beyond the sealed tree size " + sealed);
        }
        if (from > to) {
            throw InvalidInput.of("from", "is greater than to (" + to + ")");
        }
        MerkleTree.Nodes nodes = nodes();
        List<String> proof = MerkleTree.consistencyProof(nodes, from, to).stream().map(HEX::formatHex).toList();
        return new ConsistencyView(from, to, proof, HEX.formatHex(MerkleTree.rootHash(nodes, from)),
                HEX.formatHex(MerkleTree.rootHash(nodes, to)));
    }

    private long sealedSize() {
        return repository.sealedSize();
    }

    /** The size of the newest signed tree head: entries up to it are sealed and provable. */
    public long latestTreeSize() {
        return latestSize();
    }

    private long latestSize() {
        return repository.latestHead(keys.publicKeyBase64()).map(AuditRepository.StoredHead::treeSize).orElse(0L);
    }

    /** Perfect-subtree hashes read from the database, each once per request. */
    private MerkleTree.Nodes nodes() {
        Map<Long, byte[]> cache = new HashMap<>();
        return (level, index) -> cache.computeIfAbsent((index << 6) | level, k -> repository.node(level, index)
                .orElseThrow(() -> new IllegalStateException("Merkle node " + level + "/" + index + " is missing")));
    }

    private static long number(String field, String value, long min) {
        long n;
        try {
            n = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw InvalidInput.of(field, "must be a whole number");
        }
        if (n < min) {
            throw InvalidInput.of(field, "must be at least " + min);
        }
        return n;
    }
}
