package com.ipledge.service.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.function.Supplier;

/**
 * The business meters operators watch beside the framework's own (http.server.requests per route, hikaricp pool,
 * JVM): decisions by outcome, valuation and simulation durations. Exposed at {@code /prometheus}.
 */
@Singleton
public class ServiceMetrics {
    private final MeterRegistry registry;

    public ServiceMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void decision(String outcome) {
        Counter.builder("ipledge.decisions").description("Credit decisions taken, by outcome")
                .tag("outcome", outcome).register(registry).increment();
    }

    public <T> T timeValuation(Supplier<T> work) {
        return Timer.builder("ipledge.valuation.duration").description("One valuation (Monte Carlo) end to end")
                .publishPercentileHistogram().register(registry).record(work);
    }

    public <T> T timeSimulation(Supplier<T> work) {
        return Timer.builder("ipledge.simulation.duration").description("One portfolio loss simulation")
                .publishPercentileHistogram().register(registry).record(work);
    }

    /** Latency histograms for every route, so p50/p99 per route can be read off Prometheus. */
    @Factory
    static class Histograms {
        @Bean
        @Singleton
        MeterFilter requestHistograms() {
            return new MeterFilter() {
                @Override
                public DistributionStatisticConfig configure(io.micrometer.core.instrument.Meter.Id id,
                                                             DistributionStatisticConfig config) {
                    if (id.getName().equals("http.server.requests")) {
                        return DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config);
                    }
                    return config;
                }
            };
        }
    }
}
