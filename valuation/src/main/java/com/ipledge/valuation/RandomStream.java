package com.ipledge.valuation;

/**
 * xoroshiro128++ (Blackman and Vigna, 2019) seeded through SplitMix64. Written out here, not taken from the JDK,
 * so that a stored (seed, engine version) replays bit for bit on any JVM: the JDK does not promise to keep the
 * algorithms behind its generators' derived methods across releases. Fast (a few ns per number), no allocation,
 * 2^128 - 1 period; not for cryptography.
 */
final class RandomStream {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long s0;
    private long s1;

    RandomStream(long seed) {
        s0 = splitMix(seed + GOLDEN_GAMMA);
        s1 = splitMix(seed + 2 * GOLDEN_GAMMA);
        if ((s0 | s1) == 0) {
            s1 = GOLDEN_GAMMA; // the all-zero state is the one state xoroshiro cannot leave
        }
    }

    private static long splitMix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        long a = s0;
        long b = s1;
        long result = Long.rotateLeft(a + b, 17) + a;
        b ^= a;
        s0 = Long.rotateLeft(a, 49) ^ b ^ (b << 21);
        s1 = Long.rotateLeft(b, 28);
        return result;
    }

    /**
     * Uniform on the open interval (0, 1), 52-bit resolution: never 0 or 1, so inverse CDFs stay finite.
     * (52 bits, not 53, so that k + 0.5 is exactly representable and cannot round up to 1.)
     */
    double nextOpenUnit() {
        return ((nextLong() >>> 12) + 0.5) * 0x1.0p-52;
    }
}
