package com.ipledge.service.intake;

import com.ipledge.service.application.ApplicationService;
import com.ipledge.service.application.ApplicationView;
import com.ipledge.service.application.NewApplication;
import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.borrower.Borrower;
import com.ipledge.service.borrower.BorrowerService;
import com.ipledge.service.borrower.NewBorrower;
import com.ipledge.service.ipasset.IpAsset;
import com.ipledge.service.ipasset.IpAssetService;
import com.ipledge.service.ipasset.LegalStatus;
import com.ipledge.service.ipasset.NewIpAsset;
import com.ipledge.service.money.Money;
import com.ipledge.service.problem.Conflict;
import com.ipledge.service.problem.DomainProblem;
import com.ipledge.service.problem.FieldError;
import com.ipledge.service.problem.FieldErrors;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.problem.NotFound;
import com.ipledge.service.security.Caller;
import com.ipledge.service.web.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Public-form filings (issue 17). Credit codes and patent numbers are public, so a filing from the anonymous form
 * never touches the bank's borrowers or assets: it is kept as an intake, and only the bank's officer turns it into
 * an application, either registering the firm anew or attaching it, explicitly and with every difference from what
 * is on file accepted, to a borrower the bank already has.
 */
@Singleton
public class IntakeService {
    static final int MAX_REASON = 500;
    /** A scan or PDF of a certificate or a year's statements; a phone photo is well under it. */
    public static final int MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
    /** Per intake: a licence, a certificate per right and a few years of statements, with room for a re-upload. */
    public static final int MAX_DOCUMENTS = 20;
    public static final String DUPLICATE = "intake-duplicate";

    private final IntakeRepository intakes;
    private final BorrowerService borrowers;
    private final IpAssetService assets;
    private final ApplicationService applications;
    private final RecordsOnFile records;
    private final AuditLog audit;
    private final Clock clock;

    public IntakeService(IntakeRepository intakes, BorrowerService borrowers, IpAssetService assets,
                         ApplicationService applications, RecordsOnFile records, AuditLog audit, Clock clock) {
        this.records = records;
        this.intakes = intakes;
        this.borrowers = borrowers;
        this.assets = assets;
        this.applications = applications;
        this.audit = audit;
        this.clock = clock;
    }

    // ------------------------------------------------------------ the public form's side

    /**
     * Every problem of the typed facts, checked as registering the firm, its rights and the application would check
     * them (so that a confirmed intake files): the firm's fields by name, a right's as {@code assets[row].field}.
     */
    public List<FieldError> problems(NewIntake r) {
        List<FieldError> errors = new ArrayList<>();
        collect(() -> borrowers.checkNew(r.firm()), errors, Function.identity());
        for (NewIntake.Row row : r.assets()) {
            // the owner's credit code is the firm's own: its problems are shown once, at the firm's field
            collect(() -> assets.checkNew(row.asset()), errors,
                    field -> field.equals("ownerCreditCode") ? null : "assets[" + row.row() + "]." + field);
        }
        collect(() -> applications.checkTerms(r.requestedAmount(), r.termMonths(), r.purpose()), errors,
                Function.identity());
        return errors;
    }

