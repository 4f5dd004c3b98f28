package com.ipledge.service.ipasset;

import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.identifier.PatentNumber;
import com.ipledge.service.identifier.TrademarkNumber;
import com.ipledge.service.identifier.UnifiedSocialCreditCode;
import com.ipledge.service.problem.Conflict;
import com.ipledge.service.problem.FieldErrors;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.problem.NotFound;
import com.ipledge.service.security.Caller;
import com.ipledge.service.web.Page;
import com.ipledge.service.web.SyncWindow;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Singleton
public class IpAssetService {
    private static final int MAX_COUNT = 100_000;

    private final IpAssetRepository assets;
    private final AuditLog audit;
    private final Clock clock;

    public IpAssetService(IpAssetRepository assets, AuditLog audit, Clock clock) {
        this.assets = assets;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public IpAssetView register(Caller caller, NewIpAsset r) {
        UUID bankId = caller.bankScope().orElseThrow(() -> InvalidInput.of("bankId", "only bank staff register"));
        String number = checkAndNormalise(r);
        LocalDate today = LocalDate.now(clock);
        boolean registered = r.type().isPatent() || r.type().isMark();
        RegistrationFacts facts = registered ? null : WiderCollateralChecks.facts(r);
        LocalDate expiresOn = registered ? LegalTerm.expiresOn(r.type(), r.filingDate(), r.registrationDate())
                : LegalTerm.endOfProtection(r.type(), facts, today);
        List<Integer> classes = r.type().isMark() ? List.copyOf(r.niceClasses()) : null;
        IpAsset asset = new IpAsset(UUID.randomUUID(), bankId, r.type(), number, r.title().strip(),
                r.ownerCreditCode(), r.filingDate(), r.grantDate(), r.registrationDate(), r.legalStatus(),
                r.claims(), r.forwardCitations(), r.familySize(), classes, expiresOn, OffsetDateTime.now(clock), null,
                facts);
        IpAsset stored = assets.insert(asset).orElseThrow(() -> Conflict.of("asset-exists",
                "This bank already has " + r.type() + " " + number + " on file.",
                Map.of("assetId", assets.findByNumber(bankId, r.type(), number).orElseThrow().id())));
        audit.append(caller, "ip-asset.registered", "ip_asset", stored.id(), bankId,
                Map.of("type", stored.type().name(), "number", stored.number(), "expiresOn", stored.expiresOn()));
        return IpAssetView.of(stored, LocalDate.now(clock));
    }

    public IpAssetView get(Caller caller, UUID id) {
        return IpAssetView.of(find(caller, id), LocalDate.now(clock));
    }

    /**
     * The caller's bank's assets (every bank's for the bureau), filtered by number (a patent number in any spelling
     * the registration takes), owner and type; a sync read when updatedSince or cursor is given.
     */
    public Page<IpAssetView> list(Caller caller, Optional<String> number, Optional<String> ownerCreditCode,
                                  Optional<IpType> type, int page, int size, Optional<SyncWindow> sync) {
        Page.check(page, size);
        FieldErrors errors = new FieldErrors();
        number.filter(n -> n.length() > 40).ifPresent(n -> errors.add("number", "must be at most 40 characters"));
        ownerCreditCode.filter(c -> c.length() > 18)
                .ifPresent(c -> errors.add("ownerCreditCode", "must be at most 18 characters"));
        errors.throwIfAny();
        Optional<String> canonical = number.map(n -> PatentNumber.parse(n).number().map(PatentNumber::canonical)
                .orElse(n.strip()));
        IpAssetRepository.Filter filter = new IpAssetRepository.Filter(caller.bankScope(), canonical,
                ownerCreditCode, type);
        LocalDate today = LocalDate.now(clock);
        long total = assets.count(filter, sync);
        if (sync.isEmpty()) {
            return new Page<>(assets.page(filter, page, size).stream().map(a -> IpAssetView.of(a, today)).toList(),
                    page, size, total);
        }
        List<IpAsset> items = assets.page(filter, sync.get(), size);
        IpAsset last = items.isEmpty() ? null : items.get(items.size() - 1);
        return new Page<>(items.stream().map(a -> IpAssetView.of(a, today)).toList(), 0, size, total,
                sync.get().nextCursor(Optional.ofNullable(last)
                        .map(a -> new SyncWindow.Position(a.updatedAt(), a.id()))));
    }

    public IpAsset find(Caller caller, UUID id) {
        return assets.find(id, caller.bankScope()).orElseThrow(() -> NotFound.of("IP asset " + id));
    }

    /** Checks a right as registering would, without registering; returns its number in canonical form. */
    public String checkNew(NewIpAsset r) {
        return checkAndNormalise(r);
    }

    /** The bank's record of this number, whatever its type (a patent number names its type; a mark's may not). */
    public List<IpAsset> findByNumber(UUID bankId, String number) {
        return assets.findByNumber(bankId, number);
    }

    /** Checks every field and returns the number in canonical form. */
    String checkAndNormalise(NewIpAsset r) {
        FieldErrors errors = new FieldErrors();
        if (r.type() == null) {
            errors.add("type", "is required");
        }
        if (r.title() == null || r.title().isBlank()) {
            errors.add("title", "is required");
        } else if (r.title().length() > 300) {
            errors.add("title", "must be at most 300 characters");
        }
        if (r.ownerCreditCode() == null) {
            errors.add("ownerCreditCode", "is required");
        } else {
            UnifiedSocialCreditCode.problem(r.ownerCreditCode()).ifPresent(p -> errors.add("ownerCreditCode", p));
        }
        if (r.legalStatus() == null) {
            errors.add("legalStatus", "is required");
        }
        LocalDate today = LocalDate.now(clock);
        boolean wider = r.type() != null && !r.type().isPatent() && !r.type().isMark();
        checkDate(errors, "filingDate", r.filingDate(), !wider, today);
        checkDate(errors, "grantDate", r.grantDate(), false, today);
        checkDate(errors, "registrationDate", r.registrationDate(), false, today);
        if (r.filingDate() != null && r.grantDate() != null && r.grantDate().isBefore(r.filingDate())) {
            errors.add("grantDate", "is before the filing date");
        }
        if (r.filingDate() != null && r.registrationDate() != null
                && r.registrationDate().isBefore(r.filingDate())) {
            errors.add("registrationDate", "is before the filing date");
        }
        checkCount(errors, "claims", r.claims());
        checkCount(errors, "forwardCitations", r.forwardCitations());
        checkCount(errors, "familySize", r.familySize());
        String number = null;
        if (r.type() != null && r.type().isPatent()) {
            number = checkPatent(errors, r);
        } else if (r.type() != null && r.type().isMark()) {
            number = checkMark(errors, r);
        } else if (r.type() != null) {
            number = WiderCollateralChecks.check(errors, r, today);
        }
        if (!wider) {
            WiderCollateralChecks.noneOf(errors, r);
        }
        errors.throwIfAny();
        return number;
    }

    private static String checkPatent(FieldErrors errors, NewIpAsset r) {
        if (r.registrationDate() != null) {
            errors.add("registrationDate", "applies to marks; a patent has a grantDate");
        }
        if (r.niceClasses() != null) {
            errors.add("niceClasses", "apply to marks only");
        }
        PatentNumber.Result parsed = PatentNumber.parse(r.number());
        if (parsed.problem().isPresent()) {
            errors.add("number", parsed.problem().get());
            return null;
        }
        PatentNumber number = parsed.number().orElseThrow();
        PatentNumber.Kind expected = switch (r.type()) {
            case INVENTION_PATENT -> PatentNumber.Kind.INVENTION;
            case UTILITY_MODEL -> PatentNumber.Kind.UTILITY_MODEL;
            default -> PatentNumber.Kind.DESIGN;
        };
        if (number.kind().orElseThrow() != expected) {
            errors.add("number", "type digit " + number.typeDigit() + " denotes " + number.kind().orElseThrow()
                    + ", but type is " + r.type());
        }
        if (r.filingDate() != null && number.filingYear() != r.filingDate().getYear()) {
            errors.add("filingDate", "is in " + r.filingDate().getYear() + " but the application number says "
                    + number.filingYear());
        }
        return number.canonical();
    }

    private static String checkMark(FieldErrors errors, NewIpAsset r) {
        if (r.registrationDate() == null) {
            errors.add("registrationDate", "is required for a " + r.type() + " (its term runs from registration)");
        }
        if (r.grantDate() != null) {
            errors.add("grantDate", "applies to patents; a mark has a registrationDate");
        }
        TrademarkNumber.niceClassesProblem(r.niceClasses()).ifPresent(p -> errors.add("niceClasses", p));
        if (r.number() == null) {
            errors.add("number", "is required");
            return null;
        }
        TrademarkNumber.problem(r.number()).ifPresent(p -> errors.add("number", p));
        return r.number().strip();
    }

    private static void checkDate(FieldErrors errors, String field, LocalDate date, boolean required,
                                  LocalDate today) {
        if (date == null) {
            if (required) {
                errors.add(field, "is required");
            }
        } else if (date.isAfter(today)) {
            errors.add(field, "is in the future");
        } else if (date.getYear() < 1980) {
            errors.add(field, "is before 1980, older than any right still in force");
        }
    }

    private static void checkCount(FieldErrors errors, String field, Integer value) {
        if (value != null && (value < 0 || value > MAX_COUNT)) {
            errors.add(field, "must be between 0 and " + MAX_COUNT);
        }
    }

    // ------------------------------------------------------------ assets as other features read and update them

    public Optional<IpAsset> find(UUID id, Optional<UUID> bankScope) {
        return assets.find(id, bankScope);
    }

    public Optional<IpAsset> findByNumber(UUID bankId, IpType type, String number) {
        return assets.findByNumber(bankId, type, number);
    }

    /** The bank's assets among these ids; others' are left out. */
    public List<IpAsset> findAll(Collection<UUID> ids, UUID bankId) {
        return assets.findAll(ids, bankId);
    }

    /** Pledging, releasing and monitoring events move the legal status; the caller audits why. */
    public void updateStatus(Collection<UUID> ids, LegalStatus status) {
        assets.updateStatus(ids, status);
    }

    /**
     * The pledge of {@code loanId} released: its assets go back to VALID unless another loan still holds a registered
     * pledge over them (a GI backing several members' loans under its association's capacity).
     */
    public void releasePledge(Collection<UUID> ids, UUID loanId) {
        assets.releasePledge(ids, loanId);
    }

    /** An asset seeded without a caller (demo data), hence not checked or audited; empty when it exists. */
    public Optional<IpAsset> insert(IpAsset asset) {
        return assets.insert(asset);
    }
}
