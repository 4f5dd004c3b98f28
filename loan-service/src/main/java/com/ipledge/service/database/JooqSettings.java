package com.ipledge.service.database;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.jooq.conf.Settings;

/**
 * jOOQ's settings for the default datasource (issue 22: per-statement work that no request needs). No execute
 * logging (jOOQ's logger listener runs around every statement, even with DEBUG off) and no fetching of JDBC
 * warnings after each statement; SQL rendered unformatted.
 */
@Factory
class JooqSettings {
    @Singleton
    @Named("default")
    Settings settings() {
        return new Settings()
                .withExecuteLogging(false)
                .withFetchWarnings(false)
                .withRenderFormatted(false);
    }
}
