package com.ipledge.service.valuation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.borrower.Borrower;
import com.ipledge.service.borrower.BorrowerService;
import com.ipledge.service.ipasset.IpAsset;
import com.ipledge.service.ipasset.IpAssetService;
import com.ipledge.service.policy.PolicyParameterStore;
import com.ipledge.service.problem.Conflict;
import com.ipledge.service.problem.FieldErrors;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.problem.NotFound;
import com.ipledge.service.problem.RuleViolation;
import com.ipledge.service.security.Caller;
import com.ipledge.service.valuation.ValuationInput.AssetInput;
import com.ipledge.valuation.ValuationResult;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * External appraisal reports (issue 16, governed): a bank posts one for its own asset with the PDF itself; it is kept
 * in PostgreSQL and becomes a stored valuation with source APPRAISER that the bank's decisions may lend against while
 * it is accepted and valid. Tenant-isolated like valuations: another bank's ids are 404.
 */
@Singleton
public class AppraisalReportService {
    /** 10 MB of PDF, decoded. */
    public static final int MAX_FILE_BYTES = 10 * 1024 * 1024;
    static final int MAX_TEXT = 200;
    static final String ENGINE_VERSION = "appraisal-report";
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    /** numeric(18,2). */
    private static final BigDecimal STORABLE_LIMIT = new BigDecimal("1E16");

    /** A report's file for download. */
    public record ReportFile(String name, byte[] content) {
    }

