package com.ipledge.service.loan;

import com.ipledge.rules.params.ClassificationPolicy;
import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.events.DomainEvent;
import com.ipledge.service.events.DomainEvents;
import com.ipledge.service.events.EventType;
import com.ipledge.service.policy.PolicyParameterStore;
import com.ipledge.service.problem.FieldErrors;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.problem.NotFound;
import com.ipledge.service.problem.Transitions;
import com.ipledge.service.security.Caller;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Days past due and the five categories: the close-of-business classification of the whole book, a loan's
 * re-classification when a repayment or a default changes its arrears, and a bank's own (worse) classification.
 * A loan's classification is the worse of the floor its days past due set and the bank's; every move between
 * buckets or categories is kept with its reason, and every category move is audited.
 */
@Singleton
public class LoanClassifications {
    public static final String JOB = "loan-classification";
    static final String BUCKET = "BUCKET";
    static final String CATEGORY = "CLASSIFICATION";
    private static final int CHUNK = 500;

    private final ClassificationRepository repository;
    private final LoanRepository loans;
    private final PolicyParameterStore policy;
    private final AuditLog audit;
    // a provider: the webhook outbox behind DomainEvents reads loans, and Loans re-classifies through this class
    private final Provider<DomainEvents> events;
    private final Clock clock;

    LoanClassifications(ClassificationRepository repository, LoanRepository loans, PolicyParameterStore policy,
                        AuditLog audit, Provider<DomainEvents> events, Clock clock) {
        this.events = events;
        this.repository = repository;
        this.loans = loans;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Classifies every loan of the book as of {@code asOf}; the number of category moves. A loan already classified
     * for a later date is left alone, so an instance whose clock lags cannot move loans back.
     */
    @Transactional
    public int classifyBook(LocalDate asOf) {
        ClassificationPolicy p = policy.current().classificationOrDefaults();
        List<UUID> ids = repository.bookLoanIds();
        int moves = 0;
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            List<ClassificationRepository.Stored> locked = repository.lock(chunk);
            Map<UUID, List<LoanRepository.PaidLine>> schedules = loans.schedules(chunk);
            for (ClassificationRepository.Stored s : locked) {
                if (!s.status().isInBook() || (s.classifiedOn() != null && asOf.isBefore(s.classifiedOn()))) {
                    continue;
                }
                moves += apply(s, delinquency(s, schedules, asOf, p), s.bankClassification(), s.bankReason(),
                        "SYSTEM:" + JOB, null);
            }
        }
        return moves;
    }

    /** Re-classifies one loan as of today after its arrears changed (a repayment, a default); joins the caller's transaction. */
    @Transactional
    public void reclassify(UUID loanId, String actor) {
        LocalDate today = LocalDate.now(clock);
        ClassificationRepository.Stored s = repository.lock(loanId, Optional.empty()).orElseThrow();
        if (!s.status().isInBook()) {
            return;
        }
        ClassificationPolicy p = policy.current().classificationOrDefaults();
        apply(s, delinquency(s, loans.schedules(List.of(loanId)), today, p), s.bankClassification(), s.bankReason(),
                actor, null);
    }

    /** The bank's own classification: as bad as the floor or worse, never better, with a reason. */
    @Transactional
    public void classifyByBank(Caller caller, UUID loanId, Classification requested, String reason) {
        FieldErrors errors = new FieldErrors();
        if (requested == null) {
            errors.add("classification", "is required: one of NORMAL, SPECIAL_MENTION, SUBSTANDARD, DOUBTFUL, LOSS");
        }
        if (reason == null || reason.isBlank()) {
            errors.add("reason", "is required: why the bank classifies the loan so");
        } else if (reason.strip().length() > 500) {
            errors.add("reason", "must be at most 500 characters");
        }
        errors.throwIfAny();
        ClassificationRepository.Stored s = repository.lock(loanId, caller.bankScope())
                .orElseThrow(() -> NotFound.of("loan " + loanId));
        if (!s.status().isInBook()) {
            throw Transitions.notAllowed("loan", s.status(), "classify",
                    List.of(LoanStatus.DISBURSED, LoanStatus.REPAYING, LoanStatus.DEFAULTED));
        }
        LocalDate today = LocalDate.now(clock);
        Delinquency d = delinquency(s, loans.schedules(List.of(loanId)), today,
                policy.current().classificationOrDefaults());
        if (d.floor().isWorseThan(requested)) {
            throw InvalidInput.of("classification", "must not be better than " + d.floor() + ", the floor for a loan "
                    + d.daysPastDue() + " days past due" + (s.status() == LoanStatus.DEFAULTED ? " and in default" : ""));
        }
        apply(s, d, requested, reason.strip(), caller.role() + ":" + caller.principalId(), reason.strip());
    }

