package com.ipledge.service.valuation;

import com.ipledge.rules.sme.IndustryCode;
import com.ipledge.service.borrower.Borrower;
import com.ipledge.service.ipasset.IpAsset;
import com.ipledge.service.ipasset.LegalTerm;
import com.ipledge.service.valuation.MarketEvidence.Factor;
import com.ipledge.service.valuation.ValuationInput.ComparableInput;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The desk valuation's market approach from the prices ipledge holds ({@link ComparableSales}): the same bank's
 * realised sales and accepted appraisal reports of assets of the same IP type whose borrower is in the same GB/T 4754 division (or section, when the
 * borrower's code has no division), at most {@value #MOST} of them, newest first. Each is adjusted:
 * <ul>
 *   <li>{@code remainingLegalLife}: patents only, the subject's remaining legal life / the sold right's at its
 *       sale, kept within [0.5, 1.5] (a right with half the life left is not worth half: the early years weigh
 *       most once discounted); marks renew, so 1;</li>
 *   <li>{@code method}: 1 for every method (auction, transfer, licence): each is what a lender actually realised
 *       from such a right, the very figure a collateral value stands for.</li>
 * </ul>
 */
final class OwnComparables {
    static final int MOST = 10;

    /** The evidence and the engine's comparables (empty when there are none). */
    record Found(MarketEvidence evidence, List<ComparableInput> inputs) {
    }

    private OwnComparables() {
    }

    static Found find(List<ComparableSales> sources, IpAsset asset, Borrower borrower, LocalDate today) {
        // the division, or the section of a code without one
        String prefix = IndustryCode.divisionThenSection(borrower.industryCode()).get(0);
        List<ComparableSale> sales = new ArrayList<>();
        sources.forEach(s -> sales.addAll(s.find(asset.bankId(), asset.id(), asset.type(), prefix, today)));
        sales.sort(Comparator.comparing(ComparableSale::on).reversed());
        if (sales.isEmpty()) {
            return new Found(new MarketEvidence("NONE", "no comparables: this bank has no realised disposal and no "
                    + "valid appraisal report of another asset of a " + asset.type() + " of a borrower in industry " + prefix
                    + " up to " + today + "; the income approach alone sets the value", List.of()), List.of());
        }
        List<MarketEvidence.Comparable> shown = new ArrayList<>();
        List<ComparableInput> inputs = new ArrayList<>();
        BigDecimal subjectLife = asset.type().isPatent() ? LegalTerm.remainingYears(asset.expiresOn(), today) : null;
        for (ComparableSale sale : sales.subList(0, Math.min(MOST, sales.size()))) {
            List<Factor> factors = List.of(lifeFactor(subjectLife, sale.remainingLegalLifeYears()),
                    new Factor("method", 1.0, "APPRAISAL".equals(sale.kind())
                            ? sale.method() + " appraisal: an appraiser's conclusion on such a right, not a sale"
                            : sale.method() + ": what a lender realised from such a right"));
            double product = factors.stream().mapToDouble(Factor::factor).reduce(1, (a, b) -> a * b);
            BigDecimal adjusted = sale.price().multiply(BigDecimal.valueOf(product))
                    .setScale(2, RoundingMode.HALF_EVEN);
            String description = sale.kind() + " " + sale.reference() + " (" + sale.method() + ", " + sale.on() + ")";
            shown.add(new MarketEvidence.Comparable(sale.kind(), sale.reference().toString(), sale.method(),
                    sale.price(), sale.on().toString(), sale.industryCode(), factors, adjusted));
            inputs.add(new ComparableInput(description, sale.price(),
                    factors.stream().map(Factor::factor).toList(), null));
        }
        return new Found(new MarketEvidence("USED", shown.size() + " of this bank's realised disposals and "
                + "appraisal reports of other assets of a "
                + asset.type() + " of a borrower in industry " + prefix + ", reconciled with the income approach "
                + "at the engine's default weights", shown), inputs);
    }

    private static Factor lifeFactor(BigDecimal subject, BigDecimal sold) {
        if (subject == null || sold == null) {
            return new Factor("remainingLegalLife", 1.0, "marks renew: no life adjustment");
        }
        double ratio = sold.signum() <= 0 ? 1.5 : subject.doubleValue() / sold.doubleValue();
        double factor = Math.round(Math.min(1.5, Math.max(0.5, ratio)) * 10_000) / 10_000.0;
        return new Factor("remainingLegalLife", factor, subject.toPlainString() + " years left against "
                + sold.toPlainString() + " at the sale (kept within 0.5..1.5)");
    }
}
