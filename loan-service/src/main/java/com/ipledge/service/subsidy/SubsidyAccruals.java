package com.ipledge.service.subsidy;

import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.borrower.BorrowerService;
import com.ipledge.service.evaluation.EvaluationService;
import com.ipledge.service.evaluation.StoredDecision;
import com.ipledge.service.ipasset.IpAsset;
import com.ipledge.service.ipasset.IpAssetService;
import com.ipledge.service.loan.Loan;
import com.ipledge.service.loan.Loans;
import com.ipledge.service.loan.RepaymentListener;
import com.ipledge.service.money.Money;
import com.ipledge.service.policy.PolicyParameterStore;
import com.ipledge.service.problem.Conflict;
import com.ipledge.service.problem.FieldError;
import com.ipledge.service.problem.FieldErrors;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.problem.NotFound;
import com.ipledge.service.problem.RuleViolation;
import com.ipledge.service.security.Caller;
import com.ipledge.service.subsidy.Subsidies.Accrual;
import com.ipledge.service.subsidy.Subsidies.Enrolment;
import com.ipledge.service.subsidy.Subsidies.Programme;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Subsidies earned by real payments. A bank enrols a disbursed loan in a programme (eligibility checked and the
 * IP share fixed there); each repayment of an enrolled loan then accrues an interest subsidy inside the repayment's
 * transaction, and each fee the bank reports accrues a fee subsidy. Every accrual is capped by what the firm
 * already received from the programme in the year (its row locked meanwhile) and audited.
 */
@Singleton
public class SubsidyAccruals implements RepaymentListener {
    static final String SYSTEM = "SYSTEM:subsidy";
    static final int FEE_REFERENCE_LENGTH = 100;

    private final SubsidyRepository repo;
    private final Loans loans;
    private final EvaluationService decisions;
    private final IpAssetService assets;
    private final BorrowerService borrowers;
    private final PolicyParameterStore policy;
    private final AuditLog audit;
    private final Clock clock;