    /** Keeps a checked filing as a PENDING intake of its bank; writes nothing to borrowers, assets or applications. */
    @Transactional
    public UUID receive(Caller webForm, NewIntake r) {
        List<FieldError> errors = problems(r);
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        NewBorrower f = r.firm();
        // back after a submit and submit again (a new form token, so no idempotent replay): the same firm with the
        // same rights while the first is still open is that filing, not a second one
        intakes.lockFirm(r.bankId(), f.creditCode());
        Set<String> numbers = r.assets().stream().map(row -> assets.checkNew(row.asset()))
                .collect(Collectors.toSet());
        for (PublicIntake open : intakes.pending(r.bankId(), f.creditCode())) {
            if (open.assets().stream().map(PublicIntake.Asset::number).collect(Collectors.toSet()).equals(numbers)) {
                throw Conflict.of(DUPLICATE, "This firm's filing with these rights is open at this bank already.",
                        Map.of("intakeId", open.id()));
            }
        }
        NewBorrower firm = new NewBorrower(f.name().strip(), f.creditCode(), f.industryCode(), null, f.regionCode(),
                f.employees(), Money.yuan(f.operatingRevenue()), Money.yuan(f.totalAssets()), f.foundedOn());
        List<PublicIntake.Asset> rows = r.assets().stream().map(row -> {
            NewIpAsset a = row.asset();
            return new PublicIntake.Asset(row.row(), a.type(), assets.checkNew(a), a.title().strip(), a.filingDate(),
                    a.grantDate(), a.registrationDate(), a.type().isMark() ? List.copyOf(a.niceClasses()) : null);
        }).toList();
        PublicIntake intake = new PublicIntake(UUID.randomUUID(), newReference(), r.bankId(), IntakeStatus.PENDING, firm, rows,
                Money.yuan(r.requestedAmount()), r.termMonths(), r.purpose().strip(), r.contactName(),
                r.contactPhone(), r.clientAddress(), OffsetDateTime.now(clock), null, null, null, null, null);
        intakes.insert(intake, r.statusTokenHash());
        audit.append(webForm, "intake.received", "intake", intake.id(), r.bankId(),
                Map.of("creditCode", firm.creditCode(), "assets", rows.size(), "clientAddress", r.clientAddress()));
        return intake.id();
    }

    /** Whether {@code tokenHash} is the status token of the intake: the applicant's own browser holds it. */
    public boolean hasStatusToken(UUID intakeId, String tokenHash) {
        return intakes.hasStatusToken(intakeId, tokenHash);
    }

    /**
     * Keeps a document the firm uploaded from its status page, unless its intake was turned down. The type is read from
     * the first bytes (PDF, JPEG, PNG), whatever the name says; the intake's row is locked so that concurrent
     * uploads cannot pass {@link #MAX_DOCUMENTS}.
     */
    @Transactional
    public IntakeDocument addDocument(Caller webForm, UUID intakeId, @Nullable String kind, @Nullable String fileName,
                                      byte[] content) {
        UUID bankId = bankOf(webForm);
        PublicIntake intake = intakes.lock(intakeId, bankId).orElseThrow(() -> NotFound.of("intake " + intakeId));
        FieldErrors errors = new FieldErrors();
        IntakeDocument.Kind k = null;
        try {
            k = kind == null ? null : IntakeDocument.Kind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            errors.add("kind", "must be one of BUSINESS_LICENCE, PATENT_CERTIFICATE, FINANCIAL_STATEMENT");
        }
        if (kind == null) {
            errors.add("kind", "is required");
        }
        String type = DocumentTypes.sniff(content);
        if (content.length == 0) {
            errors.add("file", "is required");
        } else if (content.length > MAX_DOCUMENT_BYTES) {
            errors.add("file", "must be at most " + MAX_DOCUMENT_BYTES + " bytes");
        } else if (type == null) {
            errors.add("file", "must be a PDF, JPEG or PNG file");
        }
        errors.throwIfAny();
        // after confirmation the officer may still ask for a paper; a turned-down filing takes none
        if (intake.status() == IntakeStatus.REJECTED) {
            throw Conflict.of("intake-decided", "This intake is REJECTED.", Map.of("status", "REJECTED"));
        }
        if (intakes.documents(intakeId).size() >= MAX_DOCUMENTS) {
            throw Conflict.of("documents-full", "This intake has " + MAX_DOCUMENTS + " documents already.",
                    Map.of("max", MAX_DOCUMENTS));
        }
        String name = fileName == null || fileName.isBlank() ? "document" : fileName.strip();
        IntakeDocument d = new IntakeDocument(UUID.randomUUID(), intakeId, k,
                name.length() > 200 ? name.substring(name.length() - 200) : name, type, content.length,
                DocumentTypes.sha256(content), OffsetDateTime.now(clock));
        intakes.insertDocument(d, content);
        audit.append(webForm, "intake.document.added", "intake", intakeId, bankId, Map.of("documentId", d.id(),
                "kind", k.name(), "contentType", type, "size", content.length, "sha256", d.sha256()));
        return d;
    }

