package com.ipledge.service.application;

import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.borrower.BorrowerService;
import com.ipledge.service.ipasset.IpAssetService;
import com.ipledge.service.money.Money;
import com.ipledge.service.problem.FieldErrors;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.problem.NotFound;
import com.ipledge.service.security.Caller;
import com.ipledge.service.web.Page;
import com.ipledge.service.web.SyncWindow;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@Singleton
public class ApplicationService {
    static final int MAX_COLLATERAL = 20;
    static final int MAX_TERM_MONTHS = 120;
    /** No IP-pledge loan to an SME comes near this; a larger request is a typo. */
    static final BigDecimal MAX_REQUEST = new BigDecimal("1000000000");

    private final ApplicationRepository applications;
    private final BorrowerService borrowers;
    private final IpAssetService assets;
    private final AuditLog audit;
    private final Clock clock;

    public ApplicationService(ApplicationRepository applications, BorrowerService borrowers,
                              IpAssetService assets, AuditLog audit, Clock clock) {
        this.applications = applications;
        this.borrowers = borrowers;
        this.assets = assets;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ApplicationView submit(Caller caller, NewApplication r) {
        return submit(caller, r, ApplicationOrigin.API, null);
    }

    /** Files the application a bank officer confirmed from a public-form intake: it records that origin. */
    @Transactional
    public ApplicationView submitFromIntake(Caller caller, NewApplication r, UUID intakeId) {
        return submit(caller, r, ApplicationOrigin.PUBLIC_FORM, intakeId);
    }

    /** Checks amount, term and purpose as filing would, without filing (the public form's intake). */
    public void checkTerms(BigDecimal requestedAmount, Integer termMonths, String purpose) {
        FieldErrors errors = new FieldErrors();
        checkTerms(errors, requestedAmount, termMonths, purpose);
        errors.throwIfAny();
    }

    private ApplicationView submit(Caller caller, NewApplication r, ApplicationOrigin origin, UUID intakeId) {
        UUID bankId = caller.bankScope().orElseThrow(() -> InvalidInput.of("bankId", "only bank staff apply"));
        List<UUID> assetIds = check(bankId, r);
        OffsetDateTime now = OffsetDateTime.now(clock);
        LoanApplication application = new LoanApplication(UUID.randomUUID(), bankId, r.borrowerId(),
                Money.yuan(r.requestedAmount()), r.termMonths(), r.purpose().strip(),
                Boolean.TRUE.equals(r.insurance()), assetIds, ApplicationStatus.SUBMITTED, caller.principalId(),
                now, now, creditHistory(r.creditHistory()), origin, intakeId, null);
        applications.insert(application);
        Map<String, Object> details = new java.util.LinkedHashMap<>(Map.of("requestedAmount",
                application.requestedAmount(), "termMonths", application.termMonths(), "collateral", assetIds,
                "origin", origin.name()));
        if (intakeId != null) {
            details.put("intakeId", intakeId);
        }
        audit.append(caller, "application.submitted", "application", application.id(), bankId, details);
        return ApplicationView.of(application);
    }

    public ApplicationView get(Caller caller, UUID id) {
        return ApplicationView.of(find(caller, id));
    }

    public LoanApplication find(Caller caller, UUID id) {
        return applications.find(id, caller.bankScope()).orElseThrow(() -> NotFound.of("application " + id));
    }

    /** The caller's bank's applications, filtered; a sync read when updatedSince or cursor is given. */
    public Page<ApplicationView> list(Caller caller, Optional<ApplicationStatus> status, Optional<UUID> borrowerId,
                                      int page, int size, Optional<SyncWindow> sync) {
        Page.check(page, size);
        ApplicationRepository.Filter filter = new ApplicationRepository.Filter(caller.bankScope(), status,
                borrowerId);
        long total = applications.count(filter, sync);
        if (sync.isEmpty()) {
            return new Page<>(applications.page(filter, page, size).stream().map(ApplicationView::of).toList(),
                    page, size, total);
        }
        List<LoanApplication> items = applications.page(filter, sync.get(), size);
        LoanApplication last = items.isEmpty() ? null : items.get(items.size() - 1);
        return new Page<>(items.stream().map(ApplicationView::of).toList(), 0, size, total,
                sync.get().nextCursor(Optional.ofNullable(last)
                        .map(a -> new SyncWindow.Position(a.updatedAt(), a.id()))));
    }

    private static NewApplication.CreditHistory creditHistory(NewApplication.CreditHistory h) {
        if (h == null) {
            return NewApplication.CreditHistory.CLEAN;
        }
        return new NewApplication.CreditHistory(Boolean.TRUE.equals(h.currentlyOverdue()),
                h.yearsSinceLastDefault(), Boolean.TRUE.equals(h.onDishonestyList()));
    }

    /** Checks every field, including that the borrower and assets are this bank's; returns the asset ids. */
    private List<UUID> check(UUID bankId, NewApplication r) {
        FieldErrors errors = new FieldErrors();
        if (r.borrowerId() == null) {
            errors.add("borrowerId", "is required");
        } else if (borrowers.find(r.borrowerId(), Optional.of(bankId)).isEmpty()) {
            errors.add("borrowerId", "no such borrower at this bank");
        }
        checkTerms(errors, r.requestedAmount(), r.termMonths(), r.purpose());
        if (r.creditHistory() != null && r.creditHistory().yearsSinceLastDefault() != null
                && (r.creditHistory().yearsSinceLastDefault() < 0 || r.creditHistory().yearsSinceLastDefault() > 100)) {
            errors.add("creditHistory.yearsSinceLastDefault", "must be between 0 and 100");
        }
        List<UUID> ids = List.of();
        if (r.collateral() == null || r.collateral().isEmpty()) {
            errors.add("collateral", "at least one pledged asset is required");
        } else if (r.collateral().size() > MAX_COLLATERAL) {
            errors.add("collateral", "at most " + MAX_COLLATERAL + " assets per application");
        } else {
            ids = checkCollateral(bankId, r.collateral(), errors);
        }
        errors.throwIfAny();
        return ids;
    }

    private static void checkTerms(FieldErrors errors, BigDecimal requestedAmount, Integer termMonths,
                                   String purpose) {
        Money.check(errors, "requestedAmount", requestedAmount, true);
        if (!errors.has("requestedAmount") && requestedAmount.compareTo(MAX_REQUEST) > 0) {
            errors.add("requestedAmount", "must be at most " + MAX_REQUEST.toPlainString() + " yuan");
        }
        if (termMonths == null) {
            errors.add("termMonths", "is required");
        } else if (termMonths < 1 || termMonths > MAX_TERM_MONTHS) {
            errors.add("termMonths", "must be between 1 and " + MAX_TERM_MONTHS);
        }
        if (purpose == null || purpose.isBlank()) {
            errors.add("purpose", "is required");
        } else if (purpose.length() > 500) {
            errors.add("purpose", "must be at most 500 characters");
        }
    }

    private List<UUID> checkCollateral(UUID bankId, List<NewApplication.CollateralRef> refs, FieldErrors errors) {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < refs.size(); i++) {
            NewApplication.CollateralRef ref = refs.get(i);
            if (ref == null || ref.assetId() == null) {
                errors.add("collateral[" + i + "].assetId", "is required");
            } else if (!seen.add(ref.assetId())) {
                errors.add("collateral[" + i + "].assetId", "is listed twice");
            }
        }
        if (!errors.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = refs.stream().map(NewApplication.CollateralRef::assetId).toList();
        Set<UUID> known = new HashSet<>();
        assets.findAll(ids, bankId).forEach(a -> known.add(a.id()));
        for (int i = 0; i < ids.size(); i++) {
            if (!known.contains(ids.get(i))) {
                errors.add("collateral[" + i + "].assetId", "no such IP asset at this bank");
            }
        }
        return ids;
    }

    // ------------------------------------------------------------ applications as other features read and move them

    /** The pledged asset ids of each of {@code applicationIds} (one query, for lists of loans). */
    public Map<UUID, List<UUID>> collateralOf(List<UUID> applicationIds) {
        return applicationIds.isEmpty() ? Map.of() : applications.collateralOf(applicationIds);
    }

    public Optional<LoanApplication> find(UUID id, Optional<UUID> bankScope) {
        return applications.find(id, bankScope);
    }

    /** The application, its row locked until the transaction ends. */
    public Optional<LoanApplication> lock(UUID id, Optional<UUID> bankScope) {
        return applications.lock(id, bankScope);
    }

    /** Moves a locked application on; the caller has checked the transition. */
    public void updateStatus(UUID id, ApplicationStatus status, OffsetDateTime now) {
        applications.updateStatus(id, status, now);
    }

    /** Moves a locked application on after an evaluation, naming the decision it came to. */
    public void recordDecision(UUID id, ApplicationStatus status, UUID decisionId, OffsetDateTime now) {
        applications.recordDecision(id, status, decisionId, now);
    }

    public long count(Optional<UUID> bankScope, Optional<ApplicationStatus> status) {
        return applications.count(new ApplicationRepository.Filter(bankScope, status, Optional.empty()),
                Optional.empty());
    }
}
