package com.ipledge.service.valuation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipledge.rules.params.PolicyParameters;
import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.ipasset.IpAsset;
import com.ipledge.service.ipasset.IpAssetService;
import com.ipledge.service.metrics.ServiceMetrics;
import com.ipledge.service.policy.PolicyParameterStore;
import com.ipledge.service.problem.FieldErrors;
import com.ipledge.service.problem.NotFound;
import com.ipledge.service.problem.RuleViolation;
import com.ipledge.service.security.Caller;
import com.ipledge.service.security.Role;
import com.ipledge.service.valuation.ValuationInput.AssetInput;
import com.ipledge.valuation.FieldProblem;
import com.ipledge.valuation.InvalidValuationInputException;
import com.ipledge.valuation.ValuationEngine;
import com.ipledge.valuation.ValuationRequest;
import com.ipledge.valuation.ValuationResult;
import com.ipledge.valuation.ValueScore;
import io.micronaut.core.util.clhm.ConcurrentLinkedHashMap;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Values IP assets with the valuation engine. A valuation of a stored asset ({@code assetId}) is kept with its full
 * request (asset facts inline, paths and seed written out) and result, so that it can be recomputed exactly and
 * named by a decision; an inline valuation ({@code asset}) is a calculation only and is not kept.
 */
@Singleton
public class ValuationService {
    /** numeric(18,2): anything at or above this cannot be stored (and is no plausible collateral). */
    private static final BigDecimal STORABLE_LIMIT = new BigDecimal("1E16");

    /** What {@code POST /valuations} answers; stored valuations are 201, inline ones 200. */
    public record Valued(ValuationView view, boolean stored) {
    }

    private final ValuationEngine engine;
    private final ServiceMetrics metrics;
    private final IpAssetService assets;
    private final ValuationRepository valuations;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final PolicyParameterStore parameters;
    /** Desk answers by engine request; bounded, least recently used out (a result is a few hundred bytes). */
    private final Map<ValuationRequest, ValuationResult> computed =
            new ConcurrentLinkedHashMap.Builder<ValuationRequest, ValuationResult>().maximumWeightedCapacity(4096)
                    .build();