    public SubsidyAccruals(SubsidyRepository repo, Loans loans, EvaluationService decisions, IpAssetService assets,
                           BorrowerService borrowers, PolicyParameterStore policy, AuditLog audit, Clock clock) {
        this.repo = repo;
        this.loans = loans;
        this.decisions = decisions;
        this.assets = assets;
        this.borrowers = borrowers;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Enrols a disbursed loan: its pledged IP of an eligible type must be the main collateral (IP value / all
     * collateral value at approval at least the programme's minimum); the subsidised share is the eligible IP's
     * value over all collateral value. 422 {@code subsidy-ineligible} naming every reason otherwise.
     */
    @Transactional
    public Enrolment enrol(Caller caller, SubsidyRequests.NewEnrolment body) {
        Assessment a = assess(caller, body);
        if (!a.refusals().isEmpty()) {
            throw new RuleViolation("subsidy-ineligible", "The loan is not eligible for programme "
                    + a.programme().code() + ".", a.refusals(), Map.of("programmeId", a.programme().id()));
        }
        Loan loan = a.loan();
        Programme programme = a.programme();
        BigDecimal ipValue = a.ipValue();
        BigDecimal eligibleValue = a.eligibleValue();
        BigDecimal other = a.otherValue();
        BigDecimal total = ipValue.add(other);
        String creditCode = borrowers.find(loan.borrowerId(), Optional.empty()).orElseThrow().creditCode();
        Enrolment enrolment = new Enrolment(UUID.randomUUID(), programme.id(), loan.id(), loan.bankId(), creditCode,
                ipValue, eligibleValue, other, SubsidyArithmetic.share(eligibleValue, total),
                SubsidyProgrammes.actor(caller), OffsetDateTime.now(clock));
        Enrolment stored = repo.insertEnrolment(enrolment).orElseThrow(() -> Conflict.of(
                "subsidy-enrolment-exists", "The loan is already enrolled in programme " + programme.code() + ".",
                Map.of("enrolmentId", repo.enrolment(programme.id(), loan.id()).orElseThrow().id())));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("programmeId", programme.id());
        payload.put("loanId", loan.id());
        payload.put("ipValue", ipValue);
        payload.put("eligibleIpValue", eligibleValue);
        payload.put("otherCollateralValue", stored.otherCollateralValue());
        payload.put("ipShare", stored.ipShare());
        audit.append(caller, "subsidy.enrolled", "subsidy_enrolment", stored.id(), loan.bankId(), payload);
        return stored;
    }

    /** What enrolling would find: the loan, the programme, the collateral values and every reason to refuse. */
    private record Assessment(Loan loan, Programme programme, BigDecimal ipValue, BigDecimal eligibleValue,
                              BigDecimal otherValue, List<FieldError> refusals) {
    }

    /** True when {@link #enrol} would enrol the loan (the demo asks before enrolling). */
    public boolean eligible(Caller caller, SubsidyRequests.NewEnrolment body) {
        return assess(caller, body).refusals().isEmpty();
    }

    private Assessment assess(Caller caller, SubsidyRequests.NewEnrolment body) {
        FieldErrors errors = new FieldErrors();
        if (body.programmeId() == null) {
            errors.add("programmeId", "is required");
        }
        if (body.loanId() == null) {
            errors.add("loanId", "is required");
        }
        BigDecimal other = body.otherCollateralValue() == null ? BigDecimal.ZERO : body.otherCollateralValue();
        Money.check(errors, "otherCollateralValue", other, false);
        errors.throwIfAny();
        Loan loan = loans.find(body.loanId(), caller.bankScope()).orElseThrow(() -> NotFound.of("loan "
                + body.loanId()));
        Programme programme = repo.programme(body.programmeId())
                .orElseThrow(() -> InvalidInput.of("programmeId", "no such subsidy programme"));
        ProgrammeTerms terms = programme.terms();
        List<FieldError> refusals = new ArrayList<>();
        if (loan.disbursedOn() == null) {
            refusals.add(new FieldError("loanId", "is not disbursed (" + loan.status() + "); subsidies follow "
                    + "repayments of a disbursed loan"));
        } else if (!terms.covers(loan.disbursedOn())) {
            refusals.add(new FieldError("loanId", "was disbursed on " + loan.disbursedOn() + ", outside the "
                    + "programme's period " + terms.validFrom() + " to " + terms.validTo()));
        }
        StoredDecision decision = decisions.find(loan.decisionId()).orElseThrow();
        Map<UUID, IpAsset> pledged = assets.findAll(decision.collateral().stream()
                        .map(StoredDecision.CollateralLine::assetId).toList(), loan.bankId()).stream()
                .collect(Collectors.toMap(IpAsset::id, Function.identity()));
        BigDecimal ipValue = BigDecimal.ZERO.setScale(2);
        BigDecimal eligibleValue = BigDecimal.ZERO.setScale(2);
        for (StoredDecision.CollateralLine line : decision.collateral()) {
            BigDecimal value = line.collateralValue() == null ? BigDecimal.ZERO : Money.yuan(line.collateralValue());
            ipValue = ipValue.add(value);
            IpAsset asset = pledged.get(line.assetId());
            if (asset != null && terms.eligibleIpTypes().contains(asset.type().name())) {
                eligibleValue = eligibleValue.add(value);
            }
        }
        BigDecimal total = ipValue.add(Money.yuan(other));
        BigDecimal ipShareOfAll = SubsidyArithmetic.share(ipValue, total);
        if (eligibleValue.signum() == 0) {
            refusals.add(new FieldError("loanId", "none of the pledged IP is of a type the programme subsidises ("
                    + String.join(", ", terms.eligibleIpTypes()) + ") with a collateral value"));
        }
        if (ipShareOfAll.compareTo(terms.minIpShare()) < 0) {
            refusals.add(new FieldError("otherCollateralValue", "IP is not the main collateral: its value "
                    + ipValue.toPlainString() + " is " + ipShareOfAll.toPlainString() + " of all collateral "
                    + total.toPlainString() + ", the programme asks for at least "
                    + terms.minIpShare().toPlainString()));
        }
        return new Assessment(loan, programme, ipValue, eligibleValue, Money.yuan(other), refusals);
    }

    /** The interest subsidy of a repayment of an enrolled loan, in the repayment's transaction. */
    @Override
    @Transactional
    public void onRepaid(Loan loan, Repaid repayment) {
        if (repayment.interest().signum() == 0) {
            return;
        }
        for (Enrolment enrolment : repo.enrolmentsOfLoan(loan.id())) {
            Programme programme = repo.programme(enrolment.programmeId()).orElseThrow();
            ProgrammeTerms terms = programme.terms();
            if (!terms.covers(repayment.paidOn())) {
                continue;
            }
            BigDecimal lpr = policy.current().pricing().referenceRate();
            BigDecimal counted = SubsidyArithmetic.countedRate(loan.annualRate(), lpr, terms.rateCapMarkup());
            BigDecimal computed = SubsidyArithmetic.interestSubsidy(repayment.interest(), loan.annualRate(), counted,
                    terms.interestShare(), enrolment.ipShare());
            accrue(SYSTEM, null, enrolment, programme, SubsidyKind.INTEREST, repayment.id(), null, repayment.paidOn(),
                    repayment.interest(), loan.annualRate(), lpr, counted, computed);
        }
    }

    /** A fee the borrower paid on an enrolled loan, and the subsidy it earns. */
    @Transactional
    public Accrual recordFee(Caller caller, SubsidyRequests.NewFee body) {
        FieldErrors errors = new FieldErrors();
        if (body.enrolmentId() == null) {
            errors.add("enrolmentId", "is required");
        }
        if (body.kind() == null) {
            errors.add("kind", "is required");
        } else if (!body.kind().isFee()) {
            errors.add("kind", "must be GUARANTEE_FEE, INSURANCE_FEE or VALUATION_FEE (interest subsidies accrue "
                    + "from repayments)");
        }
        Money.check(errors, "amount", body.amount(), true);
        LocalDate today = LocalDate.now(clock);
        if (body.paidOn() == null) {
            errors.add("paidOn", "is required");
        } else if (body.paidOn().isAfter(today)) {
            errors.add("paidOn", "is in the future");
        }
        String reference = body.reference() == null || body.reference().isBlank() ? null : body.reference().strip();
        if (reference != null && reference.length() > FEE_REFERENCE_LENGTH) {
            errors.add("reference", "must be at most " + FEE_REFERENCE_LENGTH + " characters");
        }
        errors.throwIfAny();
        Enrolment enrolment = repo.enrolment(body.enrolmentId(), caller.bankScope())
                .orElseThrow(() -> NotFound.of("subsidy enrolment " + body.enrolmentId()));
        // without the bank's own reference a fee is the year's fee of its kind (a premium, a guarantee fee a year)
        String feeReference = reference != null ? reference : "YEAR " + body.paidOn().getYear();
        Optional<Accrual> earlier = repo.feeAccrual(enrolment.loanId(), body.kind(), feeReference);
        if (earlier.isPresent()) {
            throw feeSubsidised(body.kind(), feeReference, earlier.get().id());
        }
        Programme programme = repo.programme(enrolment.programmeId()).orElseThrow();
        ProgrammeTerms terms = programme.terms();
        if (!terms.covers(body.paidOn())) {
            throw new RuleViolation("subsidy-outside-period", "The fee was paid outside the programme's period.",
                    List.of(new FieldError("paidOn", "is outside the programme's period " + terms.validFrom()
                            + " to " + terms.validTo())), Map.of());
        }
        BigDecimal fee = Money.yuan(body.amount());
        BigDecimal computed = SubsidyArithmetic.feeSubsidy(fee, terms.shareFor(body.kind()), enrolment.ipShare());
        return accrue(SubsidyProgrammes.actor(caller), caller, enrolment, programme, body.kind(), UUID.randomUUID(),
                feeReference, body.paidOn(), fee, null, null, null, computed);
    }

    private Accrual accrue(String actor, Caller caller, Enrolment enrolment, Programme programme, SubsidyKind kind,
                           UUID sourceId, String feeReference, LocalDate paidOn, BigDecimal base,
                           BigDecimal actualRate, BigDecimal lpr, BigDecimal counted, BigDecimal computed) {
        ProgrammeTerms terms = programme.terms();
        int year = paidOn.getYear();
        BigDecimal received = repo.lockFirmYear(programme.id(), enrolment.creditCode(), year, kind);
        BigDecimal amount = SubsidyArithmetic.capped(computed, terms.capFor(kind), received);
        repo.addToFirmYear(programme.id(), enrolment.creditCode(), year, kind, amount);
        Accrual accrual = new Accrual(UUID.randomUUID(), enrolment.id(), programme.id(), programme.version(),
                enrolment.loanId(), enrolment.bankId(), enrolment.creditCode(), kind, sourceId, feeReference, paidOn,
                year, SubsidyArithmetic.quarterOf(paidOn), base, ratio(actualRate), ratio(lpr), ratio(counted),
                terms.shareFor(kind), enrolment.ipShare(), computed, amount, null, OffsetDateTime.now(clock));
        if (!repo.insertAccrual(accrual)) {
            // a request for the same fee committed while this one waited: its firm-year addition rolls back with it
            throw feeSubsidised(kind, feeReference, null);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", kind.name());
        payload.put("loanId", enrolment.loanId());
        payload.put("programmeVersion", programme.version());
        payload.put("paidOn", paidOn);
        if (feeReference != null) {
            payload.put("feeReference", feeReference);
        }
        payload.put("base", base);
        if (counted != null) {
            payload.put("actualRate", accrual.actualRate());
            payload.put("lpr", accrual.lpr());
            payload.put("countedRate", accrual.countedRate());
        }
        payload.put("share", accrual.share());
        payload.put("ipShare", accrual.ipShare());
        payload.put("computed", computed);
        payload.put("amount", amount);
        if (caller != null) {
            audit.append(caller, "subsidy.accrued", "subsidy_accrual", accrual.id(), enrolment.bankId(), payload);
        } else {
            audit.append(actor, "subsidy.accrued", "subsidy_accrual", accrual.id(), enrolment.bankId(), payload);
        }
        return accrual;
    }

    private static Conflict feeSubsidised(SubsidyKind kind, String feeReference, UUID accrualId) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("kind", kind.name());
        extra.put("reference", feeReference);
        if (accrualId != null) {
            extra.put("accrualId", accrualId.toString());
        }
        return Conflict.of("fee-already-subsidised", "This loan's " + kind + " \"" + feeReference + "\" has had "
                + "its subsidy already (one fee, one subsidy, whichever programme); a different fee needs its own "
                + "reference.", extra);
    }

    private static BigDecimal ratio(BigDecimal v) {
        return v == null ? null : v.setScale(SubsidyArithmetic.RATIO_SCALE, RoundingMode.HALF_UP);
    }

    public List<Enrolment> enrolments(Caller caller, Optional<UUID> loanId, Optional<UUID> programmeId) {
        return repo.enrolments(caller.bankScope(), loanId, programmeId);
    }

    public List<Accrual> accruals(Caller caller, Optional<UUID> loanId, Optional<UUID> programmeId) {
        return repo.accruals(caller.bankScope(), loanId, programmeId, Optional.empty());
    }
}
