package com.ipledge.service.subsidy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.ipasset.IpType;
import com.ipledge.service.money.Money;
import com.ipledge.service.problem.Conflict;
import com.ipledge.service.problem.FieldErrors;
import com.ipledge.service.problem.NotFound;
import com.ipledge.service.security.Caller;
import com.ipledge.service.subsidy.Subsidies.Programme;
import com.ipledge.service.subsidy.SubsidyRequests.TermsInput;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The subsidy programmes the bureau runs: created and changed through the API, every change a new version kept
 * with its terms and audited; the budget counters move only with claims (see {@link SubsidyClaims}).
 */
@Singleton
public class SubsidyProgrammes {
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,39}");
    /** A rate counted at more than LPR x 6 is a typo. */
    private static final BigDecimal MAX_MARKUP = new BigDecimal("5");

    private final SubsidyRepository repo;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    public SubsidyProgrammes(SubsidyRepository repo, AuditLog audit, ObjectMapper json, Clock clock) {
        this.repo = repo;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public Programme create(Caller caller, SubsidyRequests.NewProgramme body) {
        FieldErrors errors = new FieldErrors();
        if (body.code() == null || !CODE.matcher(body.code()).matches()) {
            errors.add("code", "is required: 1 to 40 of A-Z, 0-9, '-' and '_', starting with a letter or digit");
        }
        ProgrammeTerms terms = terms(errors, body);
        errors.throwIfAny();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Programme created = repo.insertProgramme(UUID.randomUUID(), body.code(), terms, now)
                .orElseThrow(() -> Conflict.of("subsidy-programme-exists", "A programme with code " + body.code()
                        + " exists; change its terms instead.",
                        Map.of("programmeId", repo.programmeByCode(body.code()).orElseThrow().id())));
        String by = actor(caller);
        repo.insertVersion(created.id(), 1, write(terms), by, now);
        audit.append(caller, "subsidy-programme.created", "subsidy_programme", created.id(), null,
                Map.of("code", created.code(), "version", 1, "terms", asMap(terms)));
        return get(created.id());
    }

    /** New terms as the next version; the same terms again change nothing (a retried PUT). */
    @Transactional
    public Programme change(Caller caller, UUID id, SubsidyRequests.ProgrammeChange body) {
        Programme before = repo.programme(id).orElseThrow(() -> NotFound.of("subsidy programme " + id));
        FieldErrors errors = new FieldErrors();
        ProgrammeTerms terms = terms(errors, body);
        errors.throwIfAny();
        if (asMap(terms).equals(asMap(before.terms()))) {
            return get(id);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!repo.changeProgramme(id, before.version(), terms, now)) {
            Programme current = repo.programme(id).orElseThrow();
            if (current.version() != before.version()) {
                throw Conflict.of("subsidy-programme-changed", "The programme changed meanwhile (now version "
                        + current.version() + "); read it and send the change again.");
            }
            throw Conflict.of("subsidy-budget-below-use", "The programme has " + current.committed()
                    .add(current.paid()) + " yuan committed or paid; its budget cannot be set below that.",
                    Map.of("committed", current.committed(), "paid", current.paid()));
        }
        int version = before.version() + 1;
        repo.insertVersion(id, version, write(terms), actor(caller), now);
        audit.append(caller, "subsidy-programme.changed", "subsidy_programme", id, null,
                Map.of("code", before.code(), "fromVersion", before.version(), "version", version,
                        "terms", asMap(terms)));
        return get(id);
    }

    public Programme get(UUID id) {
        Programme p = repo.programme(id).orElseThrow(() -> NotFound.of("subsidy programme " + id));
        return p.withVersions(repo.versions(id));
    }

    public List<Programme> list() {
        return repo.programmes();
    }

    static String actor(Caller caller) {
        return caller.role() + ":" + caller.principalId();
    }

    private ProgrammeTerms terms(FieldErrors errors, TermsInput in) {
        if (in.name() == null || in.name().isBlank() || in.name().length() > 200) {
            errors.add("name", "is required, at most 200 characters");
        }
        if (in.validFrom() == null) {
            errors.add("validFrom", "is required");
        }
        if (in.validTo() == null) {
            errors.add("validTo", "is required");
        } else if (in.validFrom() != null && in.validTo().isBefore(in.validFrom())) {
            errors.add("validTo", "is before validFrom");
        }
        Money.check(errors, "budget", in.budget(), true);
        fraction(errors, "interestShare", in.interestShare(), BigDecimal.ONE);
        fraction(errors, "rateCapMarkup", in.rateCapMarkup(), MAX_MARKUP);
        Money.check(errors, "interestCapPerFirmYear", in.interestCapPerFirmYear(), false);
        fraction(errors, "minIpShare", in.minIpShare(), BigDecimal.ONE);
        List<String> types = new ArrayList<>();
        if (in.eligibleIpTypes() == null || in.eligibleIpTypes().isEmpty()) {
            errors.add("eligibleIpTypes", "name at least one IP type");
        } else {
            for (int i = 0; i < in.eligibleIpTypes().size(); i++) {
                String t = in.eligibleIpTypes().get(i);
                if (t == null || java.util.Arrays.stream(IpType.values()).noneMatch(v -> v.name().equals(t))) {
                    errors.add("eligibleIpTypes[" + i + "]", "is not an IP type (one of "
                            + java.util.Arrays.toString(IpType.values()) + ")");
                } else if (types.contains(t)) {
                    errors.add("eligibleIpTypes[" + i + "]", "is named twice");
                } else {
                    types.add(t);
                }
            }
        }
        fraction(errors, "guaranteeFeeShare", in.guaranteeFeeShare(), BigDecimal.ONE);
        Money.check(errors, "guaranteeFeeCap", in.guaranteeFeeCap(), false);
        fraction(errors, "insuranceFeeShare", in.insuranceFeeShare(), BigDecimal.ONE);
        Money.check(errors, "insuranceFeeCap", in.insuranceFeeCap(), false);
        fraction(errors, "valuationFeeShare", in.valuationFeeShare(), BigDecimal.ONE);
        Money.check(errors, "valuationFeeCap", in.valuationFeeCap(), false);
        if (!errors.isEmpty()) {
            return null;
        }
        Map<SubsidyKind, ProgrammeTerms.Fee> fees = new EnumMap<>(SubsidyKind.class);
        fees.put(SubsidyKind.GUARANTEE_FEE, fee(in.guaranteeFeeShare(), in.guaranteeFeeCap()));
        fees.put(SubsidyKind.INSURANCE_FEE, fee(in.insuranceFeeShare(), in.insuranceFeeCap()));
        fees.put(SubsidyKind.VALUATION_FEE, fee(in.valuationFeeShare(), in.valuationFeeCap()));
        return new ProgrammeTerms(in.name().strip(), in.validFrom(), in.validTo(), Money.yuan(in.budget()),
                ratio(in.interestShare()), ratio(in.rateCapMarkup()), Money.yuan(in.interestCapPerFirmYear()),
                ratio(in.minIpShare()), types, fees);
    }

    private static ProgrammeTerms.Fee fee(BigDecimal share, BigDecimal cap) {
        return new ProgrammeTerms.Fee(ratio(share), Money.yuan(cap));
    }

    private static BigDecimal ratio(BigDecimal v) {
        return v.setScale(SubsidyArithmetic.RATIO_SCALE);
    }

    private static void fraction(FieldErrors errors, String field, BigDecimal value, BigDecimal max) {
        if (value == null) {
            errors.add(field, "is required");
        } else if (value.signum() < 0 || value.compareTo(max) > 0) {
            errors.add(field, "must be between 0 and " + max.toPlainString());
        } else if (value.stripTrailingZeros().scale() > SubsidyArithmetic.RATIO_SCALE) {
            errors.add(field, "must have at most " + SubsidyArithmetic.RATIO_SCALE + " decimals");
        }
    }

    /** The terms as the version history and the audit chain keep them. */
    static Map<String, Object> asMap(ProgrammeTerms t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name());
        m.put("validFrom", t.validFrom().toString());
        m.put("validTo", t.validTo().toString());
        m.put("budget", t.budget().toPlainString());
        m.put("interestShare", t.interestShare().toPlainString());
        m.put("rateCapMarkup", t.rateCapMarkup().toPlainString());
        m.put("interestCapPerFirmYear", t.interestCapPerFirmYear().toPlainString());
        m.put("minIpShare", t.minIpShare().toPlainString());
        m.put("eligibleIpTypes", String.join(",", t.eligibleIpTypes()));
        for (SubsidyKind kind : List.of(SubsidyKind.GUARANTEE_FEE, SubsidyKind.INSURANCE_FEE,
                SubsidyKind.VALUATION_FEE)) {
            m.put(kind.name() + ".share", t.fees().get(kind).share().toPlainString());
            m.put(kind.name() + ".capPerFirmYear", t.fees().get(kind).capPerFirmYear().toPlainString());
        }
        return m;
    }

    private String write(ProgrammeTerms terms) {
        try {
            return json.writeValueAsString(asMap(terms));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("programme terms not serialisable", e);
        }
    }
}
