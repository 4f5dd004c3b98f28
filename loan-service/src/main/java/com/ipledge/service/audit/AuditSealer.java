package com.ipledge.service.audit;

import com.ipledge.service.audit.merkle.CompactRange;
import com.ipledge.service.audit.merkle.MerkleTree;
import com.ipledge.service.audit.verify.SignedTreeHead;
import com.ipledge.service.jobs.JobRunner;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals committed audit entries, in seq order, as the leaves of the RFC 9162 Merkle tree and signs a tree head
 * for the new size. One instance at a time ({@link JobRunner}'s advisory lock); {@link AuditSchedule} runs a round
 * every second and {@link #sealNow(Duration)} runs rounds on demand.
 *
 * <h2>Never sealing past a gap that may still fill</h2>
 * Appends take no lock: an entry's seq is drawn from {@code audit_entry_seq} when it is inserted, but transactions
 * commit in any order, so at some moment seq 7 may be committed while 6 is not (yet, or ever). Looking at the xid
 * of the visible rows does not settle it: the row of seq 6 is invisible, so its transaction's id is unknown. What
 * the sealer uses instead is a checkpoint (D, X): D = the sequence's last drawn value, read first, then X = the
 * sealer's own transaction id ({@code pg_current_xact_id()}), assigned after. The insert trigger gives its
 * transaction an id before it draws the seq, and ids are assigned in increasing order, so every transaction that
 * drew a value &le; D has an id &lt; X. (Not {@code pg_snapshot_xmax}: that is one past the newest completed id,
 * and a younger open transaction can hold an id above it while an older one is still open.) Once a later snapshot's {@code pg_snapshot_xmin} is &ge; X, every
 * transaction with an id below X has committed or aborted; then (in a still later snapshot: READ COMMITTED takes
 * one per statement) the visible rows with seq &le; D are all there will ever be. Seqs up to D are "settled":
 * a missing one was drawn by a transaction that aborted (or died), and the sealer inserts an {@code audit.gap}
 * entry for it (the trigger lets only that filler choose its seq; the primary key would refuse a duplicate), so
 * leaf i is always seq i + 1 and the log stays gapless. Checkpoints that are not settled yet are kept (in memory:
 * losing them costs a round, never soundness) and a round seals up to the newest settled one.
 */
@Singleton
public class AuditSealer {
    public static final String JOB = "audit-seal";
    public static final String ACTOR = "SYSTEM:audit-sealer";
    public static final String GAP_ACTION = "audit.gap";
    private static final Logger LOG = LoggerFactory.getLogger(AuditSealer.class);
    private static final int PAGE = 2_000;
    private static final int MAX_CHECKPOINTS = 64;
    private static final HexFormat HEX = HexFormat.of();

    private record Checkpoint(long drawn, long xmax) {
    }

    private final JobRunner runner;
    private final AuditRepository repository;
    private final AuditSigningKeys keys;
    private final Clock clock;
    private final List<Checkpoint> checkpoints = new ArrayList<>();
    private long settledSoFar;

    public AuditSealer(JobRunner runner, AuditRepository repository, AuditSigningKeys keys, Clock clock) {
        this.runner = runner;
        this.repository = repository;
        this.keys = keys;
        this.clock = clock;
    }

    /** One round through the job runner (skipped when another instance is sealing). */
    public JobRunner.Outcome sealRound() {
        return runner.run(JOB, this::seal);
    }

    /**
     * Seals every entry drawn before this call, running rounds until it is done or {@code timeout} passes (an
     * entry whose transaction is still open cannot be sealed before it ends). Returns the sealed size.
     */
    public long sealNow(Duration timeout) {
        long target = repository.lastDrawnSeq();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            sealRound();
            long sealed = repository.sealedSize();
            if (sealed >= target || System.nanoTime() - deadline > 0) {
                return sealed;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return sealed;
            }
        }
    }

    /** The round itself; runs inside the job runner's transaction. Returns the number of leaves added. */
    int seal() {
        String isolation = repository.isolationLevel();
        if (!"read committed".equals(isolation)) {
            throw new IllegalStateException("the audit sealer needs READ COMMITTED (a snapshot per statement), not "
                    + isolation);
        }
        long drawn = repository.lastDrawnSeq();
        long xmax = repository.currentTransactionId();
        long xmin = repository.snapshotXmin();
        long settled = settledUpTo(new Checkpoint(drawn, xmax), xmin);

        String publicKey = keys.publicKeyBase64();
        long size = repository.sealedSize();
        if (settled <= size) {
            Optional<AuditRepository.StoredHead> head = repository.latestHead(publicKey);
            if (head.isEmpty() || head.get().treeSize() < size) {
                // the first head (of the empty tree), or the current size again under a new key
                signHead(CompactRange.resume(size, repository.nodes(CompactRange.frontier(size))), publicKey);
            }
            return 0;
        }
        CompactRange range = CompactRange.resume(size, repository.nodes(CompactRange.frontier(size)));
        OffsetDateTime lastAt = size == 0 ? null : repository.find(size).map(AuditEntry::occurredAt).orElse(null);
        long next = size + 1;
        int gaps = 0;
        while (next <= settled) {
            List<AuditEntry> page = repository.page(next - 1, settled, PAGE);
            List<CompactRange.Node> nodes = new ArrayList<>();
            for (AuditEntry e : page) {
                while (next < e.seq()) {
                    AuditEntry gap = gap(next, lastAt != null ? lastAt : e.occurredAt());
                    nodes.addAll(range.append(MerkleTree.leafHash(AuditLog.leaf(gap))));
                    next++;
                    gaps++;
                }
                nodes.addAll(range.append(MerkleTree.leafHash(AuditLog.leaf(e))));
                lastAt = e.occurredAt();
                next++;
            }
            if (page.size() < PAGE) {
                while (next <= settled) {
                    AuditEntry gap = gap(next, lastAt != null ? lastAt : OffsetDateTime.now(clock));
                    nodes.addAll(range.append(MerkleTree.leafHash(AuditLog.leaf(gap))));
                    lastAt = gap.occurredAt();
                    next++;
                    gaps++;
                }
            }
            repository.insertNodes(nodes);
        }
        if (gaps > 0) {
            LOG.warn("audit: {} sequence value(s) below {} were drawn by transactions that did not commit; sealed "
                    + "as audit.gap entries", gaps, settled);
        }
        signHead(range, publicKey);
        return (int) (range.size() - size);
    }

    private AuditEntry gap(long seq, OffsetDateTime at) {
        return repository.insertGap(seq, at, "{\"reason\":\"the transaction that drew this seq did not commit\"}");
    }

    private void signHead(CompactRange range, String publicKey) {
        String root = HEX.formatHex(range.root());
        String timestamp = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
        String signature = keys.sign(SignedTreeHead.message(range.size(), timestamp, root));
        repository.insertHead(new AuditRepository.StoredHead(range.size(), root, timestamp, signature, publicKey));
    }

    /** Records the checkpoint and answers the newest drawn value that is settled by {@code xmin} (0 if none). */
    private synchronized long settledUpTo(Checkpoint now, long xmin) {
        checkpoints.add(now);
        while (!checkpoints.isEmpty() && checkpoints.get(0).xmax() <= xmin) {
            // a settled value stays settled (its transactions are over), even if this round fails
            settledSoFar = Math.max(settledSoFar, checkpoints.remove(0).drawn());
        }
        while (checkpoints.size() > MAX_CHECKPOINTS) {
            // keep the oldest (it settles first) and the newest; drop one in between
            checkpoints.remove(1);
        }
        return settledSoFar;
    }
}
