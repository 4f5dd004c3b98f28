package com.ipledge.service.losssharing;

import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.losssharing.RiskLayerRepository.Layer;
import com.ipledge.service.losssharing.RiskLayerRepository.LayeredScheme;
import com.ipledge.service.losssharing.RiskLayerRequests.Contribution;
import com.ipledge.service.losssharing.RiskLayerRequests.NewLayer;
import com.ipledge.service.losssharing.RiskLayerRequests.NewLayeredScheme;
import com.ipledge.service.losssharing.RiskLayerViews.LayerView;
import com.ipledge.service.losssharing.RiskLayerViews.LayeredSchemeView;
import com.ipledge.service.money.Money;
import com.ipledge.service.problem.Conflict;
import com.ipledge.service.problem.FieldErrors;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.problem.NotFound;
import com.ipledge.service.security.Caller;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Layered schemes, configured by the bureau: the layers' shares of the IP part of a loss add up to exactly 1, one of
 * them the bank's (which bears what the caps, balances and windows of the others leave). Pools hold a balance and
 * may carry a leverage multiple; funders' contributions add to the balance.
 */
@Singleton
public class LayeredSchemes {
    static final int MAX_LAYERS = 10;
    static final int MAX_WINDOW_DAYS = 250;
    static final BigDecimal MAX_LEVERAGE = new BigDecimal("100");

    private final RiskLayerRepository repo;
    private final AuditLog audit;
    private final Clock clock;

    public LayeredSchemes(RiskLayerRepository repo, AuditLog audit, Clock clock) {
        this.repo = repo;
        this.audit = audit;
        this.clock = clock;
    }

    public List<LayeredSchemeView> schemes() {
        return repo.schemes().stream().map(this::view).toList();
    }

    public LayeredSchemeView scheme(UUID id) {
        return view(repo.scheme(id).orElseThrow(() -> NotFound.of("layered scheme " + id)));
    }

    @Transactional
    public LayeredSchemeView create(Caller caller, NewLayeredScheme body) {
        String name = body.name() == null ? null : body.name().strip();
        check(body, name);
        UUID id = UUID.randomUUID();
        List<Layer> layers = new ArrayList<>();
        int position = 0;
        for (NewLayer l : body.layers()) {
            BigDecimal balance = yuan(l.balance());
            layers.add(new Layer(UUID.randomUUID(), id, position++, l.party().strip(), l.kind(),
                    l.share().setScale(Ratios.SCALE), yuan(l.perLoanCap()), yuan(l.perYearCap()),
                    l.claimWindowWorkingDays(), balance, balance,
                    l.leverageMultiple() == null ? null : l.leverageMultiple().setScale(2),
                    BigDecimal.ZERO.setScale(2)));
        }
        LayeredScheme scheme = new LayeredScheme(id, name, caller.role() + ":" + caller.principalId(),
                OffsetDateTime.now(clock));
        if (!repo.insertScheme(scheme, layers)) {
            throw Conflict.of("layered-scheme-exists", "A layered scheme named " + name + " exists already.");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("name", name);
        List<Map<String, Object>> described = new ArrayList<>();
        for (Layer l : layers) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("party", l.party());
            p.put("kind", l.kind().name());
            p.put("share", l.share());
            putIfPresent(p, "perLoanCap", l.perLoanCap());
            putIfPresent(p, "perYearCap", l.perYearCap());
            putIfPresent(p, "claimWindowWorkingDays", l.claimWindowDays());
            putIfPresent(p, "balance", l.balance());
            putIfPresent(p, "leverageMultiple", l.leverageMultiple());
            described.add(p);
        }
        payload.put("layers", described);
        audit.append(caller, "risk-layer-scheme.created", "risk_layer_scheme", id, null, payload);
        return view(scheme);
    }

    /** Money the funders put into a pool or a fund with a balance; it raises the leverage limit too. */
    @Transactional
    public LayeredSchemeView contribute(Caller caller, UUID schemeId, UUID layerId, Contribution body) {
        LayeredScheme scheme = repo.scheme(schemeId).orElseThrow(() -> NotFound.of("layered scheme " + schemeId));
        FieldErrors errors = new FieldErrors();
        Money.check(errors, "amount", body.amount(), true);
        errors.throwIfAny();
        Layer layer = repo.lockLayer(layerId).filter(l -> l.schemeId().equals(schemeId))
                .orElseThrow(() -> NotFound.of("layer " + layerId + " of scheme " + schemeId));
        if (layer.balance() == null) {
            throw InvalidInput.of("amount", "goes to a layer with a balance (a pool or a funded guarantee fund); "
                    + layer.party() + " has none");
        }
        BigDecimal amount = body.amount().setScale(2);
        repo.contribute(layerId, amount);
        audit.append(caller, "risk-layer.contributed", "risk_layer", layerId, null, Map.of("scheme", scheme.name(),
                "party", layer.party(), "amount", amount, "balanceBefore", layer.balance(),
                "balanceAfter", layer.balance().add(amount)));
        return view(scheme);
    }

