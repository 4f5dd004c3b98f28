package com.ipledge.service.pages;

import com.ipledge.service.intake.IntakeDocument;
import com.ipledge.service.intake.IntakeService;
import com.ipledge.service.intake.NewIntake;
import com.ipledge.service.intake.PublicIntake;
import com.ipledge.service.problem.DomainProblem;
import com.ipledge.service.problem.FieldError;
import com.ipledge.service.security.Caller;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps what the form's firm typed as an intake of the chosen bank (issue 17): the anonymous form never files an
 * application or touches a borrower or asset the bank has on file, since anyone can type a firm's public credit
 * code and patent numbers. The bank's officer confirms the intake into an application. Every problem of every
 * part is checked as the API would check it and collected before anything is kept: when there is one,
 * {@link FormRejected} carries the lot and nothing is written.
 */
@Singleton
public class ApplicationIntake {
    private final IntakeService intakes;
    private final StatusTokenRepository statusTokens;

    public ApplicationIntake(IntakeService intakes, StatusTokenRepository statusTokens) {
        this.intakes = intakes;
        this.statusTokens = statusTokens;
    }

    /** Keeps the filing and returns the intake's id; throws {@link FormRejected} and writes nothing otherwise. */
    UUID file(Caller caller, ApplyForm.Read form, String statusToken, String clientAddress) {
        NewIntake intake = new NewIntake(caller.bankScope().orElseThrow(), form.borrower(),
                form.assets().stream().map(r -> new NewIntake.Row(r.row(), r.asset())).toList(),
                form.requestedAmount(), form.termMonths(), form.purpose(), form.contactName(), form.contactPhone(),
                clientAddress, StatusTokens.hash(statusToken));
        List<FormError> errors = new ArrayList<>(form.errors());
        if (form.assets().isEmpty()) {
            errors.add(FormError.of("assets", "error.assets.required"));
        }
        for (FieldError e : intakes.problems(intake)) {
            errors.add(ServiceMessages.translate(e.field(), e.message()));
        }
        if (!errors.isEmpty()) {
            throw new FormRejected(errors);
        }
        return intakes.receive(caller, intake);
    }

    /** Whether {@code statusToken} (from this browser's cookie) belongs to the filing a duplicate repeats. */
    boolean isStatusTokenOf(DomainProblem duplicate, String statusToken) {
        Object id = duplicate.extensions().get("intakeId");
        return id instanceof UUID intakeId && StatusTokens.wellFormed(statusToken)
                && intakes.hasStatusToken(intakeId, StatusTokens.hash(statusToken));
    }

    /** Keeps a document for the intake (its bank's web form acting); see {@link IntakeService#addDocument}. */
    IntakeDocument addDocument(PublicIntake filed, String kind, String fileName, byte[] content) {
        return intakes.addDocument(WebFormCaller.forBank(filed.bankId()), filed.id(), kind, fileName, content);
    }

    List<IntakeDocument> documents(PublicIntake filed) {
        return intakes.documents(filed.id());
    }

    /** What a status link points at: an application filed before intakes existed (V25), or an intake. */
    Optional<StatusTokenRepository.Entry> byStatusToken(String token) {
        return StatusTokens.wellFormed(token) ? statusTokens.find(StatusTokens.hash(token)) : Optional.empty();
    }

    Optional<PublicIntake> intakeByStatusToken(String token) {
        return StatusTokens.wellFormed(token) ? intakes.byStatusTokenHash(StatusTokens.hash(token))
                : Optional.empty();
    }
}
