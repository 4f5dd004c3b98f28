package com.ipledge.service.portfolio;

import com.ipledge.service.evaluation.EvaluationService;
import com.ipledge.service.evaluation.StoredDecision;
import com.ipledge.service.losssharing.Waterfall;
import com.ipledge.service.portfolio.PortfolioRepository.BookRow;
import com.ipledge.service.portfolio.PortfolioRepository.PledgedAsset;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The live and defaulted loans in scope with their slicing keys, IP-type split and PD/LGD. */
@Singleton
class PortfolioBook {
    /** A part of a loan's exposure attributed to one IP type. */
    record IpPart(String ipType, BigDecimal amount) {
    }

    /** A loan of the book with its slicing keys resolved. PD and LGD are zero when the decision lacks them. */
    record BookLoan(BookRow row, String section, String ecoIndustry, List<IpPart> ipParts, String dominantIpType,
                    BigDecimal pd, BigDecimal lgd, boolean missingPdLgd) {
        boolean live() {
            return row.status().isLive();
        }

        BigDecimal outstanding() {
            return row.outstanding();
        }

        /** PD x LGD x amount, exact. */
        BigDecimal expectedLoss(BigDecimal amount) {
            return pd.multiply(lgd).multiply(amount);
        }
    }

    private final PortfolioRepository repository;
    private final EvaluationService decisions;

    PortfolioBook(PortfolioRepository repository, EvaluationService decisions) {
        this.repository = repository;
        this.decisions = decisions;
    }

    /** How the views name a scope: the bank's id, or ALL. */
    static String scopeName(Optional<UUID> bankScope) {
        return bankScope.map(UUID::toString).orElse("ALL");
    }

    List<BookLoan> loans(Optional<UUID> bankScope) {
        List<BookRow> rows = repository.book(bankScope);
        Map<UUID, List<PledgedAsset>> pledged = repository.pledgedAssets(
                rows.stream().map(BookRow::applicationId).toList());
        Map<UUID, StoredDecision> decided = decisions.findAll(rows.stream().map(BookRow::decisionId).toList());
        List<BookLoan> book = new ArrayList<>(rows.size());
        for (BookRow r : rows) {
            Optional<StoredDecision> decision = Optional.ofNullable(decided.get(r.decisionId()));
            BigDecimal pd = decision.map(StoredDecision::pd).orElse(null);
            BigDecimal lgd = decision.map(StoredDecision::lgd).orElse(null);
            List<IpPart> parts = ipSplit(r.outstanding(), pledged.getOrDefault(r.applicationId(), List.of()),
                    collateralValues(decision));
            IpPart dominant = parts.get(0);
            for (IpPart p : parts) {
                if (p.amount().compareTo(dominant.amount()) > 0) {
                    dominant = p; // the first of equal parts wins
                }
            }
            boolean missing = pd == null || lgd == null;
            book.add(new BookLoan(r, PortfolioLabels.section(r.industryCode()),
                    r.ecoIndustry() == null || r.ecoIndustry().isBlank() ? PortfolioLabels.UNSPECIFIED
                            : r.ecoIndustry(),
                    parts, dominant.ipType(), pd == null ? BigDecimal.ZERO : pd, lgd == null ? BigDecimal.ZERO : lgd,
                    missing));
        }
        return book;
    }

    /** The collateral value the decision used for each asset (none known: the split is equal). */
    static Map<UUID, BigDecimal> collateralValues(Optional<StoredDecision> decision) {
        Map<UUID, BigDecimal> values = new HashMap<>();
        decision.ifPresent(d -> d.collateral().stream().filter(c -> c.collateralValue() != null)
                .forEach(c -> values.put(c.assetId(), c.collateralValue())));
        return values;
    }

    /**
     * Splits {@code amount} across the pledged assets pro rata to their collateral values, or equally when any
     * value is unknown or negative or they add up to zero, by {@link Waterfall#split} (largest remainder, exact to
     * the fen; equal remainders go to the larger value, then to the asset filed first). Parts of assets of the
     * same type are added up; types appear in the order their first asset was filed.
     */
    static List<IpPart> ipSplit(BigDecimal amount, List<PledgedAsset> assets, Map<UUID, BigDecimal> values) {
        if (assets.isEmpty()) {
            return List.of(new IpPart(PortfolioLabels.UNSPECIFIED, amount));
        }
        boolean known = assets.stream().allMatch(a -> values.get(a.assetId()) != null
                && values.get(a.assetId()).signum() >= 0);
        boolean weighted = known && assets.stream().map(a -> values.get(a.assetId()))
                .reduce(BigDecimal.ZERO, BigDecimal::add).signum() > 0;
        // keyed by filing position, zero-padded so that the split's name order is the filing order
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        for (int i = 0; i < assets.size(); i++) {
            weights.put(String.format("%06d", i), weighted ? values.get(assets.get(i).assetId()) : BigDecimal.ONE);
        }
        List<BigDecimal> parts = new ArrayList<>(Waterfall.split(amount, weights).values());
        Map<String, BigDecimal> byType = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            String type = assets.get(i).type() == null ? PortfolioLabels.UNSPECIFIED : assets.get(i).type();
            byType.merge(type, parts.get(i), BigDecimal::add);
        }
        List<IpPart> split = new ArrayList<>();
        byType.forEach((type, part) -> split.add(new IpPart(type, part)));
        return split;
    }
}
