package com.ipledge.service.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time used so far by the three parties of an HTTP benchmark on one machine: the service process, the embedded
 * PostgreSQL (the postmaster listening on the benchmark's port and its backends; pg_ctl detaches it from the test
 * JVM) and the test JVM itself (the clients). CPU per
 * operation moves far less with the machine's load than throughput does, so it shows what a change saved even when
 * other builds share the cores. Linux only ({@code /proc/<pid>/stat}, ticks of 1/100 s); zero elsewhere.
 */
record CpuAccount(long serviceNanos, long databaseNanos, long clientNanos) {
    private static final long NANOS_PER_TICK = 10_000_000L;

    static CpuAccount now(long servicePid, int databasePort) {
        long service = ticks(servicePid);
        long database = ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false)
                        && p.info().arguments().map(a -> List.of(a).contains(Integer.toString(databasePort)))
                        .orElse(false))
                .flatMap(postmaster -> java.util.stream.Stream.concat(java.util.stream.Stream.of(postmaster),
                        postmaster.descendants()))
                .mapToLong(p -> ticks(p.pid())).sum();
        long clients = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return new CpuAccount(service * NANOS_PER_TICK, database * NANOS_PER_TICK, clients);
    }

    CpuAccount minus(CpuAccount earlier) {
        return new CpuAccount(serviceNanos - earlier.serviceNanos, databaseNanos - earlier.databaseNanos,
                clientNanos - earlier.clientNanos);
    }

    /** "CPU per pair: service 4.10 ms, database 2.00 ms, clients 1.10 ms". */
    String perOperation(String unit, long operations) {
        double n = Math.max(1, operations) * 1e6;
        return String.format("  CPU per %-5s service %6.2f ms   database %6.2f ms   clients %6.2f ms   total %6.2f ms",
                unit, serviceNanos / n, databaseNanos / n, clientNanos / n,
                (serviceNanos + databaseNanos + clientNanos) / n);
    }

    /** utime + stime of a process, in clock ticks; 0 when it is gone or this is not Linux. */
    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
