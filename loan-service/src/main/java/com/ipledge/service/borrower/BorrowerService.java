package com.ipledge.service.borrower;

import com.ipledge.rules.sme.IndustryCode;
import com.ipledge.rules.sme.SizeClass;
import com.ipledge.rules.sme.SmeSizeStandard;
import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.identifier.RegionCode;
import com.ipledge.service.identifier.UnifiedSocialCreditCode;
import com.ipledge.service.money.Money;
import com.ipledge.service.problem.Conflict;
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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

@Singleton
public class BorrowerService {
    private static final int MAX_EMPLOYEES = 10_000_000;
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()\\-]{4,28}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

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
        UUID bankId = caller.bankScope().orElseThrow(() -> InvalidInput.of("bankId", "only bank staff register"));
        check(request);
        Borrower borrower = Borrower.registered(UUID.randomUUID(), bankId, request.name().strip(),
                request.creditCode(), request.industryCode(), request.ecoIndustry(), request.regionCode(),
                request.employees(), Money.yuan(request.operatingRevenue()), Money.yuan(request.totalAssets()),
                request.foundedOn(), sizeStandard.classify(new IndustryCode(request.industryCode()),
                        request.employees(), request.operatingRevenue(), request.totalAssets()),
                OffsetDateTime.now(clock), LocalDate.now(clock));
        Borrower stored = borrowers.insert(borrower, caller.principalId()).orElseThrow(() -> Conflict.of(
                "borrower-exists",
                "This bank already has a borrower with credit code " + request.creditCode() + ".",
                java.util.Map.of("borrowerId",
                        borrowers.findByCreditCode(bankId, request.creditCode()).orElseThrow().id())));
        audit.append(caller, "borrower.registered", "borrower", stored.id(), bankId,
                java.util.Map.of("sizeClass", stored.sizeClass().name(), "industryCode", stored.industryCode()));
        return stored;
    }

    public Borrower get(Caller caller, UUID id) {
        return borrowers.find(id, caller.bankScope()).orElseThrow(() -> NotFound.of("borrower " + id));
    }

    /** Checks a firm's facts as registering would, without registering (the public form's intake). */
    public void checkNew(NewBorrower r) {
        check(r);
    }

    /** Every version of the borrower's facts, oldest first. */
    public List<BorrowerVersion> history(Caller caller, UUID id) {
        get(caller, id);
        return borrowers.versions(id);
    }

    /**
     * The caller's borrowers (every bank's for the bureau), filtered; a sync read when updatedSince or cursor is
     * given (see {@link SyncWindow}).
     */
    public Page<Borrower> list(Caller caller, Optional<String> creditCode, Optional<String> name, int page, int size,
                               Optional<SyncWindow> sync) {
        Page.check(page, size);
        FieldErrors errors = new FieldErrors();
        creditCode.filter(c -> c.length() > 18)
                .ifPresent(c -> errors.add("creditCode", "must be at most 18 characters"));
        name.filter(n -> n.length() > 200).ifPresent(n -> errors.add("name", "must be at most 200 characters"));
        errors.throwIfAny();
        BorrowerRepository.Filter filter = new BorrowerRepository.Filter(caller.bankScope(), creditCode,
                name.map(String::strip).filter(n -> !n.isEmpty()));
        long total = borrowers.count(filter, sync);
        if (sync.isEmpty()) {
            return new Page<>(borrowers.page(filter, page, size), page, size, total);
        }
        List<Borrower> items = borrowers.page(filter, sync.get(), size);
        return new Page<>(items, 0, size, total, sync.get().nextCursor(items.isEmpty() ? Optional.empty()
                : Optional.of(new SyncWindow.Position(items.get(items.size() - 1).updatedAt(),
                        items.get(items.size() - 1).id()))));
    }

    /**
     * Records the borrower's facts as of a date: a new version with the fields that changed, the size class
     * recomputed from them, audited. The borrower is looked up first, so another bank's id is 404 whatever the body.
     */
    @Transactional
    public Borrower change(Caller caller, UUID id, BorrowerChange change) {
        Borrower current = borrowers.lock(id, caller.bankScope())
                .orElseThrow(() -> NotFound.of("borrower " + id));
        if (caller.bankScope().isEmpty()) {
            throw InvalidInput.of("bankId", "only the borrower's bank changes its facts");
        }
        check(current, change);
        Borrower next = new Borrower(current.id(), current.bankId(), current.name(), current.creditCode(),
                current.industryCode(), current.ecoIndustry(), current.regionCode(),
                change.employees() == null ? current.employees() : change.employees(),
                change.operatingRevenue() == null ? current.operatingRevenue() : Money.yuan(change.operatingRevenue()),
                change.totalAssets() == null ? current.totalAssets() : Money.yuan(change.totalAssets()),
                current.foundedOn(), current.sizeClass(), current.createdAt(),
                contact(change.contactName(), current.contactName()),
                contact(change.contactPhone(), current.contactPhone()),
                contact(change.contactEmail(), current.contactEmail()),
                current.version() + 1, change.asOf(), OffsetDateTime.now(clock));
        next = withSizeClass(next, sizeStandard.classify(new IndustryCode(next.industryCode()), next.employees(),
                next.operatingRevenue(), next.totalAssets()));
        Map<String, Object> changed = new LinkedHashMap<>();
        compare(changed, "employees", current.employees(), next.employees());
        compare(changed, "operatingRevenue", current.operatingRevenue(), next.operatingRevenue());
        compare(changed, "totalAssets", current.totalAssets(), next.totalAssets());
        compare(changed, "contactName", current.contactName(), next.contactName());
        compare(changed, "contactPhone", current.contactPhone(), next.contactPhone());
        compare(changed, "contactEmail", current.contactEmail(), next.contactEmail());
        compare(changed, "sizeClass", current.sizeClass().name(), next.sizeClass().name());
        Borrower stored = borrowers.update(next, List.copyOf(changed.keySet()), caller.principalId());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("version", stored.version());
        payload.put("asOf", stored.asOf().toString());
        payload.put("changed", changed);
        audit.append(caller, "borrower.changed", "borrower", stored.id(), stored.bankId(), payload);
        return stored;
    }

    private static Borrower withSizeClass(Borrower b, SizeClass sizeClass) {
        return new Borrower(b.id(), b.bankId(), b.name(), b.creditCode(), b.industryCode(), b.ecoIndustry(),
                b.regionCode(), b.employees(), b.operatingRevenue(), b.totalAssets(), b.foundedOn(), sizeClass,
                b.createdAt(), b.contactName(), b.contactPhone(), b.contactEmail(), b.version(), b.asOf(),
                b.updatedAt());
    }

    /** Null keeps the current value, an empty (or blank) one clears it. */
    private static String contact(String sent, String current) {
        if (sent == null) {
            return current;
        }
        return sent.isBlank() ? null : sent.strip();
    }

    private static void compare(Map<String, Object> changed, String field, Object before, Object after) {
        boolean same = before instanceof BigDecimal b && after instanceof BigDecimal a ? b.compareTo(a) == 0
                : java.util.Objects.equals(before, after);
        if (!same) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", before);
            change.put("to", after);
            changed.put(field, change);
        }
    }

    void check(Borrower current, BorrowerChange c) {
        FieldErrors errors = new FieldErrors();
        LocalDate today = LocalDate.now(clock);
        if (c.asOf() == null) {
            errors.add("asOf", "is required");
        } else if (c.asOf().isAfter(today)) {
            errors.add("asOf", "is in the future");
        } else if (c.asOf().isBefore(current.asOf())) {
            errors.add("asOf", "is before " + current.asOf() + ", the date the current version is true as of");
        }
        if (c.employees() == null && c.operatingRevenue() == null && c.totalAssets() == null
                && c.contactName() == null && c.contactPhone() == null && c.contactEmail() == null) {
            errors.add("body", "names no fact to change (employees, operatingRevenue, totalAssets, contactName,"
                    + " contactPhone, contactEmail)");
        }
        if (c.employees() != null && (c.employees() < 0 || c.employees() > MAX_EMPLOYEES)) {
            errors.add("employees", "must be between 0 and " + MAX_EMPLOYEES);
        }
        if (c.operatingRevenue() != null) {
            Money.check(errors, "operatingRevenue", c.operatingRevenue(), false);
        }
        if (c.totalAssets() != null) {
            Money.check(errors, "totalAssets", c.totalAssets(), false);
        }
        if (c.contactName() != null && c.contactName().strip().length() > 100) {
            errors.add("contactName", "must be at most 100 characters");
        }
        if (c.contactPhone() != null && !c.contactPhone().isBlank() && !PHONE.matcher(c.contactPhone().strip())
                .matches()) {
            errors.add("contactPhone", "must be 5 to 30 digits, spaces, hyphens, parentheses, with an optional +");
        }
        if (c.contactEmail() != null && !c.contactEmail().isBlank() && (c.contactEmail().strip().length() > 254
                || !EMAIL.matcher(c.contactEmail().strip()).matches())) {
            errors.add("contactEmail", "must be an e-mail address such as name@example.com");
        }
        errors.throwIfAny();
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
        return borrowers.insert(borrower, null);
    }
}
