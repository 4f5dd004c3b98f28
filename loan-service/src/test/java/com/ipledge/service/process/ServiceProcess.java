package com.ipledge.service.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The loan service as a real operating-system process: a child JVM running {@link com.ipledge.service.Application}
 * (through {@link ServiceMain}) on the test JVM's classpath, against an external PostgreSQL database given by
 * {@code DATASOURCES_DEFAULT_URL} (so the child starts no embedded server of its own), on a free port. Its output
 * goes to {@code target/service-processes/<name>.log}. {@link #kill()} is {@code kill -9}; {@link #stop()} is
 * {@code kill -15}. Every child is killed when the test JVM exits, however it exits short of SIGKILL, and the child
 * halts itself when its parent is gone.
 */
public final class ServiceProcess implements AutoCloseable {
    public static final String ADMIN_KEY = "ipk_process_test_admin_key_0000000000000";
    /** Exit status of a JVM ended by SIGKILL (128 + 9), as {@link Process#exitValue()} reports it. */
    public static final int SIGKILL_EXIT = 137;
    /** Exit status of a JVM that ran its shutdown hooks after SIGTERM (128 + 15). */
    public static final int SIGTERM_EXIT = 143;

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger STARTS = new AtomicInteger();
    private static final Path LOGS = Path.of("target", "service-processes");

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly),
                "service-process-reaper"));
    }

    /**
     * How to start one: the database, extra environment and JVM options, and the shaded jar to run with
     * {@code java -jar} ({@code null}: the test classpath). Reusable for a restart.
     */
    public record Config(String name, String databaseUrl, Map<String, String> env, List<String> jvmOptions,
                         Path jar) {
        public static Config of(String name, String databaseUrl) {
            return new Config(name, databaseUrl, Map.of(), List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"), null);
        }

        public Config withEnv(Map<String, String> more) {
            Map<String, String> e = new HashMap<>(env);
            e.putAll(more);
            return new Config(name, databaseUrl, Map.copyOf(e), jvmOptions, jar);
        }

        public Config withJvmOptions(List<String> options) {
            return new Config(name, databaseUrl, env, List.copyOf(options), jar);
        }

        /** Runs the deployable artifact itself, as an operator would. */
        public Config withJar(Path shadedJar) {
            return new Config(name, databaseUrl, env, jvmOptions, shadedJar);
        }
    }

    private final Config config;
    private final Process process;
    private final int port;
    private final Path log;
    private final Duration startup;

    private ServiceProcess(Config config, Process process, int port, Path log, Duration startup) {
        this.config = config;
        this.process = process;
        this.port = port;
        this.log = log;
        this.startup = startup;
    }

    /** Starts a child JVM and returns once {@code GET /health} answers UP (at most 90 s). */
    public static ServiceProcess start(Config config) {
        int port = freePort();
        Path log = LOGS.resolve(config.name() + "-" + STARTS.incrementAndGet() + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(config.jvmOptions());
        if (config.jar() != null) {
            command.add("-jar");
            command.add(config.jar().toString());
        } else {
            command.add("-D" + ServiceMain.PARENT_PID + "=" + ProcessHandle.current().pid());
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(ServiceMain.class.getName());
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        Map<String, String> env = pb.environment();
        // nothing of the parent's own configuration leaks in: the child is configured here only
        env.keySet().removeIf(k -> k.startsWith("DATASOURCES_") || k.startsWith("IPLEDGE_")
                || k.startsWith("MICRONAUT_") || k.equals("JAVA_TOOL_OPTIONS"));
        env.put("DATASOURCES_DEFAULT_URL", config.databaseUrl());
        env.put("DATASOURCES_DEFAULT_USERNAME", "postgres");
        env.put("DATASOURCES_DEFAULT_PASSWORD", "");
        env.put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        env.put("IPLEDGE_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY);
        env.put("IPLEDGE_RATE_LIMIT_PER_KEY", "1000000");
        env.put("IPLEDGE_DEMO", "false");
        env.put("IPLEDGE_WARM_UP_ENABLED", "false");
        env.putAll(config.env());
        long began = System.nanoTime();
        Process process;
        try {
            Files.createDirectories(LOGS);
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
        LIVE.add(process);
        ServiceProcess started = new ServiceProcess(config, process, port, log, null);
        started.awaitHealthy(Duration.ofSeconds(90));
        return new ServiceProcess(config, process, port, log, Duration.ofNanos(System.nanoTime() - began));
    }

    /** A new process with the same configuration (same database) after this one ended. */
    public ServiceProcess restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(config.name() + " still runs; kill() or stop() it first");
        }
        return start(config);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public ApiClient client() {
        return new ApiClient(baseUrl());
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** From launch to the first healthy answer. */
    public Duration startup() {
        return startup;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** {@code kill -9}: {@link Process#destroyForcibly()} sends SIGKILL on Linux. Returns the exit status. */
    public int kill() {
        process.destroyForcibly();
        return awaitExit(Duration.ofSeconds(30));
    }

    /** {@code kill -15}: a graceful shutdown (SIGTERM); SIGKILL after 60 s. Returns the exit status. */
    public int stop() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                return kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return awaitExit(Duration.ofSeconds(5));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(config.name() + " (pid " + pid() + ") did not exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (!process.isAlive()) {
                LIVE.remove(process);
            }
        }
        return process.exitValue();
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                LIVE.remove(process);
                throw new IllegalStateException(config.name() + " exited with " + process.exitValue()
                        + " before it was healthy; log " + log + ":\n" + tail(80));
            }
            try {
                HttpResponse<String> r = http.send(health, HttpResponse.BodyHandlers.ofString());
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(250);
        }
        kill();
        throw new IllegalStateException(config.name() + " not healthy within " + timeout + " (last: " + last
                + "); log " + log + ":\n" + tail(80));
    }

    /** The last lines of the child's output, for failure messages. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** The child's output lines that contain {@code text}. */
    public List<String> logLines(String text) {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> l.contains(text)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
