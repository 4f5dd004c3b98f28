package com.ipledge.service.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.audit.merkle.MerkleTree;
import com.ipledge.service.audit.verify.AuditProofVerifier;
import com.ipledge.service.audit.verify.SignedTreeHead;
import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Fixtures;
import com.ipledge.service.support.Sql;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22: the audit log as a verifiable log. Appends do not wait for one another; the sealer seals committed
 * entries into an RFC 9162 tree and signs heads; proofs from the running service verify offline; the database
 * refuses UPDATE and DELETE; a superuser who gets round that is still caught.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditLogApiTest extends ApiTestBase {
    private static final HexFormat HEX = HexFormat.of();

    @Inject
    AuditSealer sealer;
    @Inject
    AuditLog audit;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    AuditRepository repository;

    private Sql sql;
    private String bureau;
    private String officer;
    private String otherOfficer;
    private UUID bank;

    @Override
    protected Map<String, String> extraProperties() {
        // rounds run when the test asks (sealNow), so sizes are predictable
        return Map.of("ipledge.jobs.enabled", "false", "ipledge.audit.sealer-enabled", "false");
    }

    @BeforeAll
    void setUp() {
        sql = new Sql(databaseUrl());
        bank = createBank("AUDITM");
        officer = apiKey("BANK_OFFICER", bank);
        otherOfficer = apiKey("BANK_OFFICER", createBank("AUDITO"));
        bureau = apiKey("BUREAU", null);
    }

    private String borrower(String key) {
        Answer b = post("/api/v1/borrowers", Fixtures.strongBorrower(), key);
        assertEquals(201, b.status(), b::toString);
        return b.text("id");
    }

    private long seqOf(String action, String entityId) {
        return sql.count("SELECT seq FROM audit_entry WHERE action = '" + action + "' AND entity_id = '" + entityId
                + "'");
    }

    private static List<byte[]> hashes(Object list) {
        List<byte[]> out = new ArrayList<>();
        for (Object o : (List<?>) list) {
            out.add(HEX.parseHex((String) o));
        }
        return out;
    }

    private PublicKey publicKey() {
        Answer key = get("/api/v1/audit/public-key", null);
        assertEquals(200, key.status(), key::toString);
        assertEquals("Ed25519", key.get("algorithm"));
        PublicKey raw = SignedTreeHead.publicKeyFromRaw(Base64.getDecoder().decode(key.text("publicKey")));
        PublicKey x509 = SignedTreeHead.publicKeyFromX509(Base64.getDecoder().decode(key.text("x509")));
        assertEquals(raw, x509);
        return raw;
    }

    private SignedTreeHead head(Answer a) {
        assertEquals(200, a.status(), a::toString);
        return new SignedTreeHead(((Number) a.get("treeSize")).longValue(), a.text("rootHash"), a.text("timestamp"),
                a.text("signature"));
    }

    @Test
    @Order(1)
    void entriesAreSealedIntoASignedTreeWithInclusionAndConsistencyProofs() {
        long sizeBefore = sealer.sealNow(Duration.ofSeconds(10));
        SignedTreeHead before = head(get("/api/v1/audit/tree-head", bureau));
        assertEquals(sizeBefore, before.treeSize());
        PublicKey key = publicKey();
        assertTrue(before.signedBy(key), "the head is signed by the published key");

        List<String> borrowers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            borrowers.add(borrower(officer));
        }
        long sealed = sealer.sealNow(Duration.ofSeconds(10));
        assertEquals(sql.count("SELECT count(*) FROM audit_entry"), sealed, "every committed entry is sealed");
        SignedTreeHead after = head(get("/api/v1/audit/tree-head", officer));
        assertEquals(sealed, after.treeSize());
        assertTrue(after.signedBy(key));
        assertTrue(after.timestamp().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?Z"),
                after.timestamp());
        // a past head is kept and can be fetched by its size
        assertEquals(before, head(get("/api/v1/audit/tree-head?treeSize=" + before.treeSize(), bureau)));

        for (String b : borrowers) {
            long seq = seqOf("borrower.registered", b);
            Answer proof = get("/api/v1/audit/entries/" + seq + "/proof", officer);
            assertEquals(200, proof.status(), proof::toString);
            assertEquals(seq - 1, ((Number) proof.get("leafIndex")).longValue());
            assertEquals(after.treeSize(), ((Number) proof.get("treeSize")).longValue());
            byte[] leafHash = HEX.parseHex(proof.text("leafHash"));
            assertEquals(proof.text("leafHash"), HEX.formatHex(MerkleTree.leafHash(
                    proof.text("leaf").getBytes(StandardCharsets.UTF_8))));
            assertTrue(proof.text("leaf").contains("\"entityId\":\"" + b + "\""), proof.text("leaf"));
            assertTrue(MerkleTree.verifyInclusion(seq - 1, after.treeSize(), leafHash,
                    hashes(proof.get("auditPath")), after.root()), proof::toString);
            // in an older tree too
            Answer older = get("/api/v1/audit/entries/" + seq + "/proof?treeSize=" + seq, bureau);
            assertEquals(200, older.status(), older::toString);
            assertEquals(seq, ((Number) older.get("treeSize")).longValue());
        }

        Answer consistency = get("/api/v1/audit/consistency?from=" + before.treeSize() + "&to=" + after.treeSize(),
                officer);
        assertEquals(200, consistency.status(), consistency::toString);
        assertTrue(MerkleTree.verifyConsistency(before.treeSize(), after.treeSize(), before.root(), after.root(),
                hashes(consistency.get("proof"))), consistency::toString);
        Answer same = get("/api/v1/audit/consistency?from=" + after.treeSize(), officer);
        assertEquals(List.of(), same.get("proof"));

        Answer verify = get("/api/v1/audit/verify", bureau);
        assertEquals(Boolean.TRUE, verify.get("ok"), verify::toString);
        assertEquals(sealed, ((Number) verify.get("entries")).longValue());
        assertEquals(0, ((Number) verify.get("unsealed")).longValue());
        assertEquals(after.rootHash(), verify.get("rootHash"));
    }

    @Test
    @Order(2)
    void badParametersAnswerProblemsNamingTheFieldAndBanksSeeOnlyTheirOwnEntries() {
        long size = sealer.sealNow(Duration.ofSeconds(10));
        long mine = seqOf("borrower.registered", borrower(officer));
        long theirs = seqOf("borrower.registered", borrower(otherOfficer));
        size = sealer.sealNow(Duration.ofSeconds(10));
        assertEquals(200, get("/api/v1/audit/entries/" + mine + "/proof", officer).status());
        assertEquals(404, get("/api/v1/audit/entries/" + theirs + "/proof", officer).status(),
                "another bank's entry is not found for a bank key");
        assertEquals(200, get("/api/v1/audit/entries/" + theirs + "/proof", bureau).status());
        assertEquals(403, get("/api/v1/audit/verify", officer).status());
        assertEquals(401, get("/api/v1/audit/tree-head", null).status());

        record Bad(String path, int status, String field) {
        }
        for (Bad bad : List.of(
                new Bad("/api/v1/audit/entries/abc/proof", 400, "seq"),
                new Bad("/api/v1/audit/entries/0/proof", 400, "seq"),
                new Bad("/api/v1/audit/entries/" + (size + 1000) + "/proof", 404, null),
                new Bad("/api/v1/audit/entries/" + mine + "/proof?treeSize=" + (size + 1), 400, "treeSize"),
                new Bad("/api/v1/audit/entries/" + mine + "/proof?treeSize=x", 400, "treeSize"),
                new Bad("/api/v1/audit/entries/" + mine + "/proof?treeSize=" + (mine - 1), 400, "seq"),
                new Bad("/api/v1/audit/consistency?from=3&to=2", 400, "from"),
                new Bad("/api/v1/audit/consistency?from=1&to=" + (size + 1), 400, "to"),
                new Bad("/api/v1/audit/consistency?from=one&to=2", 400, "from"),
                new Bad("/api/v1/audit/consistency?from=0&to=2", 400, "from"),
                new Bad("/api/v1/audit/consistency?to=2", 400, "from"),
                new Bad("/api/v1/audit/tree-head?treeSize=-1", 400, "treeSize"),
                new Bad("/api/v1/audit/tree-head?treeSize=" + (size + 7), 404, null))) {
            Answer a = get(bad.path(), bureau);
            assertEquals(bad.status(), a.status(), bad + " -> " + a);
            assertTrue(a.contentType().startsWith("application/problem+json"), a::toString);
            if (bad.field() != null) {
                assertEquals(List.of(bad.field()), a.errorFields(), a::toString);
            }
        }
    }

    /** An open transaction that appended does not hold up anyone else, and the sealer waits for it. */
    @Test
    @Order(3)
    void appendsDoNotWaitForEachOtherAndTheSealerNeverSealsPastAnOpenOne() throws Exception {
        sealer.sealNow(Duration.ofSeconds(10));
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Long> held = CompletableFuture.supplyAsync(() -> transactions.executeWrite(status -> {
            long seq = audit.append("SYSTEM:test", "test.held", "test", "held", null, Map.of("n", 1)).seq();
            appended.countDown();
            try {
                assertTrue(release.await(60, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return seq;
        }));
        assertTrue(appended.await(30, TimeUnit.SECONDS));
        // with the old chain lock this write waited for the held transaction's commit
        String later = CompletableFuture.supplyAsync(() -> borrower(officer)).get(20, TimeUnit.SECONDS);
        long laterSeq = seqOf("borrower.registered", later);
        long sealedWhileOpen = sealer.sealNow(Duration.ofMillis(300));
        release.countDown();
        long heldSeq = held.get(30, TimeUnit.SECONDS);
        assertTrue(heldSeq < laterSeq, heldSeq + " before " + laterSeq);
        assertTrue(sealedWhileOpen < heldSeq, "sealed " + sealedWhileOpen + " while entry " + heldSeq + " was open");
        assertTrue(sealer.sealNow(Duration.ofSeconds(10)) >= laterSeq);

        // a transaction that draws a seq and rolls back leaves a gap; once it is over the sealer fills it
        long drawn = sql.count("SELECT last_value FROM audit_entry_seq");
        assertThrows(IllegalStateException.class, () -> transactions.executeWrite(status -> {
            audit.append("SYSTEM:test", "test.rolled-back", "test", "x", null, Map.of());
            throw new IllegalStateException("roll back");
        }));
        borrower(officer);
        long sealed = sealer.sealNow(Duration.ofSeconds(10));
        assertEquals(sql.count("SELECT max(seq) FROM audit_entry"), sealed);
        assertEquals(sealed, sql.count("SELECT count(*) FROM audit_entry"), "no gap");
        assertEquals("audit.gap", sql.text("SELECT action FROM audit_entry WHERE seq = " + (drawn + 1)));
        assertEquals(0, sql.count("SELECT count(*) FROM audit_entry WHERE action = 'test.rolled-back'"));
        Answer verify = get("/api/v1/audit/verify", bureau);
        assertEquals(Boolean.TRUE, verify.get("ok"), verify::toString);
    }

    /**
     * PostgreSQL's snapshot xmax is one past the newest COMPLETED transaction, not the next id to assign: an older
     * open transaction that holds an id keeps it low, so a younger transaction that drew a seq can have an id at
     * or above a snapshot's xmax while it is still open. The sealer must not take its seq for an abandoned one
     * (before the fix it tried to fill it with an audit.gap and blocked on the open row's key).
     */
    @Test
    @Order(3)
    void aYoungerOpenTransactionBehindAnOlderOneIsNotSealedAsAGap() throws Exception {
        sealer.sealNow(Duration.ofSeconds(10));
        try (Connection older = DriverManager.getConnection(databaseUrl(), "postgres", "");
             Connection younger = DriverManager.getConnection(databaseUrl(), "postgres", "")) {
            older.setAutoCommit(false);
            younger.setAutoCommit(false);
            long youngerSeq;
            try (Statement o = older.createStatement(); Statement y = younger.createStatement()) {
                o.execute("SELECT pg_current_xact_id()");
                var rs = y.executeQuery("INSERT INTO audit_entry (actor, action, entity_type, entity_id, payload)"
                        + " VALUES ('SYSTEM:test', 'test.younger', 'test', 'y', '{}') RETURNING seq");
                rs.next();
                youngerSeq = rs.getLong(1);
                older.commit();
                CompletableFuture<Long> sealing = CompletableFuture.supplyAsync(
                        () -> sealer.sealNow(Duration.ofMillis(500)));
                long sealedWhileOpen;
                try {
                    sealedWhileOpen = sealing.get(20, TimeUnit.SECONDS);
                } finally {
                    younger.commit();
                }
                assertTrue(sealedWhileOpen < youngerSeq, "sealed " + sealedWhileOpen + " while " + youngerSeq
                        + " was open");
            }
            assertTrue(sealer.sealNow(Duration.ofSeconds(10)) >= youngerSeq);
            assertEquals("test.younger", sql.text("SELECT action FROM audit_entry WHERE seq = " + youngerSeq));
            Answer verify = get("/api/v1/audit/verify", bureau);
            assertEquals(Boolean.TRUE, verify.get("ok"), verify::toString);
        }
    }

    /** The CLI checks real answers of the running service, offline, and refuses altered ones. */
    @Test
    @Order(4)
    void theOfflineVerifierChecksRealAnswers(@TempDir Path dir) throws Exception {
        sealer.sealNow(Duration.ofSeconds(10));
        Answer oldHead = get("/api/v1/audit/tree-head", officer);
        long mine = seqOf("borrower.registered", borrower(officer));
        borrower(officer);
        sealer.sealNow(Duration.ofSeconds(10));
        Answer headNow = get("/api/v1/audit/tree-head", officer);
        Answer proof = get("/api/v1/audit/entries/" + mine + "/proof", officer);
        Answer consistency = get("/api/v1/audit/consistency?from=" + oldHead.get("treeSize"), officer);
        Path key = write(dir, "key.json", get("/api/v1/audit/public-key", null).raw());
        Path head = write(dir, "head.json", headNow.raw());
        Path old = write(dir, "old.json", oldHead.raw());
        Path inclusion = write(dir, "proof.json", proof.raw());
        Path cons = write(dir, "consistency.json", consistency.raw());

        Run ok = cli(null, "--public-key", key.toString(), "--tree-head", head.toString(), "--proof",
                inclusion.toString());
        assertEquals(0, ok.code(), ok::toString);
        assertTrue(ok.out().startsWith("OK: leaf " + (mine - 1)), ok::toString);
        // the proof from stdin, the key as its base64 literal
        Run stdin = cli(proof.raw(), "--public-key", (String) get("/api/v1/audit/public-key", null).get("publicKey"),
                "--tree-head", head.toString(), "--proof", "-");
        assertEquals(0, stdin.code(), stdin::toString);
        Run cons1 = cli(null, "--public-key", key.toString(), "--tree-head", head.toString(), "--proof",
                cons.toString(), "--old-tree-head", old.toString());
        assertEquals(0, cons1.code(), cons1::toString);
        assertTrue(cons1.out().contains("is a prefix of the signed tree"), cons1::toString);

        // altered answers fail: a path hash, the entry's content, the head's size (breaks the signature)
        String path0 = (String) ((List<?>) proof.get("auditPath")).get(0);
        String flipped = (path0.charAt(0) == '0' ? "1" : "0") + path0.substring(1);
        Run badPath = cli(proof.raw().replace(path0, flipped), "--public-key", key.toString(), "--tree-head",
                head.toString(), "--proof", "-");
        assertEquals(1, badPath.code(), badPath::toString);
        assertTrue(badPath.err().startsWith("FAILED: "), badPath::toString);
        Run badLeaf = cli(proof.raw().replace("borrower.registered", "borrower.registerex"), "--public-key",
                key.toString(), "--tree-head", head.toString(), "--proof", "-");
        assertEquals(1, badLeaf.code(), badLeaf::toString);
        Run badHead = cli(headNow.raw().replace("\"treeSize\":" + headNow.get("treeSize"),
                "\"treeSize\":" + (((Number) headNow.get("treeSize")).longValue() + 1)), "--public-key",
                key.toString(), "--tree-head", "-", "--proof", inclusion.toString());
        assertEquals(1, badHead.code(), badHead::toString);
        assertTrue(badHead.err().contains("signature"), badHead::toString);
        Run swapped = cli(null, "--public-key", key.toString(), "--tree-head", old.toString(), "--proof",
                cons.toString(), "--old-tree-head", head.toString());
        assertEquals(1, swapped.code(), swapped::toString);
        Run usage = cli(null, "--proof");
        assertEquals(1, usage.code(), usage::toString);
    }

    @Test
    @Order(5)
    void theDatabaseRefusesUpdateDeleteAndTruncate() {
        sealer.sealNow(Duration.ofSeconds(10));
        for (String statement : List.of(
                "UPDATE audit_entry SET actor = 'ADMIN:someone-else' WHERE seq = 2",
                "DELETE FROM audit_entry WHERE seq = 2",
                "TRUNCATE audit_entry CASCADE",
                "UPDATE audit_merkle_node SET hash = repeat('0', 64) WHERE tree_level = 0 AND idx = 1",
                "DELETE FROM audit_merkle_node",
                "DELETE FROM audit_tree_head",
                "UPDATE audit_tree_head SET root_hash = repeat('0', 64)",
                "DELETE FROM audit_signing_key")) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> sql.execute(statement),
                    statement);
            assertTrue(refused.getCause().getMessage().contains("append-only"), refused.getCause().getMessage());
        }
        Answer verify = get("/api/v1/audit/verify", bureau);
        assertEquals(Boolean.TRUE, verify.get("ok"), verify::toString);
    }

    /** A superuser can switch the triggers off; verify still names what was changed, removed or reordered. */
    @Test
    @Order(6)
    void aSuperuserWhoDisablesTheTriggerAndTampersIsCaught() throws Exception {
        long size = sealer.sealNow(Duration.ofSeconds(10));
        long target = Math.max(2, size / 2);
        String actor = sql.text("SELECT actor FROM audit_entry WHERE seq = " + target);
        String leaf = sql.text("SELECT hash FROM audit_merkle_node WHERE tree_level = 0 AND idx = " + (target - 1));

        // changed content
        tamper("UPDATE audit_entry SET actor = 'ADMIN:someone-else' WHERE seq = " + target);
        assertBroken(target, "content does not match");
        tamper("UPDATE audit_entry SET actor = '" + actor + "' WHERE seq = " + target);
        assertEquals(Boolean.TRUE, get("/api/v1/audit/verify", bureau).get("ok"));

        // reordered: two entries swap their seq
        tamper("UPDATE audit_entry SET seq = -1 WHERE seq = " + target,
                "UPDATE audit_entry SET seq = " + target + " WHERE seq = " + (target + 1),
                "UPDATE audit_entry SET seq = " + (target + 1) + " WHERE seq = -1");
        assertBroken(target, "content does not match");
        tamper("UPDATE audit_entry SET seq = -1 WHERE seq = " + target,
                "UPDATE audit_entry SET seq = " + target + " WHERE seq = " + (target + 1),
                "UPDATE audit_entry SET seq = " + (target + 1) + " WHERE seq = -1");
        assertEquals(Boolean.TRUE, get("/api/v1/audit/verify", bureau).get("ok"));

        // removed: the row is gone (kept aside to put it back)
        tamper("CREATE TABLE audit_aside AS SELECT * FROM audit_entry WHERE seq = " + target,
                "DELETE FROM audit_entry WHERE seq = " + target);
        assertBroken(target, "is missing");
        tamper("INSERT INTO audit_entry SELECT * FROM audit_aside", "DROP TABLE audit_aside");
        assertEquals(Boolean.TRUE, get("/api/v1/audit/verify", bureau).get("ok"));

        // changed together with its leaf hash and every node above it: the signed roots still catch it
        List<String> restore = new ArrayList<>();
        restore.add("UPDATE audit_entry SET actor = '" + actor + "' WHERE seq = " + target);
        restore.add("UPDATE audit_merkle_node SET hash = '" + leaf + "' WHERE tree_level = 0 AND idx = "
                + (target - 1));
        tamper("UPDATE audit_entry SET actor = 'ADMIN:someone-else' WHERE seq = " + target);
        // recompute the forged leaf exactly as the service does, from the tampered row
        AuditEntry tampered = repository.find(target).orElseThrow();
        assertEquals("ADMIN:someone-else", tampered.actor());
        String forgedLeaf = HEX.formatHex(MerkleTree.leafHash(AuditLog.leaf(tampered)));
        tamper("UPDATE audit_merkle_node SET hash = '" + forgedLeaf + "' WHERE tree_level = 0 AND idx = "
                + (target - 1));
        Answer broken = get("/api/v1/audit/verify", bureau);
        assertEquals(Boolean.FALSE, broken.get("ok"), broken::toString);
        long named = ((Number) broken.get("firstBrokenEntry")).longValue();
        assertTrue(named <= target, "names an entry at or before the forged one: " + broken);
        assertTrue(broken.text("reason").contains("signed tree head"), broken::toString);
        tamper(restore.toArray(String[]::new));
        assertEquals(Boolean.TRUE, get("/api/v1/audit/verify", bureau).get("ok"));
    }

    private void assertBroken(long seq, String reason) {
        Answer broken = get("/api/v1/audit/verify", bureau);
        assertEquals(Boolean.FALSE, broken.get("ok"), broken::toString);
        assertEquals(seq, ((Number) broken.get("firstBrokenEntry")).longValue(), broken::toString);
        assertTrue(broken.text("reason").contains(reason), broken::toString);
    }

    /** Runs statements as the superuser with the append-only triggers switched off. */
    private void tamper(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(databaseUrl(), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    record Run(int code, String out, String err) {
    }

    private static Run cli(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AuditProofVerifier.run(args, new ByteArrayInputStream(stdin == null ? new byte[0]
                : stdin.getBytes(StandardCharsets.UTF_8)), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path write(Path dir, String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
