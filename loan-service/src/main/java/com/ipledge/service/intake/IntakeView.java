package com.ipledge.service.intake;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An intake as the bank's officer sees it: where it came from ({@code source} is always PUBLIC_FORM, and the client
 * address it was sent from), the facts as typed, and, when read one at a time, what the bank has on file under the
 * same credit code and numbers ({@code matches}), each field that differs from it ({@code differences}) and the
 * documents the firm uploaded ({@code documents}). {@code reference} is what the firm reads out on the phone.
 */
@Introspected
public record IntakeView(UUID id, String reference, IntakeStatus status, String source, Firm firm, List<Asset> assets,
                         BigDecimal requestedAmount, int termMonths, String purpose, String contactName,
                         String contactPhone, String clientAddress, OffsetDateTime submittedAt,
                         @Nullable OffsetDateTime decidedAt, @Nullable String rejectReason,
                         @Nullable UUID borrowerId, @Nullable UUID applicationId, @Nullable Matches matches,
                         @Nullable List<Difference> differences, @Nullable List<Document> documents) {
    public static final String SOURCE = "PUBLIC_FORM";

    @Introspected
    public record Firm(String name, String creditCode, String industryCode, String regionCode, int employees,
                       BigDecimal operatingRevenue, BigDecimal totalAssets, LocalDate foundedOn) {
    }

    @Introspected
    public record Asset(int position, String type, String number, String title, LocalDate filingDate,
                        @Nullable LocalDate grantDate, @Nullable LocalDate registrationDate,
                        @Nullable List<Integer> niceClasses) {
    }

    /** The records on file the intake names: the borrower with its credit code, the assets with its numbers. */
    @Introspected
    public record Matches(@Nullable UUID borrowerId, List<AssetMatch> assets) {
    }

    @Introspected
    public record AssetMatch(int position, UUID assetId) {
    }

    /** One field whose typed value is not what the bank has on file ({@code onFile} null: nothing on file). */
    @Introspected
    public record Difference(String field, @Nullable String submitted, @Nullable String onFile) {
    }

    /**
     * A document the firm uploaded, without its bytes: {@code href} downloads it (the bank's officer only),
     * {@code contentType} is what its first bytes are.
     */
    @Introspected
    public record Document(UUID id, String kind, String fileName, String contentType, int size, String sha256,
                           OffsetDateTime uploadedAt, String href) {
    }

    static IntakeView of(PublicIntake i, @Nullable Matches matches, @Nullable List<Difference> differences,
                         @Nullable List<IntakeDocument> documents) {
        var f = i.firm();
        return new IntakeView(i.id(), i.reference(), i.status(), SOURCE, new Firm(f.name(), f.creditCode(), f.industryCode(),
                f.regionCode(), f.employees(), f.operatingRevenue(), f.totalAssets(), f.foundedOn()),
                i.assets().stream().map(a -> new Asset(a.position(), a.type().name(), a.number(), a.title(),
                        a.filingDate(), a.grantDate(), a.registrationDate(), a.niceClasses())).toList(),
                i.requestedAmount(), i.termMonths(), i.purpose(), i.contactName(), i.contactPhone(),
                i.clientAddress(), i.submittedAt(), i.decidedAt(), i.rejectReason(), i.borrowerId(),
                i.applicationId(), matches, differences, documents == null ? null : documents.stream()
                        .map(d -> new Document(d.id(), d.kind().name(), d.fileName(), d.contentType(), d.fileSize(),
                                d.sha256(), d.uploadedAt(), "/api/v1/intakes/" + i.id() + "/documents/" + d.id()))
                        .toList());
    }
}
