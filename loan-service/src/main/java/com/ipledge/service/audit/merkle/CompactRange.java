package com.ipledge.service.audit.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a growing RFC 9162 tree: the roots of the perfect subtrees that cover D[0:size], largest
 * first (one per set bit of size). Appending a leaf merges equal-sized neighbours like a binary counter and names
 * every perfect subtree it completes, so a sealer can store them; the root of the tree is these subtrees folded
 * from the right. Memory and work per leaf are O(log size).
 */
public final class CompactRange {
    /** A perfect subtree: MTH(D[index * 2^level : (index + 1) * 2^level]). */
    public record Node(int level, long index, byte[] hash) {
    }

    /** Where a perfect subtree sits, without its hash. */
    public record NodeId(int level, long index) {
    }

    private long size;
    /** Left to right: levels strictly decreasing. */
    private final List<Node> edge = new ArrayList<>();

    public CompactRange() {
    }

    /** Resumes a tree of {@code size} leaves from the hashes of {@link #frontier(long)}, in that order. */
    public static CompactRange resume(long size, List<byte[]> frontierHashes) {
        List<NodeId> ids = frontier(size);
        if (ids.size() != frontierHashes.size()) {
            throw new IllegalArgumentException("a tree of size " + size + " has " + ids.size()
                    + " frontier subtrees, not " + frontierHashes.size());
        }
        CompactRange r = new CompactRange();
        r.size = size;
        for (int i = 0; i < ids.size(); i++) {
            r.edge.add(new Node(ids.get(i).level(), ids.get(i).index(), frontierHashes.get(i)));
        }
        return r;
    }

    /** The perfect subtrees covering D[0:size], largest (leftmost) first. */
    public static List<NodeId> frontier(long size) {
        List<NodeId> ids = new ArrayList<>();
        long start = 0;
        for (int level = 63; level >= 0; level--) {
            long width = 1L << level;
            if ((size & width) != 0) {
                ids.add(new NodeId(level, start >> level));
                start += width;
            }
        }
        return ids;
    }

    /** Adds the next leaf hash; answers the perfect subtrees this completes, the leaf itself first. */
    public List<Node> append(byte[] leafHash) {
        List<Node> completed = new ArrayList<>();
        Node node = new Node(0, size, leafHash);
        completed.add(node);
        while (!edge.isEmpty() && edge.get(edge.size() - 1).level() == node.level()) {
            Node left = edge.remove(edge.size() - 1);
            node = new Node(node.level() + 1, left.index() / 2, MerkleTree.nodeHash(left.hash(), node.hash()));
            completed.add(node);
        }
        edge.add(node);
        size++;
        return completed;
    }

    public long size() {
        return size;
    }

    /** MTH(D[0:size]). */
    public byte[] root() {
        if (edge.isEmpty()) {
            return MerkleTree.emptyRoot();
        }
        byte[] r = edge.get(edge.size() - 1).hash();
        for (int i = edge.size() - 2; i >= 0; i--) {
            r = MerkleTree.nodeHash(edge.get(i).hash(), r);
        }
        return r;
    }
}
