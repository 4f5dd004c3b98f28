package com.ipledge.service.pages;

import com.ipledge.service.application.ApplicationService;
import com.ipledge.service.application.ApplicationView;
import com.ipledge.service.application.NewApplication;
import com.ipledge.service.borrower.Borrower;
import com.ipledge.service.borrower.BorrowerService;
import com.ipledge.service.identifier.PatentNumber;
import com.ipledge.service.identifier.UnifiedSocialCreditCode;
import com.ipledge.service.ipasset.IpAsset;
import com.ipledge.service.ipasset.IpAssetService;
import com.ipledge.service.ipasset.NewIpAsset;
import com.ipledge.service.security.Caller;
import com.ipledge.service.web.ApiProblem;
import com.ipledge.service.web.FieldError;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Files one application from the form through the same services the API uses (so the same checks apply): the
 * borrower (or the bank's existing borrower with that credit code), each IP asset (or the bank's record of it,
 * when it is the same firm's), the application and its status token, in ONE transaction. Every problem of every
 * part is collected before anything is kept: when there is one, {@link FormRejected} rolls the lot back.
 */
@Singleton
public class ApplicationIntake {
    /** The application's fields the form shows; the rest (borrowerId, collateral) the form fills in itself. */
    private static final Set<String> APPLICATION_FIELDS = Set.of("requestedAmount", "termMonths", "purpose");

    private final BorrowerService borrowerService;
    private final IpAssetService assetService;
    private final ApplicationService applications;
    private final StatusTokenRepository statusTokens;
    private final Clock clock;

    public ApplicationIntake(BorrowerService borrowerService, IpAssetService assetService,
                             ApplicationService applications, StatusTokenRepository statusTokens, Clock clock) {
        this.borrowerService = borrowerService;
        this.assetService = assetService;
        this.applications = applications;
        this.statusTokens = statusTokens;
        this.clock = clock;
    }

    /** Files the application and returns its id; throws {@link FormRejected} and writes nothing otherwise. */
    @Transactional
    UUID file(Caller caller, ApplyForm.Read form, String statusToken) {
        UUID bankId = caller.bankScope().orElseThrow();
        List<FormError> errors = new ArrayList<>(form.errors());
        UUID borrowerId = borrower(caller, form, errors);
        List<UUID> assetIds = new ArrayList<>();
        for (ApplyForm.AssetRow row : form.assets()) {
            asset(caller, row, errors).ifPresent(assetIds::add);
        }
        if (form.assets().isEmpty()) {
            errors.add(FormError.of("assets", "error.assets.required"));
        }
        boolean complete = errors.isEmpty();
        NewApplication request = new NewApplication(complete ? borrowerId : null, form.requestedAmount(),
                form.termMonths(), form.purpose(),
                complete ? assetIds.stream().map(NewApplication.CollateralRef::new).toList() : List.of(), false);
        ApplicationView application = null;
        try {
            application = applications.submit(caller, request);
        } catch (ApiProblem p) {
            for (FieldError e : p.errors()) {
                if (APPLICATION_FIELDS.contains(e.field())) {
                    errors.add(ServiceMessages.translate(e.field(), e.message()));
                } else if (complete) {
                    errors.add(ServiceMessages.translate(collateralField(e.field(), form.assets()), e.message()));
                }
            }
            if (errors.isEmpty()) {
                errors.add(FormError.of("form", "error.other", p.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new FormRejected(errors);
        }
        statusTokens.insert(StatusTokens.hash(statusToken), new StatusTokenRepository.Entry(application.id(),
                bankId, form.contactName(), form.contactPhone()), OffsetDateTime.now(clock));
        return application.id();
    }

    /** The application a status link points at; empty for a malformed or unknown token alike. */
    Optional<StatusTokenRepository.Entry> byStatusToken(String token) {
        return StatusTokens.wellFormed(token) ? statusTokens.find(StatusTokens.hash(token)) : Optional.empty();
    }

    private UUID borrower(Caller caller, ApplyForm.Read form, List<FormError> errors) {
        String creditCode = form.borrower().creditCode();
        if (creditCode != null && UnifiedSocialCreditCode.isValid(creditCode)) {
            Optional<Borrower> existing = borrowerService.findByCreditCode(caller.bankId(), creditCode);
            if (existing.isPresent()) {
                return existing.get().id();
            }
        }
        try {
            return borrowerService.register(caller, form.borrower()).id();
        } catch (ApiProblem p) {
            collect(p, errors, UnaryOperator.identity());
            return null;
        }
    }

    private Optional<UUID> asset(Caller caller, ApplyForm.AssetRow row, List<FormError> errors) {
        NewIpAsset asset = row.asset();
        Optional<IpAsset> onFile = onFile(caller.bankId(), asset);
        if (onFile.isPresent()) {
            if (!onFile.get().ownerCreditCode().equals(asset.ownerCreditCode())) {
                errors.add(FormError.of(ApplyForm.assetField(row.row(), "number"), "error.asset.otherOwner"));
                return Optional.empty();
            }
            return Optional.of(onFile.get().id());
        }
        try {
            return Optional.of(assetService.register(caller, asset).id());
        } catch (ApiProblem p) {
            // the owner's credit code is the firm's own: its problems are shown once, at the firm's field
            collect(p, errors, field -> field.equals("ownerCreditCode") ? null
                    : ApplyForm.assetField(row.row(), field));
            return Optional.empty();
        }
    }

    /** The bank's record of this right, looked up by its canonical number as the service stores it. */
    private Optional<IpAsset> onFile(UUID bankId, NewIpAsset asset) {
        if (asset.type() == null || asset.number() == null) {
            return Optional.empty();
        }
        String number;
        if (asset.type().isPatent()) {
            Optional<PatentNumber> parsed = PatentNumber.parse(asset.number()).number();
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            number = parsed.get().canonical();
        } else {
            number = asset.number().strip();
        }
        return assetService.findByNumber(bankId, asset.type(), number);
    }

    private static void collect(ApiProblem p, List<FormError> errors, UnaryOperator<String> field) {
        if (p.errors().isEmpty()) {
            errors.add(FormError.of("form", "error.other", p.getMessage()));
        }
        for (FieldError e : p.errors()) {
            String f = field.apply(e.field());
            if (f != null) {
                errors.add(ServiceMessages.translate(f, e.message()));
            }
        }
    }

    /** {@code collateral[2].assetId} names the third filled row, which is not always the form's third row. */
    private static String collateralField(String field, List<ApplyForm.AssetRow> rows) {
        var m = java.util.regex.Pattern.compile("collateral\\[(\\d+)\\].*").matcher(field);
        if (m.matches()) {
            int index = Integer.parseInt(m.group(1));
            if (index < rows.size()) {
                return ApplyForm.assetField(rows.get(index).row(), "number");
            }
        }
        return "assets";
    }
}
