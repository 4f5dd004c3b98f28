package com.ipledge.service.loan;

import com.ipledge.service.application.ApplicationService;
import com.ipledge.service.audit.AuditEntry;
import com.ipledge.service.audit.AuditLog;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A loan as the API shows it: the row with its schedule, repayments, history, collateral, classification, pledge
 * steps and consents. Kept apart from the changes to a loan, which only ever ask for the view of what they wrote.
 */
@Singleton
class LoanViews {
    private final LoanRepository loans;
    private final ApplicationService applications;
    private final LoanClassifications classifications;
    private final PledgeRepository pledges;
    private final AuditLog audit;

    LoanViews(LoanRepository loans, ApplicationService applications, LoanClassifications classifications,
              PledgeRepository pledges, AuditLog audit) {
        this.loans = loans;
        this.applications = applications;
        this.classifications = classifications;
        this.pledges = pledges;
        this.audit = audit;
    }

    LoanView of(Loan l) {
        return of(List.of(l)).get(0);
    }

    /** Views of several loans with one query per kind of detail (schedule, repayments, history, collateral). */
    List<LoanView> of(List<Loan> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(Loan::id).toList();
        Map<UUID, List<LoanRepository.PaidLine>> schedules = loans.schedules(ids);
        Map<UUID, List<LoanRepository.Repayment>> repayments = loans.repayments(ids);
        Map<String, List<AuditEntry>> histories = audit.histories("loan", ids);
        Map<UUID, List<UUID>> collateral = applications.collateralOf(
                rows.stream().map(Loan::applicationId).distinct().toList());
        Map<UUID, ClassificationRepository.Stored> classified = classifications.stored(ids);
        Map<UUID, List<ClassificationRepository.Move>> moves = classifications.moves(ids);
        Map<UUID, List<PledgeStep>> steps = pledges.steps(ids);
        Map<UUID, List<PledgeConsent>> consents = pledges.consents(ids);
        Map<UUID, Delinquency> arrears = classifications.delinquencies(rows, schedules);
        List<LoanView> views = new ArrayList<>(rows.size());
        for (Loan l : rows) {
            List<LoanView.Line> lines = schedules.getOrDefault(l.id(), List.of()).stream()
                    .map(p -> LoanView.Line.of(p.line(), p.principalPaid(), p.interestPaid())).toList();
            List<LoanView.HistoryItem> history = histories.getOrDefault(l.id().toString(), List.of()).stream()
                    .map(e -> new LoanView.HistoryItem(e.seq(), e.occurredAt(), e.action(), e.actor())).toList();
            views.add(new LoanView(l.id(), l.applicationId(), l.bankId(), l.borrowerId(), l.decisionId(),
                    l.quotaPlanId(), l.principal(), l.annualRate(), l.termMonths(), l.repaymentType().name(),
                    l.status(), List.copyOf(l.status().next()), l.approvedAt(), l.expiresAt(),
                    l.pledgeRegistrationNo(), l.pledgeRegisteredOn(), l.disbursedOn(), l.outstandingPrincipal(),
                    l.closedOn(), collateral.getOrDefault(l.applicationId(), List.of()), lines,
                    repayments.getOrDefault(l.id(), List.of()), history, classified.get(l.id()).classification(),
                    classified.get(l.id()).classifiedOn(), LoanView.Arrears.of(arrears.get(l.id())),
                    moves.getOrDefault(l.id(), List.of()).stream().map(m -> new LoanView.ClassificationMove(
                            m.onDate(), m.kind(), m.from(), m.to(), m.daysPastDue(), m.reason(), m.actor(),
                            m.recordedAt())).toList(), steps.getOrDefault(l.id(), List.of()),
                    consents.getOrDefault(l.id(), List.of()), escrowHeld(consents.getOrDefault(l.id(), List.of()))));
        }
        return views;
    }

    /** Proceeds of approved licences or transfers that went to escrow instead of prepaying the loan. */
    private static BigDecimal escrowHeld(List<PledgeConsent> consents) {
        return consents.stream().filter(c -> c.status() == PledgeConsent.Status.APPROVED
                        && c.proceedsUse() == PledgeConsent.ProceedsUse.ESCROW)
                .map(PledgeConsent::proceeds).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