    /** The documents of an intake reached through its status token (the page already holds the intake). */
    public List<IntakeDocument> documents(UUID intakeId) {
        return intakes.documents(intakeId);
    }

    /** A document's bytes for the bank's officer; another bank's intake or document is not found. */
    public DocumentFile documentFile(Caller caller, UUID intakeId, UUID documentId) {
        UUID bankId = bankOf(caller);
        byte[] content = intakes.documentContent(intakeId, documentId, bankId)
                .orElseThrow(() -> NotFound.of("document " + documentId));
        IntakeDocument d = intakes.documents(intakeId).stream().filter(x -> x.id().equals(documentId)).findFirst()
                .orElseThrow(() -> NotFound.of("document " + documentId));
        return new DocumentFile(d, content);
    }

    /** A document with its bytes. */
    public record DocumentFile(IntakeDocument document, byte[] content) {
    }

    private String newReference() {
        // 31^8 references: a clash is rare, and the unique constraint catches the one this check misses
        String reference = IntakeReferences.next();
        while (intakes.referenceTaken(reference)) {
            reference = IntakeReferences.next();
        }
        return reference;
    }

    /** Whether the bank has any intake at all (the demo seeds one, once). */
    public boolean hasAny(UUID bankId) {
        return intakes.count(bankId, Optional.empty()) > 0;
    }

    /** The intake a status link points at. */
    public Optional<PublicIntake> byStatusTokenHash(String tokenHash) {
        return intakes.findByStatusToken(tokenHash);
    }

    // ------------------------------------------------------------ the bank's side

    public Page<IntakeView> list(Caller caller, Optional<IntakeStatus> status, int page, int size) {
        Page.check(page, size);
        UUID bankId = bankOf(caller);
        return new Page<>(intakes.page(bankId, status, page, size).stream()
                .map(i -> IntakeView.of(i, null, null, null)).toList(), page, size, intakes.count(bankId, status));
    }

    public IntakeView get(Caller caller, UUID id) {
        PublicIntake intake = find(caller, id);
        Optional<Borrower> borrower = borrowers.findByCreditCode(intake.bankId(), intake.firm().creditCode());
        Map<Integer, IpAsset> onFile = records.assetsOf(intake);
        return IntakeView.of(intake, RecordsOnFile.matches(borrower, onFile),
                RecordsOnFile.differences(intake, borrower, onFile),
                intakes.documents(intake.id()));
    }