    private LayeredSchemeView view(LayeredScheme s) {
        int year = LocalDate.now(clock).getYear();
        Map<UUID, BigDecimal> paid = repo.paidByLayerIn(s.id(), year);
        List<LayerView> layers = repo.layers(s.id()).stream().map(l -> {
            BigDecimal limit = l.leverageMultiple() == null || l.balance() == null ? null
                    : l.leverageMultiple().multiply(l.balance()).setScale(2);
            return new LayerView(l.id(), l.position(), l.party(), l.kind(), l.share(), l.perLoanCap(),
                    l.perYearCap(), l.claimWindowDays(), l.funded(), l.balance(),
                    l.kind() == LayerKind.BANK ? null : paid.getOrDefault(l.id(), BigDecimal.ZERO.setScale(2)),
                    l.leverageMultiple(), limit, l.committedPrincipal(),
                    limit == null ? null : limit.subtract(l.committedPrincipal()));
        }).toList();
        return new LayeredSchemeView(s.id(), s.name(), layers, s.createdBy(), s.createdAt());
    }

    private static void check(NewLayeredScheme body, String name) {
        FieldErrors errors = new FieldErrors();
        if (name == null || name.isEmpty()) {
            errors.add("name", "is required");
        } else if (name.length() > 80) {
            errors.add("name", "must be at most 80 characters");
        }
        List<NewLayer> layers = body.layers();
        if (layers == null || layers.size() < 2) {
            errors.add("layers", "are required: at least one sharing layer and the BANK's");
        } else if (layers.size() > MAX_LAYERS) {
            errors.add("layers", "must be at most " + MAX_LAYERS);
        } else {
            Set<String> parties = new HashSet<>();
            BigDecimal total = BigDecimal.ZERO;
            int banks = 0;
            boolean sharesKnown = true;
            for (int i = 0; i < layers.size(); i++) {
                NewLayer l = layers.get(i);
                String f = "layers[" + i + "].";
                if (l == null) {
                    errors.add("layers[" + i + "]", "is required");
                    sharesKnown = false;
                    continue;
                }
                String party = l.party() == null ? null : l.party().strip();
                if (party == null || party.isEmpty()) {
                    errors.add(f + "party", "is required (e.g. PROVINCIAL_POOL)");
                } else if (!party.matches("[A-Z][A-Z_]{0,39}")) {
                    errors.add(f + "party", "must be upper case letters and underscores, at most 40");
                } else if (!parties.add(party)) {
                    errors.add(f + "party", "is named twice");
                }
                if (l.kind() == null) {
                    errors.add(f + "kind", "is required: POOL, INSURER, GUARANTEE_FUND or BANK");
                } else if (l.kind() == LayerKind.BANK) {
                    banks++;
                    if (party != null && !Waterfall.BANK.equals(party)) {
                        errors.add(f + "party", "must be BANK for the bank's layer");
                    }
                    for (Map.Entry<String, Object> e : bankless(l).entrySet()) {
                        if (e.getValue() != null) {
                            errors.add(f + e.getKey(), "does not apply to the bank's layer");
                        }
                    }
                } else if (Waterfall.BANK.equals(party)) {
                    errors.add(f + "kind", "must be BANK for the party BANK");
                }
                if (l.share() == null) {
                    errors.add(f + "share", "is required");
                    sharesKnown = false;
                } else {
                    Ratios.checkFraction(errors, f + "share", l.share(), true);
                    if (errors.has(f + "share")) {
                        sharesKnown = false;
                    } else {
                        total = total.add(l.share());
                    }
                }
                if (l.perLoanCap() != null) {
                    Money.check(errors, f + "perLoanCap", l.perLoanCap(), true);
                }
                if (l.perYearCap() != null) {
                    Money.check(errors, f + "perYearCap", l.perYearCap(), true);
                }
                if (l.claimWindowWorkingDays() != null
                        && (l.claimWindowWorkingDays() < 1 || l.claimWindowWorkingDays() > MAX_WINDOW_DAYS)) {
                    errors.add(f + "claimWindowWorkingDays", "must be between 1 and " + MAX_WINDOW_DAYS);
                }
                if (l.balance() != null) {
                    Money.check(errors, f + "balance", l.balance(), false);
                    if (l.kind() == LayerKind.INSURER) {
                        errors.add(f + "balance", "applies to pools and guarantee funds only");
                    }
                } else if (l.kind() == LayerKind.POOL) {
                    errors.add(f + "balance", "is required for a pool (the money it holds, yuan)");
                }
                if (l.leverageMultiple() != null) {
                    BigDecimal m = l.leverageMultiple();
                    if (l.kind() != LayerKind.POOL) {
                        errors.add(f + "leverageMultiple", "applies to pools only");
                    } else if (m.signum() <= 0 || m.compareTo(MAX_LEVERAGE) > 0
                            || m.stripTrailingZeros().scale() > 2) {
                        errors.add(f + "leverageMultiple", "must be greater than 0 and at most " + MAX_LEVERAGE
                                + ", with at most 2 decimals");
                    }
                }
            }
            if (banks != 1) {
                errors.add("layers", "must include exactly one layer of kind BANK (it has " + banks + ")");
            }
            if (sharesKnown && total.compareTo(BigDecimal.ONE) != 0) {
                errors.add("layers", "shares must add up to exactly 1; they add up to " + total.toPlainString());
            }
        }
        errors.throwIfAny();
    }

    private static Map<String, Object> bankless(NewLayer l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("perLoanCap", l.perLoanCap());
        m.put("perYearCap", l.perYearCap());
        m.put("claimWindowWorkingDays", l.claimWindowWorkingDays());
        m.put("balance", l.balance());
        m.put("leverageMultiple", l.leverageMultiple());
        return m;
    }

    private static BigDecimal yuan(BigDecimal v) {
        return v == null ? null : v.setScale(2);
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