    /** Stores the loan's new figures; records and audits what moved. The number of category moves (0 or 1). */
    private int apply(ClassificationRepository.Stored s, Delinquency d, Classification bank, String bankReason,
                      String actor, String bankSaid) {
        Classification next = bank == null ? d.floor() : Classification.worse(d.floor(), bank);
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean bucketMoved = d.bucket() != s.bucket();
        boolean categoryMoved = next != s.classification();
        if (bucketMoved) {
            repository.insertMove(s.loanId(), d.asOf(), BUCKET, s.bucket().name(), d.bucket().name(), d.daysPastDue(),
                    "逾期" + d.daysPastDue() + "天 / " + d.daysPastDue() + " days past due", actor, now);
        }
        String reason = bankSaid != null || (bank != null && bank.isWorseThan(d.floor()))
                ? "银行分类 / bank's classification: " + (bankSaid != null ? bankSaid : bankReason)
                : floorReason(d, s.status());
        if (categoryMoved) {
            repository.insertMove(s.loanId(), d.asOf(), CATEGORY, s.classification().name(), next.name(),
                    d.daysPastDue(), reason, actor, now);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("from", s.classification().name());
            payload.put("to", next.name());
            payload.put("asOf", d.asOf());
            payload.put("daysPastDue", d.daysPastDue());
            payload.put("floor", d.floor().name());
            payload.put("reason", reason);
            audit.append(actor, "loan.classified", "loan", s.loanId(), s.bankId(), payload);
            events.get().publish(EventType.LOAN_CLASSIFICATION_CHANGED, s.bankId(), s.loanId(), DomainEvent.data(
                    "loanId", s.loanId(), "from", s.classification().name(), "to", next.name(),
                    "daysPastDue", d.daysPastDue(), "classifiedOn", d.asOf(), "reason", reason));
        } else if (bankSaid != null && !bankSaid.equals(s.bankReason())) {
            audit.append(actor, "loan.classification-confirmed", "loan", s.loanId(), s.bankId(),
                    Map.of("classification", next.name(), "asOf", d.asOf(), "reason", reason));
        }
        if (bucketMoved || categoryMoved || d.floor() != s.floor() || d.daysPastDue() != s.daysPastDue()
                || bank != s.bankClassification() || !d.asOf().equals(s.classifiedOn())
                || (bankReason != null && !bankReason.equals(s.bankReason()))) {
            repository.save(s.loanId(), next, d.floor(), bank, bank == null ? null : bankReason, d, now);
        }
        return categoryMoved ? 1 : 0;
    }

    private static String floorReason(Delinquency d, LoanStatus status) {
        Classification f = d.floor();
        if (status == LoanStatus.DEFAULTED && f == Classification.SUBSTANDARD && d.daysPastDue() <= 90) {
            return "已认定违约：次级 / in default: substandard";
        }
        if (f == Classification.NORMAL) {
            return d.daysPastDue() == 0 ? "无逾期：正常 / nothing overdue: normal"
                    : "逾期" + d.daysPastDue() + "天，属技术性延误：正常 / " + d.daysPastDue()
                    + " days past due, a technical delay: normal";
        }
        return "逾期" + d.daysPastDue() + "天：" + f.zh() + " / " + d.daysPastDue() + " days past due: "
                + f.name().toLowerCase().replace('_', ' ');
    }

    /** Today's arrears and floor of several loans (for their views), by loan id. */
    Map<UUID, Delinquency> delinquencies(List<Loan> rows, Map<UUID, List<LoanRepository.PaidLine>> schedules) {
        Map<UUID, Delinquency> out = new LinkedHashMap<>();
        List<Loan> book = new ArrayList<>();
        for (Loan l : rows) {
            if (l.status().isInBook()) {
                book.add(l);
            }
        }
        if (book.isEmpty()) {
            return out;
        }
        LocalDate today = LocalDate.now(clock);
        ClassificationPolicy p = policy.current().classificationOrDefaults();
        for (Loan l : book) {
            out.put(l.id(), Delinquency.of(schedules.getOrDefault(l.id(), List.of()), l.annualRate(),
                    l.status() == LoanStatus.DEFAULTED, today, p));
        }
        return out;
    }

    Map<UUID, ClassificationRepository.Stored> stored(List<UUID> ids) {
        return repository.find(ids);
    }

    Map<UUID, List<ClassificationRepository.Move>> moves(List<UUID> ids) {
        return repository.moves(ids);
    }

    private static Delinquency delinquency(ClassificationRepository.Stored s,
                                           Map<UUID, List<LoanRepository.PaidLine>> schedules, LocalDate asOf,
                                           ClassificationPolicy p) {
        return Delinquency.of(schedules.getOrDefault(s.loanId(), List.of()), s.annualRate(),
                s.status() == LoanStatus.DEFAULTED, asOf, p);
    }
}
