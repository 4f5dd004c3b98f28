package com.ipledge.service.loan;

import com.ipledge.service.application.ApplicationService;
import com.ipledge.service.application.ApplicationStatus;
import com.ipledge.service.application.LoanApplication;
import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.borrower.Borrower;
import com.ipledge.service.borrower.BorrowerService;
import com.ipledge.service.evaluation.EvaluationService;
import com.ipledge.service.evaluation.StoredDecision;
import com.ipledge.service.events.DomainEvent;
import com.ipledge.service.events.DomainEvents;
import com.ipledge.service.events.EventType;
import com.ipledge.service.ipasset.IpAsset;
import com.ipledge.service.ipasset.IpAssetService;
import com.ipledge.service.ipasset.MemberCapacityService;
import com.ipledge.service.loan.schedule.RepaymentType;
import com.ipledge.service.policy.PolicyParameterStore;
import com.ipledge.service.problem.Conflict;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.problem.NotFound;
import com.ipledge.service.problem.NotPermitted;
import com.ipledge.service.problem.RuleViolation;
import com.ipledge.service.problem.Transitions;
import com.ipledge.service.quota.QuotaPlan;
import com.ipledge.service.quota.QuotaService;
import com.ipledge.service.security.Caller;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An approver's decision on an evaluated application. Four eyes: the approver is neither the officer who filed
 * nor the one who evaluated; above a threshold two approvers must agree. Approval reserves quota and creates the
 * loan, all in one transaction: a refused reservation leaves no vote, no loan, no movement behind.
 */
@Singleton
public class ApprovalService {
    /** What an approval answers. */
    @Introspected
    public record ApprovalOutcome(UUID applicationId, String status, UUID loanId, BigDecimal principal,
                                  BigDecimal interestRate, UUID quotaPlanId, OffsetDateTime expiresAt,
                                  int approvals, int approvalsRequired) {
    }

    private final ApplicationService applications;
    private final EvaluationService decisions;
    private final LoanRepository loans;
    private final BorrowerService borrowers;
    private final IpAssetService assets;
    private final QuotaService quotas;
    private final AuditLog audit;
    private final LifecyclePolicy policy;
    private final PolicyParameterStore parameters;
    private final Clock clock;

    private final DomainEvents events;
    private final MemberCapacityService memberCapacities;

    public ApprovalService(ApplicationService applications, EvaluationService decisions, LoanRepository loans,
                           BorrowerService borrowers, IpAssetService assets, QuotaService quotas,
                           AuditLog audit, LifecyclePolicy policy, PolicyParameterStore parameters, Clock clock,
                           DomainEvents events, MemberCapacityService memberCapacities) {
        this.events = events;
        this.memberCapacities = memberCapacities;
        this.applications = applications;
        this.decisions = decisions;
        this.loans = loans;
        this.borrowers = borrowers;
        this.assets = assets;
        this.quotas = quotas;
        this.audit = audit;
        this.policy = policy;
        this.parameters = parameters;
        this.clock = clock;
    }

