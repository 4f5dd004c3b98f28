package com.ipledge.rules.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time of the whole benchmark JVM (every thread, JIT and GC included) per operation, and of the benchmark's own
 * threads alone: latency under 16 threads on
 * 2 cores measures the queue for a core, this measures what one operation costs. Use with {@code -prof
 * com.ipledge.rules.bench.CpuTimeProfiler} and a throughput or average-time mode.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private long start;
    private long workersStart;

    @Override
    public String getDescription() {
        return "process CPU time per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        start = OS.getProcessCpuTime();
        workersStart = workerCpuTime();
    }

    /** CPU time of the threads that run the benchmark (JMH names them "...-jmh-worker-N"), the rest being JIT and GC. */
    private static long workerCpuTime() {
        long sum = 0;
        for (var info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains("jmh-worker")) {
                sum += Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    @Override
    public List<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                 IterationResult result) {
        long cpu = OS.getProcessCpuTime() - start;
        long workers = workerCpuTime() - workersStart;
        long ops = result.getMetadata().getMeasuredOps();
        return List.of(
                new ScalarResult("cpu.us/op", ops == 0 ? Double.NaN : cpu / 1000.0 / ops, "us/op",
                        AggregationPolicy.AVG),
                new ScalarResult("cpu.workers.us/op", ops == 0 ? Double.NaN : workers / 1000.0 / ops, "us/op",
                        AggregationPolicy.AVG));
    }
}
