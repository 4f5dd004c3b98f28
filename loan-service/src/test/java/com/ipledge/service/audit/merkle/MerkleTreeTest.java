package com.ipledge.service.audit.merkle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * RFC 9162 section 2.1 against the Certificate Transparency test vectors.
 *
 * <p>The leaves, node hashes and root hashes below are the standard 8-leaf vectors as published in
 * github.com/transparency-dev/merkle, {@code testonly/constants.go} (commit 417fb0c314750d94e53942e9f92e79b6d35915db,
 * Apache License 2.0; the same vectors are in google/certificate-transparency-go). The probe files under
 * {@code src/test/resources/merkle-vectors} are that repository's {@code testdata/inclusion} and
 * {@code testdata/consistency} (same commit, unmodified): each is a proof that must verify ({@code wantErr: false})
 * or must be refused (a flipped bit, a swapped root, a size off by one, garbage before or after). Only the data is
 * copied; the code here is ours.
 */
class MerkleTreeTest {
    static final List<String> LEAVES_HEX = List.of("", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f");
    /** RootHashes(): MTH of the first n leaves, n = 0..8. */
    static final List<String> ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    /** NodeHashes(): every perfect subtree of the 8-leaf tree, by level. */
    static final List<List<String>> NODES = List.of(
            List.of("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
                    "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
                    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                    "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1"),
            List.of("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
            List.of("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
            List.of("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"));

    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<byte[]> leafHashes() {
        return LEAVES_HEX.stream().map(h -> MerkleTree.leafHash(HEX.parseHex(h))).toList();
    }

    @Test
    void emptyTreeLeafAndNodeHashesAreTheRfcOnes() {
        assertEquals(ROOTS.get(0), HEX.formatHex(MerkleTree.emptyRoot()));
        assertEquals(ROOTS.get(0), HEX.formatHex(MerkleTree.rootHash(MerkleTree.inMemory(List.of()), 0)));
        MerkleTree.Nodes nodes = MerkleTree.inMemory(leafHashes());
        for (int level = 0; level < NODES.size(); level++) {
            for (int i = 0; i < NODES.get(level).size(); i++) {
                assertEquals(NODES.get(level).get(i), HEX.formatHex(nodes.node(level, i)), level + "/" + i);
            }
        }
    }

    @Test
    void rootOfEverySizeMatchesTheVectors() {
        List<byte[]> leaves = leafHashes();
        for (int n = 0; n <= 8; n++) {
            assertEquals(ROOTS.get(n), HEX.formatHex(MerkleTree.rootHash(MerkleTree.inMemory(leaves.subList(0, n)),
                    n)), "size " + n);
            CompactRange range = new CompactRange();
            leaves.subList(0, n).forEach(range::append);
            assertEquals(ROOTS.get(n), HEX.formatHex(range.root()), "compact range of size " + n);
        }
    }

    @Test
    void inclusionProbesFromTheCtVectors() {
        List<JsonNode> probes = probes("inclusion");
        assertTrue(probes.size() > 50, "found " + probes.size() + " inclusion probes");
        MerkleTree.Nodes nodes = MerkleTree.inMemory(leafHashes());
        int happy = 0;
        for (JsonNode p : probes) {
            long index = p.get("leafIdx").asLong();
            long size = p.get("treeSize").asLong();
            List<byte[]> proof = hashes(p.get("proof"));
            boolean ok = MerkleTree.verifyInclusion(index, size, b64(p.get("leafHash")), proof, b64(p.get("root")));
            assertEquals(!p.get("wantErr").asBoolean(), ok, p.get("desc").asText() + " " + p);
            if (!p.get("wantErr").asBoolean() && size <= 8 && size > 0
                    && p.get("desc").asText().equals("happy path")) {
                // our generator yields the very path the vectors publish
                assertEquals(hexAll(proof), hexAll(MerkleTree.inclusionProof(nodes, index, size)), p.toString());
                happy++;
            }
        }
        assertTrue(happy >= 4, "compared " + happy + " published paths");
    }

    @Test
    void consistencyProbesFromTheCtVectors() {
        List<JsonNode> probes = probes("consistency");
        assertTrue(probes.size() > 50, "found " + probes.size() + " consistency probes");
        MerkleTree.Nodes nodes = MerkleTree.inMemory(leafHashes());
        int happy = 0;
        for (JsonNode p : probes) {
            long size1 = p.get("size1").asLong();
            long size2 = p.get("size2").asLong();
            List<byte[]> proof = hashes(p.get("proof"));
            boolean ok = MerkleTree.verifyConsistency(size1, size2, b64(p.get("root1")), b64(p.get("root2")), proof);
            assertEquals(!p.get("wantErr").asBoolean(), ok, p.get("desc").asText() + " " + p);
            if (!p.get("wantErr").asBoolean() && size2 <= 8 && size1 > 0 && size1 < size2
                    && p.get("desc").asText().equals("happy path")) {
                assertEquals(hexAll(proof), hexAll(MerkleTree.consistencyProof(nodes, size1, size2)), p.toString());
                happy++;
            }
        }
        assertTrue(happy >= 4, "compared " + happy + " published proofs");
    }

    /** Every proof of the 8-leaf tree verifies against the published roots, and none survives a changed hash. */
    @Test
    void everyProofOfTheEightLeafTreeVerifiesAndTamperingIsCaught() {
        List<byte[]> leaves = leafHashes();
        MerkleTree.Nodes nodes = MerkleTree.inMemory(leaves);
        for (int n = 1; n <= 8; n++) {
            byte[] root = HEX.parseHex(ROOTS.get(n));
            for (int m = 0; m < n; m++) {
                List<byte[]> path = MerkleTree.inclusionProof(nodes, m, n);
                assertTrue(MerkleTree.verifyInclusion(m, n, leaves.get(m), path, root), m + " in " + n);
                assertFalse(MerkleTree.verifyInclusion(m, n, leaves.get((m + 1) % 8), path, root));
                if (!path.isEmpty()) {
                    assertFalse(MerkleTree.verifyInclusion(m, n, leaves.get(m), flipped(path, path.size() - 1), root));
                }
            }
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = MerkleTree.consistencyProof(nodes, m, n);
                byte[] root1 = HEX.parseHex(ROOTS.get(m));
                assertTrue(MerkleTree.verifyConsistency(m, n, root1, root, proof), m + " -> " + n);
                if (!proof.isEmpty()) {
                    assertFalse(MerkleTree.verifyConsistency(m, n, root1, root, flipped(proof, 0)));
                    assertFalse(MerkleTree.verifyConsistency(m, n, root, root1, proof));
                }
            }
        }
    }

    /** Bigger trees: the perfect-subtree recursion equals a plain recursive MTH, and all proofs verify. */
    @Test
    void largerTreesAgreeWithAPlainRecursiveHash() {
        Random random = new Random(20261202);
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            byte[] leaf = new byte[random.nextInt(40)];
            random.nextBytes(leaf);
            leaves.add(MerkleTree.leafHash(leaf));
        }
        MerkleTree.Nodes nodes = MerkleTree.inMemory(leaves);
        CompactRange range = new CompactRange();
        for (int n = 1; n <= leaves.size(); n++) {
            range.append(leaves.get(n - 1));
            byte[] root = plainMth(leaves.subList(0, n));
            assertArrayEquals(root, MerkleTree.rootHash(nodes, n));
            assertArrayEquals(root, range.root());
            for (int m = 0; m < n; m++) {
                assertTrue(MerkleTree.verifyInclusion(m, n, leaves.get(m), MerkleTree.inclusionProof(nodes, m, n),
                        root));
            }
            for (int m = 1; m <= n; m++) {
                assertTrue(MerkleTree.verifyConsistency(m, n, plainMth(leaves.subList(0, m)), root,
                        MerkleTree.consistencyProof(nodes, m, n)));
            }
        }
    }

    @Test
    void aCompactRangeNamesThePerfectSubtreesItCompletes() {
        List<byte[]> leaves = leafHashes();
        CompactRange range = new CompactRange();
        List<String> completed = new ArrayList<>();
        for (byte[] leaf : leaves) {
            range.append(leaf).forEach(n -> completed.add(n.level() + "/" + n.index() + "=" + HEX.formatHex(n.hash())));
        }
        List<String> expected = new ArrayList<>();
        for (int level = 0; level < NODES.size(); level++) {
            for (int i = 0; i < NODES.get(level).size(); i++) {
                expected.add(level + "/" + i + "=" + NODES.get(level).get(i));
            }
        }
        assertEquals(expected.stream().sorted().toList(), completed.stream().sorted().toList());
        // resumed from its frontier (what the sealer loads from the database), it goes on the same way
        CompactRange resumed = CompactRange.resume(5, List.of(HEX.parseHex(NODES.get(2).get(0)),
                HEX.parseHex(NODES.get(0).get(4))));
        assertEquals(ROOTS.get(5), HEX.formatHex(resumed.root()));
        resumed.append(leaves.get(5));
        resumed.append(leaves.get(6));
        assertEquals(ROOTS.get(7), HEX.formatHex(resumed.root()));
        assertEquals(List.of(new long[] {2, 0}, new long[] {1, 2}, new long[] {0, 6}).stream()
                .map(a -> a[0] + "/" + a[1]).toList(), CompactRange.frontier(7).stream()
                .map(n -> n.level() + "/" + n.index()).toList());
    }

    private static byte[] plainMth(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return MerkleTree.emptyRoot();
        }
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return MerkleTree.nodeHash(plainMth(leaves.subList(0, k)), plainMth(leaves.subList(k, leaves.size())));
    }

    private static List<byte[]> flipped(List<byte[]> hashes, int at) {
        List<byte[]> copy = new ArrayList<>(hashes);
        byte[] h = copy.get(at).clone();
        h[0] ^= 1;
        copy.set(at, h);
        return copy;
    }

    private static List<String> hexAll(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    private static byte[] b64(JsonNode node) {
        return node == null || node.isNull() ? null : Base64.getDecoder().decode(node.asText());
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> out = new ArrayList<>();
        if (array != null && !array.isNull()) {
            array.forEach(n -> out.add(b64(n)));
        }
        return out;
    }

    private static List<JsonNode> probes(String kind) {
        try {
            Path dir = Path.of(MerkleTreeTest.class.getResource("/merkle-vectors/" + kind).toURI());
            try (Stream<Path> files = Files.walk(dir)) {
                return files.filter(f -> f.toString().endsWith(".json")).sorted().map(f -> {
                    try {
                        return JSON.readTree(Files.readString(f, StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
