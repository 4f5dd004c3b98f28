package com.ipledge.service.audit.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Merkle tree of RFC 9162 (Certificate Transparency 2.0) section 2.1, with SHA-256: the hash of an empty tree
 * is SHA-256(""), a leaf hash is SHA-256(0x00 || leaf), an interior node SHA-256(0x01 || left || right), and a
 * list of n &gt; 1 leaves splits at the largest power of two smaller than n. Inclusion proofs (2.1.3) and
 * consistency proofs (2.1.4) are generated from the hashes of perfect subtrees ({@link Nodes}), and checked by the
 * verification algorithms of 2.1.3.2 and 2.1.4.2. Plain Java, no I/O: the service and the offline verifier share
 * it.
 */
public final class MerkleTree {
    public static final int HASH_BYTES = 32;

    private MerkleTree() {
    }

    /**
     * The hashes of the perfect subtrees of a tree: {@code node(level, index)} is MTH(D[index * 2^level : (index +
     * 1) * 2^level]); level 0 holds the leaf hashes. Only nodes wholly inside the tree are asked for.
     */
    @FunctionalInterface
    public interface Nodes {
        byte[] node(int level, long index);
    }

    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    public static byte[] leafHash(byte[] leaf) {
        MessageDigest d = sha256();
        d.update((byte) 0x00);
        d.update(leaf);
        return d.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest d = sha256();
        d.update((byte) 0x01);
        d.update(left);
        d.update(right);
        return d.digest();
    }

    /** MTH(D[0:size]). */
    public static byte[] rootHash(Nodes nodes, long size) {
        if (size < 0) {
            throw new IllegalArgumentException("negative tree size");
        }
        return size == 0 ? emptyRoot() : rangeHash(nodes, 0, size);
    }

    /**
     * MTH(D[start:end]) for a range as the RFC's recursion produces them: {@code start} is a multiple of the
     * largest power of two not above {@code end - start}, so the left part of every split is a stored perfect
     * subtree.
     */
    public static byte[] rangeHash(Nodes nodes, long start, long end) {
        long n = end - start;
        if (n <= 0) {
            throw new IllegalArgumentException("empty range " + start + ".." + end);
        }
        if (Long.bitCount(n) == 1 && start % n == 0) {
            return nodes.node(Long.numberOfTrailingZeros(n), start / n);
        }
        long k = largestPowerOfTwoBelow(n);
        return nodeHash(rangeHash(nodes, start, start + k), rangeHash(nodes, start + k, end));
    }

    /** PATH(m, D[n]) of RFC 9162 2.1.3.1: the audit path of leaf {@code index} in the tree of {@code size}. */
    public static List<byte[]> inclusionProof(Nodes nodes, long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf index " + index + " is not in a tree of size " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(nodes, index, 0, size, path);
        return path;
    }

    private static void path(Nodes nodes, long m, long start, long end, List<byte[]> out) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m - start < k) {
            path(nodes, m, start, start + k, out);
            out.add(rangeHash(nodes, start + k, end));
        } else {
            path(nodes, m, start + k, end, out);
            out.add(rangeHash(nodes, start, start + k));
        }
    }

    /**
     * PROOF(m, D[n]) of RFC 9162 2.1.4.1: that the tree of {@code size1} is a prefix of the tree of {@code size2}.
     * Empty when the sizes are equal; {@code 0 < size1 <= size2}.
     */
    public static List<byte[]> consistencyProof(Nodes nodes, long size1, long size2) {
        if (size1 <= 0 || size1 > size2) {
            throw new IllegalArgumentException("no consistency proof from size " + size1 + " to " + size2);
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(nodes, size1, 0, size2, true, proof);
        return proof;
    }

    private static void subproof(Nodes nodes, long m, long start, long end, boolean b, List<byte[]> out) {
        long n = end - start;
        if (m == n) {
            if (!b) {
                out.add(rangeHash(nodes, start, end));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(nodes, m, start, start + k, b, out);
            out.add(rangeHash(nodes, start + k, end));
        } else {
            subproof(nodes, m - k, start + k, end, false, out);
            out.add(rangeHash(nodes, start, start + k));
        }
    }

    /** RFC 9162 2.1.3.2: does {@code path} prove {@code leafHash} is leaf {@code index} of the tree {@code root}? */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size || !isHash(leafHash) || root == null || !allHashes(path)) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /**
     * RFC 9162 2.1.4.2: does {@code proof} show the tree {@code root1} of {@code size1} is a prefix of the tree
     * {@code root2} of {@code size2}? Equal sizes need an empty proof and equal roots; a proof from the empty tree
     * proves nothing and is refused, as in the Certificate Transparency test vectors.
     */
    public static boolean verifyConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
        if (size1 <= 0 || size2 < size1 || root1 == null || root2 == null || !allHashes(proof)) {
            return false;
        }
        if (size1 == size2) {
            return proof.isEmpty() && Arrays.equals(root1, root2);
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(size1) == 1) {
            path.add(0, root1);
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return Arrays.equals(fr, root1) && Arrays.equals(sr, root2) && sn == 0;
    }

    /** The perfect subtrees of a list of leaf hashes held in memory (tests, small tools). */
    public static Nodes inMemory(List<byte[]> leafHashes) {
        Map<Long, byte[]> memo = new HashMap<>();
        return new Nodes() {
            @Override
            public byte[] node(int level, long index) {
                if (level == 0) {
                    return leafHashes.get(Math.toIntExact(index));
                }
                long key = (index << 6) | level;
                byte[] known = memo.get(key);
                if (known == null) {
                    known = nodeHash(node(level - 1, 2 * index), node(level - 1, 2 * index + 1));
                    memo.put(key, known);
                }
                return known;
            }
        };
    }

    /** The largest power of two strictly smaller than {@code n} ({@code n > 1}). */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static boolean isHash(byte[] h) {
        return h != null && h.length == HASH_BYTES;
    }

    private static boolean allHashes(List<byte[]> hashes) {
        if (hashes == null) {
            return false;
        }
        for (byte[] h : hashes) {
            if (!isHash(h)) {
                return false;
            }
        }
        return true;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
