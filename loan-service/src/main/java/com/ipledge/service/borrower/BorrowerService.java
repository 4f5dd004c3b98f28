package com.ipledge.service.borrower;

import com.ipledge.rules.sme.IndustryCode;
import com.ipledge.rules.sme.SmeSizeStandard;
import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.identifier.RegionCode;
import com.ipledge.service.identifier.UnifiedSocialCreditCode;
import com.ipledge.service.money.Money;
import com.ipledge.service.security.Caller;
import com.ipledge.service.web.ApiProblem;
import com.ipledge.service.web.FieldErrors;
import jakarta.inject.Singleton;
import io.micronaut.transaction.annotation.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

@Singleton
public class BorrowerService {
    private static final int MAX_EMPLOYEES = 10_000_000;

    private final BorrowerRepository borrowers;
    private final SmeSizeStandard sizeStandard = SmeSizeStandard.miit2011();
    private final AuditLog audit;
    private final Clock clock;

    public BorrowerService(BorrowerRepository borrowers, AuditLog audit, Clock clock) {
        this.borrowers = borrowers;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Borrower register(Caller caller, NewBorrower request) {
        UUID bankId = caller.bankScope().orElseThrow(() -> ApiProblem.invalid("bankId", "only bank staff register"));
        check(request);
        Borrower borrower = new Borrower(UUID.randomUUID(), bankId, request.name().strip(), request.creditCode(),
                request.industryCode(), request.ecoIndustry(), request.regionCode(), request.employees(),
                Money.yuan(request.operatingRevenue()), Money.yuan(request.totalAssets()), request.foundedOn(),
                sizeStandard.classify(new IndustryCode(request.industryCode()), request.employees(),
                        request.operatingRevenue(), request.totalAssets()),
                OffsetDateTime.now(clock));
        Borrower stored = borrowers.insert(borrower).orElseThrow(() -> ApiProblem.conflict("borrower-exists",
                "This bank already has a borrower with credit code " + request.creditCode() + ".",
                java.util.Map.of("borrowerId",
                        borrowers.findByCreditCode(bankId, request.creditCode()).orElseThrow().id())));
        audit.append(caller, "borrower.registered", "borrower", stored.id(), bankId,
                java.util.Map.of("sizeClass", stored.sizeClass().name(), "industryCode", stored.industryCode()));
        return stored;
    }

    public Borrower get(Caller caller, UUID id) {
        return borrowers.find(id, caller.bankScope()).orElseThrow(() -> ApiProblem.notFound("borrower " + id));
    }

    /** Checks a firm's facts as registering would, without registering (the public form's intake). */
    public void checkNew(NewBorrower r) {
        check(r);
    }

    void check(NewBorrower r) {
        FieldErrors errors = new FieldErrors();
        if (r.name() == null || r.name().isBlank()) {
            errors.add("name", "is required");
        } else if (r.name().length() > 200) {
            errors.add("name", "must be at most 200 characters");
        }
        if (r.creditCode() == null) {
            errors.add("creditCode", "is required");
        } else {
            UnifiedSocialCreditCode.problem(r.creditCode()).ifPresent(p -> errors.add("creditCode", p));
        }
        if (r.industryCode() == null) {
            errors.add("industryCode", "is required");
        } else {
            IndustryCode.problem(r.industryCode()).ifPresent(p -> errors.add("industryCode", p));
        }
        if (r.regionCode() == null) {
            errors.add("regionCode", "is required");
        } else {
            RegionCode.problem(r.regionCode()).ifPresent(p -> errors.add("regionCode", p));
        }
        if (r.employees() == null) {
            errors.add("employees", "is required");
        } else if (r.employees() < 0 || r.employees() > MAX_EMPLOYEES) {
            errors.add("employees", "must be between 0 and " + MAX_EMPLOYEES);
        }
        Money.check(errors, "operatingRevenue", r.operatingRevenue(), false);
        Money.check(errors, "totalAssets", r.totalAssets(), false);
        LocalDate today = LocalDate.now(clock);
        if (r.foundedOn() == null) {
            errors.add("foundedOn", "is required");
        } else if (r.foundedOn().isAfter(today)) {
            errors.add("foundedOn", "is in the future");
        } else if (r.foundedOn().getYear() < 1900) {
            errors.add("foundedOn", "is before 1900");
        }
        errors.throwIfAny();
    }

    // ------------------------------------------------------------ borrowers as other features read them

    public Optional<Borrower> find(UUID id, Optional<UUID> bankScope) {
        return borrowers.find(id, bankScope);
    }

    public Optional<Borrower> findByCreditCode(UUID bankId, String creditCode) {
        return borrowers.findByCreditCode(bankId, creditCode);
    }

    /** A borrower seeded without a caller (demo data), hence not checked or audited; empty when it exists. */
    public Optional<Borrower> insert(Borrower borrower) {
        return borrowers.insert(borrower);
    }
}
