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
 * same credit code and numbers ({@code matches}) and each field that differs from it ({@code differences}).
 */
@Introspected
public record IntakeView(UUID id, IntakeStatus status, String source, Firm firm, List<Asset> assets,
                         BigDecimal requestedAmount, int termMonths, String purpose, String contactName,
                         String contactPhone, String clientAddress, OffsetDateTime submittedAt,
                         @Nullable OffsetDateTime decidedAt, @Nullable String rejectReason,
                         @Nullable UUID borrowerId, @Nullable UUID applicationId, @Nullable Matches matches,
                         @Nullable List<Difference> differences) {
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

    static IntakeView of(PublicIntake i, @Nullable Matches matches, @Nullable List<Difference> differences) {
        var f = i.firm();
        return new IntakeView(i.id(), i.status(), SOURCE, new Firm(f.name(), f.creditCode(), f.industryCode(),
                f.regionCode(), f.employees(), f.operatingRevenue(), f.totalAssets(), f.foundedOn()),
                i.assets().stream().map(a -> new Asset(a.position(), a.type().name(), a.number(), a.title(),
                        a.filingDate(), a.grantDate(), a.registrationDate(), a.niceClasses())).toList(),
                i.requestedAmount(), i.termMonths(), i.purpose(), i.contactName(), i.contactPhone(),
                i.clientAddress(), i.submittedAt(), i.decidedAt(), i.rejectReason(), i.borrowerId(),
                i.applicationId(), matches, differences);
    }
}
