package com.ipledge.service.risk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipledge.risk.portfolio.PortfolioRequest;
import com.ipledge.risk.portfolio.PortfolioResult;
import com.ipledge.service.problem.DomainProblem;
import com.ipledge.service.problem.NotFound;
import com.ipledge.service.security.Caller;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Portfolio simulations too large to answer while the caller waits (issue 22): kept as a job row, run by the
 * {@link SimulationJobDriver} of any instance, polled by the caller. A bank sees its own bank's jobs; the bureau
 * the jobs of no bank.
 */
@Singleton
public class SimulationJobs {
    private static final Logger LOG = LoggerFactory.getLogger(SimulationJobs.class);
    /** A running job writes its progress (its heartbeat) at most this often. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);
    /** A RUNNING job whose heartbeat is older than this lost its instance: another one takes it over. */
    static final Duration STALE = Duration.ofMinutes(2);

    /** Published when a job is queued, so this instance's driver starts at once. */
    public record Queued(UUID id) {
    }

    private final SimulationJobRepository repository;
    private final PortfolioSimulationReader reader;
    private final PortfolioRisk risk;
    private final ObjectMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher<Queued> events;

    public SimulationJobs(SimulationJobRepository repository, PortfolioSimulationReader reader, PortfolioRisk risk,
                          ObjectMapper json, Clock clock, ApplicationEventPublisher<Queued> events) {
        this.repository = repository;
        this.reader = reader;
        this.risk = risk;
        this.json = json;
        this.clock = clock;
        this.events = events;
    }

    /** Queues a request that {@link PortfolioSimulationReader#read} accepted. */
    SimulationJobView submit(Caller caller, PortfolioSimulationRequest body, PortfolioRequest request) {
        UUID id = UUID.randomUUID();
        repository.insert(id, caller.bankId(), write(body), request.exposures().size(), request.scenarios(),
                caller.principalId(), caller.role().name(), OffsetDateTime.now(clock));
        events.publishEvent(new Queued(id));
        return find(caller, id);
    }

    SimulationJobView find(Caller caller, UUID id) {
        return repository.find(id, caller.bankId()).map(SimulationJobView::of)
                .orElseThrow(() -> NotFound.of("portfolio simulation " + id));
    }

    /** Claims and runs one job; false when there was none to claim. */
    boolean runNext() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        var claimed = repository.claim(now, now.minus(STALE));
        if (claimed.isEmpty()) {
            return false;
        }
        SimulationJobRepository.Claimed job = claimed.get();
        AtomicLong lastBeat = new AtomicLong(System.nanoTime());
        AtomicLong done = new AtomicLong();
        long began = System.nanoTime();
        try {
            PortfolioRequest request = reader.read(json.readValue(job.request(), PortfolioSimulationRequest.class));
            PortfolioResult result = risk.simulateJob(request, (scenariosDone, total) -> {
                done.accumulateAndGet(scenariosDone, Math::max);
                long last = lastBeat.get();
                if (System.nanoTime() - last >= HEARTBEAT.toNanos() && lastBeat.compareAndSet(last, System.nanoTime())) {
                    repository.progress(job.id(), job.attempts(), done.get(), OffsetDateTime.now(clock));
                }
            });
            long millis = (System.nanoTime() - began) / 1_000_000;
            repository.finish(job.id(), job.attempts(), SimulationJob.Status.DONE,
                    write(PortfolioSimulationAnswer.of(result)), null, millis, result.scenarios(),
                    OffsetDateTime.now(clock));
            LOG.info("portfolio simulation {} done in {} ms", job.id(), millis);
        } catch (DomainProblem | JsonProcessingException e) {
            // accepted when queued, so only a changed rule of reading can get here: the job says why
            repository.finish(job.id(), job.attempts(), SimulationJob.Status.FAILED, null,
                    e.getMessage() == null ? e.toString() : e.getMessage(),
                    (System.nanoTime() - began) / 1_000_000, done.get(), OffsetDateTime.now(clock));
        }
        return true;
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
