package com.ipledge.service.health;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/** Readiness: DOWN until {@link EngineWarmUp} is done (liveness is not affected: the process is up). */
@Singleton
@Readiness
public class WarmUpIndicator implements HealthIndicator {
    private final EngineWarmUp warmUp;

    public WarmUpIndicator(EngineWarmUp warmUp) {
        this.warmUp = warmUp;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        EngineWarmUp.State s = warmUp.state();
        return Mono.just(HealthResult.builder("engineWarmUp", s.done() ? HealthStatus.UP : HealthStatus.DOWN)
                .details(Map.of("rounds", s.rounds(), "lastRoundMillis", s.lastRoundMillis(),
                        "endedBy", s.endedBy() == null ? "running" : s.endedBy()))
                .build());
    }
}