    private final AppraisalReportRepository reports;
    private final ValuationRepository valuations;
    private final ValuationService engine;
    private final IpAssetService assets;
    private final BorrowerService borrowers;
    private final PolicyParameterStore parameters;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    public AppraisalReportService(AppraisalReportRepository reports, ValuationRepository valuations,
                                  ValuationService engine, IpAssetService assets, BorrowerService borrowers,
                                  PolicyParameterStore parameters, AuditLog audit, ObjectMapper json, Clock clock) {
        this.reports = reports;
        this.valuations = valuations;
        this.engine = engine;
        this.assets = assets;
        this.borrowers = borrowers;
        this.parameters = parameters;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public AppraisalReportView post(Caller caller, UUID assetId, AppraisalReportInput in) {
        // the asset first: another bank's asset is 404 whatever the body
        IpAsset asset = assets.find(caller, assetId);
        LocalDate today = LocalDate.now(clock);
        int validityMonths = parameters.current().valuationGovernanceOrDefaults().appraisalValidityMonths();
        FieldErrors errors = new FieldErrors();
        String firm = text("firm", in.firm(), errors);
        String number = text("reportNumber", in.reportNumber(), errors);
        String fileName = in.fileName() == null || in.fileName().isBlank() ? "appraisal-report.pdf"
                : text("fileName", in.fileName(), errors);
        if (in.reportDate() == null) {
            errors.add("reportDate", "is required");
        } else if (in.reportDate().isAfter(today)) {
            errors.add("reportDate", "must not be in the future (today is " + today + ")");
        } else if (in.reportDate().isBefore(ValuationRequests.EARLIEST_DATE)) {
            errors.add("reportDate", "must be on or after " + ValuationRequests.EARLIEST_DATE);
        }
        if (in.method() == null) {
            errors.add("method", "is required (INCOME, MARKET or COST)");
        }
        money("appraisedValue", in.appraisedValue(), true, errors);
        LocalDate validUntil = null;
        if (in.reportDate() != null && !errors.has("reportDate")) {
            LocalDate longest = in.reportDate().plusMonths(validityMonths).minusDays(1);
            validUntil = in.validUntil() == null ? longest : in.validUntil();
            if (in.validUntil() != null && in.validUntil().isAfter(longest)) {
                errors.add("validUntil", "must not be after " + longest + ": a report is valid for at most "
                        + validityMonths + " months from its date (policy parameter appraisalValidityMonths)");
            } else if (in.validUntil() != null && in.validUntil().isBefore(in.reportDate())) {
                errors.add("validUntil", "must not be before reportDate");
            }
        }
        if (in.assumptions() != null) {
            AppraisalReportInput.Assumptions a = in.assumptions();
            money("assumptions.baseRevenue", a.baseRevenue(), false, errors);
            if (a.royaltyRate() != null && (a.royaltyRate().signum() < 0 || a.royaltyRate().compareTo(BigDecimal.ONE) > 0)) {
                errors.add("assumptions.royaltyRate", "must be between 0 and 1");
            }
            if (a.economicLifeYears() != null && (a.economicLifeYears().signum() <= 0
                    || a.economicLifeYears().compareTo(BigDecimal.valueOf(100)) > 0)) {
                errors.add("assumptions.economicLifeYears", "must be greater than 0 and at most 100");
            }
        }
        byte[] file = pdf(in.fileBase64(), errors);
        errors.throwIfAny();
        AssetInput facts = StoredAssetFacts.of(asset).orElseThrow(() -> RuleViolation.of(
                "asset-not-valuable", "IP asset " + asset.id() + " is " + asset.legalStatus()
                        + ": a lost right is no collateral and has no value to assess."));
        if (reports.numberTaken(asset.bankId(), firm, number)) {
            throw Conflict.of("appraisal-report-exists", "The bank already holds report " + number
                    + " of " + firm + ".");
        }
        // a report states no value score; the LTV cap reads one, so the asset's own (the desk's) stands in
        BigDecimal valueScore = deskScore(asset, facts, today);
        UUID valuationId = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        AppraisalReport report = new AppraisalReport(id, asset.bankId(), asset.id(), valuationId, firm, number,
                in.reportDate(), in.method(), in.appraisedValue().setScale(2), validUntil,
                AppraisalReport.Status.ACCEPTED, fileName, file.length, sha256(file), in.assumptions(),
                caller.principalId(), now, null, null, null);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("appraisalReportId", id);
        request.put("firm", firm);
        request.put("reportNumber", number);
        request.put("reportDate", in.reportDate().toString());
        request.put("method", in.method().name());
        request.put("appraisedValue", report.appraisedValue());
        request.put("validUntil", validUntil.toString());
        request.put("assumptions", in.assumptions());
        request.put("fileSha256", report.fileSha256());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", valuationId);
        result.put("assetId", asset.id());
        result.put("source", ValuationSource.APPRAISER.name());
        result.put("appraisalReportId", id);
        result.put("valuationDate", in.reportDate().toString());
        // an appraiser's conclusion is the value a bank applies its pledge rate to: no further quantile is taken
        result.put("reconciledValue", report.appraisedValue());
        result.put("collateralValue", report.appraisedValue());
        result.put("valueScoreTotal", valueScore);
        result.put("method", in.method().name());
        result.put("validUntil", validUntil.toString());
        result.put("createdAt", now);
        valuations.insert(new ValuationRepository.Row(valuationId, asset.id(), asset.bankId(), in.reportDate(),
                report.appraisedValue(), report.appraisedValue(), valueScore, ENGINE_VERSION, 0, 0,
                write(request), write(result), now, ValuationSource.APPRAISER));
        reports.insert(report, file);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("assetId", asset.id());
        payload.put("valuationId", valuationId);
        payload.put("firm", firm);
        payload.put("reportNumber", number);
        payload.put("reportDate", in.reportDate().toString());
        payload.put("method", in.method().name());
        payload.put("appraisedValue", report.appraisedValue());
        payload.put("validUntil", validUntil.toString());
        payload.put("fileSha256", report.fileSha256());
        payload.put("fileSize", file.length);
        audit.append(caller, "appraisal-report.created", "appraisal_report", id, asset.bankId(), payload);
        return AppraisalReportView.of(report, valueScore, today);
    }

    public AppraisalReportView get(Caller caller, UUID id) {
        AppraisalReport r = reports.find(id, caller.bankScope())
                .orElseThrow(() -> NotFound.of("appraisal report " + id));
        return view(r);
    }

    /** The asset's reports, newest first; 404 for another bank's asset. */
    public List<AppraisalReportView> list(Caller caller, UUID assetId) {
        IpAsset asset = assets.find(caller, assetId);
        return reports.ofAsset(asset.id()).stream().map(this::view).toList();
    }

    public ReportFile file(Caller caller, UUID id) {
        AppraisalReportRepository.StoredFile f = reports.file(id, caller.bankScope())
                .orElseThrow(() -> NotFound.of("appraisal report " + id));
        return new ReportFile(f.name(), f.content());
    }

    /** The bank no longer stands by the report: decisions from now on do not lend against it. */
    @Transactional
    public AppraisalReportView withdraw(Caller caller, UUID id, String reason) {
        AppraisalReport r = reports.find(id, caller.bankScope())
                .orElseThrow(() -> NotFound.of("appraisal report " + id));
        if (reason == null || reason.isBlank()) {
            throw InvalidInput.of("reason", "is required: say why the bank withdraws the report");
        }
        if (reason.length() > 1000) {
            throw InvalidInput.of("reason", "must be at most 1000 characters");
        }
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        if (!reports.withdraw(id, caller.principalId(), now, reason.strip())) {
            throw Conflict.of("appraisal-report-withdrawn", "Appraisal report " + id
                    + " is already withdrawn.");
        }
        audit.append(caller, "appraisal-report.withdrawn", "appraisal_report", id, r.bankId(),
                Map.of("reason", reason.strip(), "valuationId", r.valuationId()));
        return view(reports.find(id, Optional.empty()).orElseThrow());
    }

    private AppraisalReportView view(AppraisalReport r) {
        BigDecimal score = valuations.find(r.valuationId(), Optional.empty()).map(ValuationRepository.Row::valueScore)
                .orElse(null);
        return AppraisalReportView.of(r, score, LocalDate.now(clock));
    }

    private BigDecimal deskScore(IpAsset asset, AssetInput facts, LocalDate today) {
        Borrower owner = borrowers.findByCreditCode(asset.bankId(), asset.ownerCreditCode()).orElse(null);
        var policy = parameters.current();
        Optional<DeskAssumptions.Desk> desk = owner == null ? Optional.empty()
                : DeskAssumptions.request(asset, facts, owner, today, policy.valuationOrDefaults(),
                        policy.widerCollateralOrDefaults(), policy.version());
        if (desk.isEmpty()) {
            throw RuleViolation.of("asset-not-valuable", "IP asset " + asset.id() + " cannot be scored: "
                    + (owner == null ? "its owner is not a borrower of the bank" : "its legal term is over") + ".");
        }
        ValuationResult r = engine.compute(desk.get().input(), facts, today, policy);
        return ValuationService.scoreTotal(r.valueScore());
    }

    /** The decoded PDF, or an error naming {@code fileBase64}. */
    private static byte[] pdf(String base64, FieldErrors errors) {
        if (base64 == null || base64.isEmpty()) {
            errors.add("fileBase64", "is required: the report as a PDF, base64");
            return new byte[0];
        }
        if (base64.length() > (MAX_FILE_BYTES / 3 + 1) * 4) {
            errors.add("fileBase64", "must decode to at most " + MAX_FILE_BYTES + " bytes (10 MB)");
            return new byte[0];
        }
        byte[] file;
        try {
            file = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            errors.add("fileBase64", "is not standard base64 (RFC 4648, no line breaks)");
            return new byte[0];
        }
        if (file.length > MAX_FILE_BYTES) {
            errors.add("fileBase64", "must decode to at most " + MAX_FILE_BYTES + " bytes (10 MB)");
        } else if (file.length < PDF_MAGIC.length
                || !java.util.Arrays.equals(file, 0, PDF_MAGIC.length, PDF_MAGIC, 0, PDF_MAGIC.length)) {
            errors.add("fileBase64", "is not a PDF (a PDF starts with %PDF-)");
        }
        return file;
    }

    private static String text(String field, String value, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            errors.add(field, "is required");
            return null;
        }
        if (value.length() > MAX_TEXT) {
            errors.add(field, "must be at most " + MAX_TEXT + " characters");
        }
        return value.strip();
    }

    private static void money(String field, BigDecimal value, boolean required, FieldErrors errors) {
        if (value == null) {
            if (required) {
                errors.add(field, "is required");
            }
            return;
        }
        if (value.signum() <= 0) {
            errors.add(field, "must be greater than 0");
        } else if (value.stripTrailingZeros().scale() > 2) {
            errors.add(field, "must have at most 2 decimals (fen)");
        } else if (value.compareTo(STORABLE_LIMIT) >= 0) {
            errors.add(field, "must be below 10^16 yuan");
        }
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
