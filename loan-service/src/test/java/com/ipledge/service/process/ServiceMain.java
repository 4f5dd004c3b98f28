package com.ipledge.service.process;

import com.ipledge.service.Application;

/**
 * The entry point of a child service JVM started by {@link ServiceProcess}: it runs {@link Application#main}
 * unchanged, plus a watchdog that halts this JVM when the test JVM that started it is gone (killed by a CI timeout,
 * say), so that no orphaned service keeps a port and database connections.
 */
public final class ServiceMain {
    /** System property naming the parent's pid. */
    static final String PARENT_PID = "ipledge.process.parent-pid";

    private ServiceMain() {
    }

    public static void main(String[] args) {
        String parent = System.getProperty(PARENT_PID);
        if (parent != null) {
            ProcessHandle.of(Long.parseLong(parent)).ifPresentOrElse(
                    handle -> handle.onExit().thenRun(() -> Runtime.getRuntime().halt(3)),
                    () -> Runtime.getRuntime().halt(3));
        }
        Application.main(args);
    }
}
