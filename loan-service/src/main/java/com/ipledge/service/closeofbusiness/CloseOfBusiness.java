package com.ipledge.service.closeofbusiness;

import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.jobs.JobRunner;
import com.ipledge.service.loan.LoanClassifications;
import com.ipledge.service.monitoring.MonitoringJobs;
import com.ipledge.service.security.Caller;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The close-of-business jobs of one business day (classification with its arrears, fee and renewal warnings), and
 * moving the business date forward through every day up to a new one, as a core banking system's end-of-day does.
 */
@Singleton
public class CloseOfBusiness {
    /** The longest move in one request (five years): a long move runs every day's jobs in one transaction. */
    public static final int MAX_DAYS = 1830;

    /** What a move did. */
    @Introspected
    public record Moved(LocalDate previousBusinessDate, LocalDate businessDate, int daysRun, int classificationMoves,
                        int dueDateWarnings) {
    }

    private final BusinessDateRepository repository;
    private final LoanClassifications classifications;
    private final MonitoringJobs monitoring;
    private final JobRunner jobs;
    private final AuditLog audit;
    private final Clock clock;

    CloseOfBusiness(BusinessDateRepository repository, LoanClassifications classifications, MonitoringJobs monitoring,
                    JobRunner jobs, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.classifications = classifications;
        this.monitoring = monitoring;
        this.jobs = jobs;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Runs the close of business of every day after the current business date up to {@code target}, then stores
     * the new shift: all in one transaction, under a lock, so two admins (or instances) cannot interleave and a
     * failure leaves the date where it was. {@code realToday} is Beijing's calendar date.
     */
    @Transactional
    Moved moveTo(Caller caller, LocalDate target, LocalDate realToday) {
        repository.lock();
        jobs.holdLock(LoanClassifications.JOB);
        jobs.holdLock(MonitoringJobs.DUE_DATES);
        LocalDate current = realToday.plusDays(repository.shiftDays());
        int moves = 0;
        int warnings = 0;
        int days = 0;
        for (LocalDate day = current.plusDays(1); !day.isAfter(target); day = day.plusDays(1)) {
            moves += classifications.classifyBook(day);
            warnings += monitoring.dueDateWarnings(day);
            days++;
        }
        if (days > 0) {
            int shift = (int) ChronoUnit.DAYS.between(realToday, target);
            OffsetDateTime now = OffsetDateTime.now(clock);
            repository.save(shift, target, now, caller.role() + ":" + caller.principalId());
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("from", current);
            payload.put("to", target);
            payload.put("daysRun", days);
            payload.put("classificationMoves", moves);
            payload.put("dueDateWarnings", warnings);
            audit.append(caller, "business-date.moved", "business_date", target.toString(), null, payload);
        }
        return new Moved(current, days > 0 ? target : current, days, moves, warnings);
    }

    /** The shift every instance should use. */
    int storedShift() {
        return repository.shiftDays();
    }
}
