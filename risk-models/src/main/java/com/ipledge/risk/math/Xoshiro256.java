package com.ipledge.risk.math;

import java.util.random.RandomGenerator;

/**
 * xoshiro256** (Blackman and Vigna 2018): a small, fast generator with a 2^256 - 1 period, seeded through
 * SplitMix64 so that nearby seeds (one per Monte Carlo scenario) give unrelated streams. Gaussians come from
 * the JDK's ziggurat ({@link RandomGenerator#nextGaussian()}).
 */
public final class Xoshiro256 implements RandomGenerator {
    private long s0;
    private long s1;
    private long s2;
    private long s3;

    public Xoshiro256(long seed) {
        long x = seed;
        s0 = mix(x += 0x9E3779B97F4A7C15L);
        s1 = mix(x += 0x9E3779B97F4A7C15L);
        s2 = mix(x += 0x9E3779B97F4A7C15L);
        s3 = mix(x + 0x9E3779B97F4A7C15L);
    }

    /** A stream for one item (e.g. a scenario) of a seeded run: independent of how the run is split. */
    public static Xoshiro256 forStream(long seed, long stream) {
        return new Xoshiro256(mix(seed) ^ mix(stream + 0x632BE59BD9B4E019L));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }
}
