package com.ipledge.service.monitoring;

import com.ipledge.service.events.DomainEvent;
import com.ipledge.service.events.DomainEvents;
import com.ipledge.service.events.EventType;
import com.ipledge.rules.Severity;
import com.ipledge.rules.SuggestedAction;
import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.ipasset.IpAsset;
import com.ipledge.service.ipasset.IpType;
import com.ipledge.service.ipasset.IpAssetService;
import com.ipledge.service.ipasset.LegalStatus;
import com.ipledge.service.jobs.JobRunner;
import com.ipledge.service.security.Caller;
import com.ipledge.service.security.Role;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The monitoring jobs. {@link #runDueDateWarnings()} and {@link #runRevaluation()} go through {@link JobRunner}
 * (one instance at a time) and are what {@link MonitoringSchedule} calls; {@link #dueDateWarnings(LocalDate)} and
 * {@link #revalueLiveLoans(LocalDate, int)} do the work for a given day (tests call them directly).
 */
@Singleton
public class MonitoringJobs {
    public static final String DUE_DATES = "monitoring-due-dates";
    public static final String REVALUATION = "monitoring-revaluation";
    /** Warning thresholds in days before an annual fee or a renewal falls due, widest first. */
    public static final List<Integer> THRESHOLDS = List.of(90, 30);
    public static final int REVALUATION_BATCH = 2000;
    /** Whom the job's desk valuations are audited to. */
    static final Caller SYSTEM = new Caller(UUID.nameUUIDFromBytes("ipledge:monitoring-jobs"
            .getBytes(StandardCharsets.UTF_8)), Role.BUREAU, null);

    private final JobRunner runner;
    private final MonitoringRepository repository;
    private final IpAssetService assets;
    private final LoanReactions reactions;
    private final AuditLog audit;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    private final DomainEvents events;

    public MonitoringJobs(JobRunner runner, MonitoringRepository repository, IpAssetService assets,
                          LoanReactions reactions, AuditLog audit, TransactionOperations<Connection> transactions,
                          Clock clock, DomainEvents events) {
        this.events = events;
        this.runner = runner;
        this.repository = repository;
        this.assets = assets;
        this.reactions = reactions;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    public JobRunner.Outcome runDueDateWarnings() {
        return runner.run(DUE_DATES, () -> dueDateWarnings(LocalDate.now(clock)));
    }

    public JobRunner.Outcome runRevaluation() {
        return runner.run(REVALUATION, () -> revalueLiveLoans(LocalDate.now(clock), REVALUATION_BATCH));
    }

    /**
     * Warns 90 and 30 days ahead of each annual fee (a patent's, due on every anniversary of its filing date while
     * the term runs) and each renewal (a mark's, due when its term ends on {@code expiresOn}) of an asset that
     * secures a live loan: one alert per loan, asset, threshold and due date, so running it again raises nothing.
     * Only the nearest threshold passed is raised (an asset first seen 20 days before its due date gets the 30-day
     * warning, not both). Rights already gone (lapsed, invalidated, expired) are left to their own alerts.
     *
     * @return the number of alerts raised
     */
    @Transactional
    public int dueDateWarnings(LocalDate today) {
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        Map<UUID, Optional<IpAsset>> cache = new HashMap<>();
        List<LoanAlert> raised = new ArrayList<>();
        for (MonitoringRepository.Pledge p : repository.livePledges()) {
            Optional<IpAsset> found = cache.computeIfAbsent(p.assetId(), id -> assets.find(id, Optional.empty()));
            if (found.isEmpty() || EnumSet.of(LegalStatus.LAPSED, LegalStatus.INVALIDATED, LegalStatus.EXPIRED)
                    .contains(found.get().legalStatus())) {
                continue;
            }
            IpAsset asset = found.get();
            Optional<LocalDate> due = nextDue(asset, today);
            if (due.isEmpty()) {
                continue;
            }
            long days = ChronoUnit.DAYS.between(today, due.get());
            Integer threshold = null;
            for (int t : THRESHOLDS) {
                if (days <= t) {
                    threshold = t;
                }
            }
            if (threshold == null) {
                continue;
            }
            LoanAlert alert = dueAlert(p, asset, due.get(), days, threshold, now);
            if (repository.insertAlert(alert, "DUE:" + asset.id() + ":" + due.get())) {
                raised.add(alert);
                events.publish(EventType.ALERT_RAISED, alert.bankId(), alert.loanId(),
                        DomainEvent.data("alertId", alert.id(),
                        "loanId", alert.loanId(), "assetId", alert.assetId(), "ruleId", alert.ruleId(),
                        "severity", alert.severity(), "action", alert.action(), "messageEn", alert.messageEn(),
                        "ltv", alert.ltv()));
            }
        }
        for (LoanAlert a : raised) {
            audit.append("SYSTEM:" + DUE_DATES, "alert.raised", "alert", a.id(), a.bankId(), Map.of(
                    "loanId", a.loanId(), "assetId", a.assetId(), "ruleId", a.ruleId()));
        }
        return raised.size();
    }

    /**
     * Revalues the collateral of live loans on {@code today} (a valuation within the policy's freshness, 180 days by
     * default, is reused; older ones are redone at the desk, with the remaining legal life as it is by then) and
     * lets the rule base judge the position: a value drop or an LTV breach raises its alert, once while unresolved.
     *
     * <p>One loan per transaction (issue 22): each loan is locked, judged, its alerts and audit entries written and
     * committed before the next loan is touched, so the job never holds one loan's lock while waiting for
     * another's, and a repayment (loan lock, then its audit entry) cannot deadlock with it. A failure stops the
     * round after the loans already done; the next round does the rest (an unresolved alert is not raised twice).
     *
     * @return the number of alerts raised
     */
    public int revalueLiveLoans(LocalDate today, int limit) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int raised = 0;
        for (UUID loanId : repository.liveLoans(limit)) {
            raised += transactions.execute(TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW),
                    status -> revalueOne(loanId, today, now));
        }
        return raised;
    }

    private int revalueOne(UUID loanId, LocalDate today, OffsetDateTime now) {
        List<LoanAlert> raised = new ArrayList<>();
        reactions.react(SYSTEM, loanId, List.of(), null, today, now).ifPresent(r -> raised.addAll(r.raised()));
        for (LoanAlert a : raised) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("loanId", a.loanId());
            payload.put("ruleId", a.ruleId());
            payload.put("ltv", a.ltv() == null ? "" : a.ltv().toPlainString());
            payload.put("collateralValue", a.collateralValue());
            audit.append("SYSTEM:" + REVALUATION, "alert.raised", "alert", a.id(), a.bankId(), payload);
        }
        return raised.size();
    }

    /** The next annual fee (patent) or renewal (mark) due on or after {@code today}; empty when none is left. */
    static Optional<LocalDate> nextDue(IpAsset asset, LocalDate today) {
        // a mark renews when its term ends; a copyright or a data-IP certificate simply ends then
        if (!asset.type().isPatent()) {
            return asset.expiresOn().isBefore(today) ? Optional.empty() : Optional.of(asset.expiresOn());
        }
        LocalDate filed = asset.filingDate();
        int years = Math.max(1, today.getYear() - filed.getYear());
        LocalDate due = filed.plusYears(years);
        if (due.isBefore(today)) {
            due = filed.plusYears(years + 1);
        }
        // the fee for the last year falls due on the anniversary that starts it; none after the term
        if (due.isAfter(asset.expiresOn())) {
            return Optional.empty();
        }
        return Optional.of(due);
    }

    private static LoanAlert dueAlert(MonitoringRepository.Pledge p, IpAsset asset, LocalDate due, long days,
                                      int threshold, OffsetDateTime now) {
        boolean patent = asset.type().isPatent();
        boolean ends = !patent && !asset.type().isMark();
        String ruleId = (patent ? "MON-FEE-DUE-" : ends ? "MON-EXPIRY-DUE-" : "MON-RENEWAL-DUE-")
                + String.format("%03d", threshold);
        Severity severity = threshold <= 30 ? Severity.WARNING : Severity.INFO;
        String zh;
        String en;
        if (patent) {
            zh = String.format("质押专利 %s 的年费将于 %s 到期（还有%d天），请提醒出质人按时缴纳，逾期将产生滞纳金，"
                    + "6个月内未缴则专利权终止", asset.number(), due, days);
            en = String.format("The annual fee of pledged patent %s falls due on %s (in %d days): remind the "
                    + "pledgor to pay on time; late payment carries a surcharge and after 6 months the patent "
                    + "lapses", asset.number(), due, days);
        } else if (ends) {
            zh = String.format("质押的%s %s 的%s将于 %s 届满（还有%d天），届满后不再有可质押的权利，请评估替换押品或提前收回",
                    asset.type() == IpType.DATA_IP ? "数据知识产权" : "著作权", asset.number(),
                    asset.type() == IpType.DATA_IP ? "登记证书有效期" : "保护期", due, days);
            en = String.format("The %s of pledged %s %s ends on %s (in %d days): after it there is no right left to "
                    + "hold; arrange substitute collateral or early repayment",
                    asset.type() == IpType.DATA_IP ? "certificate validity" : "copyright term",
                    asset.type() == IpType.DATA_IP ? "data IP" : "work", asset.number(), due, days);
        } else {
            zh = String.format("质押商标 %s 的注册有效期将于 %s 届满（还有%d天），请督促出质人办理续展", asset.number(),
                    due, days);
            en = String.format("The registration of pledged mark %s ends on %s (in %d days): have the pledgor "
                    + "file the renewal", asset.number(), due, days);
        }
        return new LoanAlert(UUID.randomUUID(), p.bankId(), p.loanId(), asset.id(), null, ruleId, severity,
                SuggestedAction.WATCH, zh, en, AlertStatus.OPEN, null, null, null, null, now, null, null, null,
                null, null, null);
    }
}
