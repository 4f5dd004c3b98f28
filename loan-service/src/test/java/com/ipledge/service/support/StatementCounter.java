package com.ipledge.service.support;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;

/**
 * Records the SQL of every statement the service runs through jOOQ while {@link #start()}ed (tests of statement
 * counts). Only present where {@code ipledge.test.count-statements} is true, so other tests pay nothing.
 */
@Singleton
@Named("default")
@Requires(property = "ipledge.test.count-statements", value = "true")
public class StatementCounter implements ExecuteListenerProvider {
    private final List<String> statements = new ArrayList<>();
    private volatile boolean recording;

    private final ExecuteListener listener = new ExecuteListener() {
        @Override
        public void executeStart(ExecuteContext ctx) {
            if (recording) {
                synchronized (statements) {
                    String[] batch = ctx.batchSQL();
                    if (batch != null && batch.length > 1) {
                        statements.addAll(List.of(batch));
                    } else {
                        statements.add(ctx.sql());
                    }
                }
            }
        }
    };

    @Override
    public ExecuteListener provide() {
        return listener;
    }

    /** Forgets what was recorded and records from now on. */
    public void start() {
        synchronized (statements) {
            statements.clear();
        }
        recording = true;
    }

    /** Stops recording; the statements recorded since {@link #start()}, in the order they started. */
    public List<String> stop() {
        recording = false;
        synchronized (statements) {
            return List.copyOf(statements);
        }
    }
}