    @Transactional
    public IntakeView confirm(Caller caller, UUID id, IntakeConfirmation r) {
        UUID bankId = bankOf(caller);
        PublicIntake intake = intakes.lock(id, bankId).orElseThrow(() -> NotFound.of("intake " + id));
        requirePending(intake);
        Map<Integer, IpAsset> onFile = records.assetsOf(intake);
        Optional<Borrower> attachTo = Optional.empty();
        if (r == null || r.borrowerId() == null) {
            borrowers.findByCreditCode(bankId, intake.firm().creditCode()).ifPresent(b -> {
                throw Conflict.of("borrower-exists", "This bank already has a borrower with credit code "
                        + b.creditCode() + ": confirm with its borrowerId to attach (a second one is not created).",
                        Map.of("borrowerId", b.id()));
            });
            if (!onFile.isEmpty()) {
                throw Conflict.of("asset-exists", "This bank already has rights with these numbers on"
                        + " file: confirm with the borrowerId of the firm to attach to them.",
                        Map.of("assetIds", onFile.values().stream().map(IpAsset::id).toList()));
            }
        } else {
            attachTo = Optional.of(borrowers.find(r.borrowerId(), Optional.of(bankId))
                    .orElseThrow(() -> InvalidInput.of("borrowerId", "no such borrower at this bank")));
        }
        List<IntakeView.Difference> differences = attachTo.isPresent()
                ? RecordsOnFile.differences(intake, attachTo, onFile)
                : List.of();
        boolean accept = r != null && Boolean.TRUE.equals(r.acceptDifferences());
        if (!differences.isEmpty() && !accept) {
            throw Conflict.of("intake-differs", differences.size() + " submitted facts differ from the"
                    + " records on file: confirm with acceptDifferences true to attach anyway.",
                    Map.of("differences", differences));
        }
        UUID borrowerId;
        String ownerCreditCode;
        if (attachTo.isPresent()) {
            borrowerId = attachTo.get().id();
            ownerCreditCode = attachTo.get().creditCode();
        } else {
            Borrower created = borrowers.register(caller, intake.firm());
            borrowerId = created.id();
            ownerCreditCode = created.creditCode();
        }
        List<NewApplication.CollateralRef> collateral = new ArrayList<>();
        for (PublicIntake.Asset a : intake.assets()) {
            IpAsset existing = onFile.get(a.position());
            UUID assetId = existing != null ? existing.id()
                    : assets.register(caller, new NewIpAsset(a.type(), a.number(), a.title(), ownerCreditCode,
                            a.filingDate(), a.grantDate(), a.registrationDate(), LegalStatus.VALID, null, null, null,
                            a.niceClasses())).id();
            collateral.add(new NewApplication.CollateralRef(assetId));
        }
        ApplicationView application = applications.submitFromIntake(caller, new NewApplication(borrowerId,
                intake.requestedAmount(), intake.termMonths(), intake.purpose(), collateral, false), intake.id());
        OffsetDateTime now = OffsetDateTime.now(clock);
        intakes.confirmed(intake.id(), caller.principalId(), now, borrowerId, application.id());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("borrowerId", borrowerId);
        details.put("attached", attachTo.isPresent());
        details.put("applicationId", application.id());
        details.put("acceptedDifferences", differences.stream().map(IntakeView.Difference::field).toList());
        audit.append(caller, "intake.confirmed", "intake", intake.id(), bankId, details);
        return get(caller, id);
    }

    @Transactional
    public IntakeView reject(Caller caller, UUID id, IntakeRejection r) {
        UUID bankId = bankOf(caller);
        // another bank's intake is not found, whatever the body says
        PublicIntake intake = intakes.lock(id, bankId).orElseThrow(() -> NotFound.of("intake " + id));
        String reason = r == null || r.reason() == null ? null : r.reason().strip();
        if (reason == null || reason.isEmpty()) {
            throw InvalidInput.of("reason", "is required");
        }
        if (reason.length() > MAX_REASON) {
            throw InvalidInput.of("reason", "must be at most " + MAX_REASON + " characters");
        }
        requirePending(intake);
        intakes.rejected(id, caller.principalId(), OffsetDateTime.now(clock), reason);
        audit.append(caller, "intake.rejected", "intake", id, bankId, Map.of("reason", reason));
        return get(caller, id);
    }

    private PublicIntake find(Caller caller, UUID id) {
        return intakes.find(id, bankOf(caller)).orElseThrow(() -> NotFound.of("intake " + id));
    }

    /** Only a bank's own staff see its intakes; anyone else finds nothing (404, like other tenant data). */
    private static UUID bankOf(Caller caller) {
        return caller.bankScope().orElseThrow(() -> NotFound.of("intake"));
    }

    private static void requirePending(PublicIntake intake) {
        if (intake.status() != IntakeStatus.PENDING) {
            throw Conflict.of("intake-decided", "This intake is " + intake.status() + " already.",
                    Map.of("status", intake.status().name()));
        }
    }

    private static void collect(Runnable check, List<FieldError> errors, Function<String, String> field) {
        try {
            check.run();
        } catch (DomainProblem p) {
            for (FieldError e : p.errors()) {
                String f = field.apply(e.field());
                if (f != null) {
                    errors.add(new FieldError(f, e.message()));
                }
            }
        }
    }
}
