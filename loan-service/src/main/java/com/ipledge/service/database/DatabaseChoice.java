package com.ipledge.service.database;

import java.util.Map;

/**
 * Which PostgreSQL the service runs on, decided before the application context starts: an external server named by
 * {@code DATASOURCES_DEFAULT_URL}, or, only when {@code IPLEDGE_EMBEDDED_DB=true} (development and demos:
 * {@code bin/run} sets it), an embedded one. Anything else refuses to start: a production instance that silently
 * started an empty database of its own would look healthy and lose every write.
 *
 * <p>This class never touches the embedded server's classes itself, so the production artifact (which carries no
 * PostgreSQL binaries) can load it.
 */
public final class DatabaseChoice {
    public static final String URL_VARIABLE = "DATASOURCES_DEFAULT_URL";
    public static final String EMBEDDED_VARIABLE = "IPLEDGE_EMBEDDED_DB";

    private DatabaseChoice() {
    }

    /** The service cannot start on the environment it was given; the message says what to set. */
    public static final class Refused extends RuntimeException {
        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Datasource properties to add to the context: none for an external database, the embedded server's for
     * {@code IPLEDGE_EMBEDDED_DB=true}.
     *
     * @throws Refused when neither is configured, or the embedded server is asked for but not in this build
     */
    public static Map<String, Object> properties(Map<String, String> env) {
        if (env.containsKey(URL_VARIABLE) || System.getProperty("datasources.default.url") != null) {
            return Map.of();
        }
        if (!"true".equalsIgnoreCase(env.getOrDefault(EMBEDDED_VARIABLE, "").trim())) {
            throw new Refused("No database configured: set " + URL_VARIABLE + " (and DATASOURCES_DEFAULT_USERNAME, "
                    + "DATASOURCES_DEFAULT_PASSWORD) to an external PostgreSQL, or " + EMBEDDED_VARIABLE
                    + "=true for the embedded development database", null);
        }
        try {
            return EmbeddedDatabase.startFromEnvironment(env);
        } catch (NoClassDefFoundError e) {
            throw new Refused(EMBEDDED_VARIABLE + "=true, but this build carries no embedded PostgreSQL (it is a "
                    + "development dependency: use bin/run, or set " + URL_VARIABLE + ")", e);
        }
    }
}