    @Transactional
    public ApprovalOutcome decide(Caller caller, UUID applicationId, Boolean approve, String note,
                                  RepaymentType repaymentType) {
        LoanApplication application = applications.lock(applicationId, caller.bankScope())
                .orElseThrow(() -> NotFound.of("application " + applicationId));
        if (approve == null) {
            throw InvalidInput.of("approve", "is required (true or false)");
        }
        if (note != null && note.length() > 1000) {
            throw InvalidInput.of("note", "must be at most 1000 characters");
        }
        if (!ApplicationStatus.DECIDABLE.contains(application.status())) {
            throw Transitions.notAllowed("application", application.status(), "approve or decline",
                    ApplicationStatus.DECIDABLE);
        }
        StoredDecision decision = decisions.latest(applicationId).orElseThrow();
        if (caller.principalId().equals(application.filedBy()) || caller.principalId().equals(decision.evaluatedBy())) {
            throw NotPermitted.of("four-eyes",
                    "The approver must be neither the officer who filed nor the one who evaluated this application.");
        }
        boolean needsReason = !approve || "REFER".equals(decision.outcome());
        // a valuation out of line referred it: approving anyway means standing by those assumptions, in writing
        List<String> implausible = approve ? decisions.plausibilityRules(decision) : List.of();
        if (needsReason && (note == null || note.isBlank())) {
            throw InvalidInput.of("note", !implausible.isEmpty()
                    ? "a note is required to approve a decision the valuation plausibility rules referred ("
                    + String.join(", ", implausible) + "): say why the valuation's assumptions stand"
                    : approve ? "a reason is required to approve a referred application"
                    : "a reason is required to decline");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!loans.insertApproval(applicationId, new LoanRepository.Approval(caller.principalId(), approve,
                note == null ? null : note.strip(), now))) {
            throw Conflict.of("already-voted", "This approver has already decided on this application.");
        }
        if (!approve) {
            applications.updateStatus(applicationId, ApplicationStatus.DECLINED, now);
            audit.append(caller, "application.declined", "application", applicationId, application.bankId(),
                    Map.of("note", note.strip(), "decisionId", decision.id()));
            events.publish(EventType.APPLICATION_DECLINED, application.bankId(), applicationId,
                    DomainEvent.data("applicationId", applicationId,
                    "decisionId", decision.id(), "declinedBy", "APPROVER"));
            return new ApprovalOutcome(applicationId, ApplicationStatus.DECLINED.name(), null, null, null, null,
                    null, 0, approvalsRequired(decision));
        }
        long votes = loans.approvals(applicationId).stream().filter(LoanRepository.Approval::approve).count();
        int required = approvalsRequired(decision);
        if (votes < required) {
            Map<String, Object> vote = new LinkedHashMap<>();
            vote.put("approvals", votes);
            vote.put("required", required);
            vote.put("note", note == null ? "" : note.strip());
            vote.put("plausibilityRules", implausible);
            audit.append(caller, "application.approval-recorded", "application", applicationId,
                    application.bankId(), vote);
            return new ApprovalOutcome(applicationId, "AWAITING_SECOND_APPROVAL", null, decision.approvedLimit(),
                    decision.interestRate(), null, null, (int) votes, required);
        }
        Loan loan = createLoan(application, decision, repaymentType == null ? RepaymentType.EQUAL_INSTALMENTS
                : repaymentType, now);
        applications.updateStatus(applicationId, ApplicationStatus.APPROVED, now);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("loanId", loan.id());
        payload.put("principal", loan.principal());
        payload.put("quotaPlanId", loan.quotaPlanId());
        payload.put("decisionId", decision.id());
        payload.put("override", "REFER".equals(decision.outcome()));
        payload.put("note", note == null ? "" : note.strip());
        payload.put("plausibilityRules", implausible);
        audit.append(caller, "loan.approved", "loan", loan.id(), loan.bankId(), payload);
        events.publish(EventType.APPLICATION_APPROVED, loan.bankId(), loan.id(),
                DomainEvent.data("applicationId", applicationId,
                "loanId", loan.id(), "principal", loan.principal(), "annualRate", loan.annualRate(),
                "expiresAt", loan.expiresAt()));
        return new ApprovalOutcome(applicationId, loan.status().name(), loan.id(), loan.principal(),
                loan.annualRate(), loan.quotaPlanId(), loan.expiresAt(), (int) votes, required);
    }

    /** The threshold of the parameters version that produced the decision, not of today's. */
    private int approvalsRequired(StoredDecision decision) {
        BigDecimal threshold = parameters.version(decision.versions().parameters()).approvalOrDefaults()
                .twoApproverThreshold();
        return decision.approvedLimit().compareTo(threshold) > 0 ? 2 : 1;
    }

    private Loan createLoan(LoanApplication application, StoredDecision decision, RepaymentType type,
                            OffsetDateTime now) {
        if (decision.approvedLimit().signum() <= 0 || decision.interestRate() == null) {
            throw RuleViolation.of("nothing-to-approve",
                    "The decision grants no limit or no price; re-evaluate or decline.");
        }
        Borrower borrower = borrowers.find(application.borrowerId(), Optional.empty()).orElseThrow();
        IpAsset main = assets.find(application.collateralAssetIds().get(0), Optional.empty()).orElseThrow();
        QuotaPlan plan = quotas.planFor(application.bankId(), now.getYear(), borrower.ecoIndustry(), main.type())
                .orElseThrow(() -> Conflict.of("no-quota-plan", "The bank has no earmarked credit plan for "
                        + now.getYear() + "; the bureau must set one before loans can be approved."));
        UUID loanId = UUID.randomUUID();
        // the evaluation capped the limit at the GI capacity left then; another member's loan approved since (on
        // any instance) may have taken it: re-checked under the mark's row lock until this transaction commits
        memberCapacities.take(application.collateralAssetIds(), decision.approvedLimit());
        quotas.reserve(plan, loanId, decision.approvedLimit());
        Loan loan = new Loan(loanId, application.id(), application.bankId(), application.borrowerId(),
                decision.id(), plan.id(), decision.approvedLimit(), decision.interestRate(),
                application.termMonths(), type, LoanStatus.APPROVED, now,
                now.plusDays(policy.getApprovalValidityDays()), null, null, null, decision.approvedLimit(), null, 0);
        loans.insert(loan, now);
        return loan;
    }
}