    public ValuationService(ValuationEngine engine, ServiceMetrics metrics, IpAssetService assets,
                            ValuationRepository valuations, AuditLog audit, ObjectMapper json, Clock clock,
                            PolicyParameterStore parameters) {
        this.parameters = parameters;
        this.engine = engine;
        this.metrics = metrics;
        this.assets = assets;
        this.valuations = valuations;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public Valued value(Caller caller, ValuationInput in) {
        LocalDate today = LocalDate.now(clock);
        FieldErrors errors = new FieldErrors();
        if (in.assetId() != null && in.asset() != null) {
            errors.add("assetId", "give assetId (a stored asset) or asset (its facts inline), not both");
        } else if (in.assetId() == null && in.asset() == null) {
            errors.add("asset", "is required unless assetId names a stored asset");
        }
        if (in.assetId() == null || in.asset() != null) {
            ValuationResult result = run(ValuationRequests.toEngine(in, in.asset(), today, errors), errors);
            return new Valued(ValuationView.of(result, in.assumptions().valuationDate(), null, null, null, null,
                    null, null, null), false);
        }
        IpAsset asset = assets.find(caller, in.assetId());
        AssetInput facts = StoredAssetFacts.of(asset).orElseThrow(() -> RuleViolation.of(
                "asset-not-valuable", "IP asset " + asset.id() + " is " + asset.legalStatus()
                        + ": a lost right is no collateral and has no value to assess."));
        return new Valued(store(caller, asset, in, facts, today, null), true);
    }

    /** A stored valuation's answer as given, JSON; 404 outside the caller's bank. */
    public String get(Caller caller, UUID id) {
        return valuations.find(id, caller.bankScope())
                .orElseThrow(() -> NotFound.of("valuation " + id)).result();
    }

    /** What a desk valuation assumed and which comparables it had, kept with its answer. */
    record DeskContext(DeskBasis basis, MarketEvidence evidence) {
    }

    /**
     * Values {@code asset} with {@code facts} and keeps it; joins the caller's transaction. {@code today} bounds the
     * valuation date (no valuations of the future). {@code desk} is null unless the service makes a desk valuation.
     */
    ValuationView store(Caller caller, IpAsset asset, ValuationInput in, AssetInput facts, LocalDate today,
                        DeskContext deskContext) {
        boolean desk = deskContext != null;
        FieldErrors errors = new FieldErrors();
        ValuationResult result = run(ValuationRequests.toEngine(in, facts, today, errors), errors);
        if (result.reconciledValue().abs().compareTo(STORABLE_LIMIT) >= 0) {
            throw RuleViolation.of("valuation-implausible", "A reconciled value of "
                    + result.reconciledValue().toPlainString() + " yuan is beyond any plausible collateral; "
                    + "check baseRevenue and the rates.");
        }
        UUID id = UUID.randomUUID();
        // microseconds: what PostgreSQL keeps, so the stored answer and the row agree
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        LocalDate valuationDate = in.assumptions().valuationDate();
        ValuationSource source = desk ? ValuationSource.DESK
                : caller.role() == Role.BUREAU ? ValuationSource.BUREAU : ValuationSource.BANK;
        ValuationView view = ValuationView.of(result, valuationDate, id, asset.id(), desk, source, now,
                desk ? deskContext.basis() : null, desk ? deskContext.evidence() : null);
        valuations.insert(new ValuationRepository.Row(id, asset.id(), asset.bankId(), valuationDate,
                result.reconciledValue(), result.collateralValue(),
                scoreTotal(result.valueScore()),
                result.engineVersion(), result.seed(), result.paths(),
                write(in.inline(facts, result.paths(), result.seed())), write(view), now, source));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("assetId", asset.id());
        payload.put("valuationDate", valuationDate.toString());
        payload.put("reconciledValue", result.reconciledValue());
        payload.put("collateralValue", result.collateralValue());
        payload.put("engineVersion", result.engineVersion());
        payload.put("seed", result.seed());
        payload.put("paths", result.paths());
        payload.put("desk", desk);
        payload.put("source", source.name());
        audit.append(caller, "valuation.created", "valuation", id, asset.bankId(), payload);
        return view;
    }

    /**
     * Runs the engine and keeps nothing: the desk comparison of a decision, an appraisal's value score, with the
     * score weights of {@code policy}. The engine is a pure function of its request (seeded), and every evaluation
     * of an asset the bank valued itself compares with the same desk request, so answers are remembered by request.
     */
    ValuationResult compute(ValuationInput in, AssetInput facts, LocalDate today, PolicyParameters policy) {
        FieldErrors errors = new FieldErrors();
        ValuationRequest request = ValuationRequests.toEngine(in, facts, today, errors)
                .withScoreWeights(PolicyParameterStore.scoreWeights(policy));
        if (!errors.isEmpty()) {
            return runWeighted(request, errors);
        }
        ValuationResult known = computed.get(request);
        if (known != null) {
            return known;
        }
        ValuationResult result = runWeighted(request, errors);
        computed.put(request, result);
        return result;
    }

    /**
     * Runs the engine, or answers 400 naming every bad field: those found by the API ({@code errors}) and the
     * engine's. When the API found some, the engine still checks the rest, on one path so that it costs nothing.
     */
    private ValuationResult run(ValuationRequest bare, FieldErrors errors) {
        // the value score is weighted for the finance scenario as the policy says (GB/T 42748-2023)
        return runWeighted(bare.withScoreWeights(PolicyParameterStore.scoreWeights(parameters.current())), errors);
    }

    private ValuationResult runWeighted(ValuationRequest request, FieldErrors errors) {
        if (!errors.isEmpty()) {
            try {
                engine.value(request.withPathsAndSeed(1, request.seed()));
            } catch (InvalidValuationInputException e) {
                addEngineProblems(errors, e);
            }
            errors.throwIfAny();
        }
        try {
            return metrics.timeValuation(() -> engine.value(request));
        } catch (InvalidValuationInputException e) {
            addEngineProblems(errors, e);
            errors.throwIfAny();
            throw e;
        } catch (IllegalStateException | ArithmeticException e) {
            // the engine refuses to round a non-finite value: the assumptions compound beyond any number
            throw RuleViolation.of("valuation-not-finite", "These assumptions drive the value beyond any "
                    + "finite amount; check the growth and discount rates and the economic life.");
        }
    }

    /** The engine's problems, except for fields the API has already named (a missing number travels as NaN). */
    private static void addEngineProblems(FieldErrors errors, InvalidValuationInputException e) {
        List<FieldProblem> news = e.problems().stream().filter(p -> !errors.has(p.field())).toList();
        news.forEach(p -> errors.add(p.field().isEmpty() ? "body" : p.field(), p.message()));
    }

    /** The value score's total as the {@code value_score} column keeps it. */
    static BigDecimal scoreTotal(ValueScore score) {
        return BigDecimal.valueOf(score.total()).setScale(2, RoundingMode.HALF_UP);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("valuation not serialisable", e);
        }
    }
}
