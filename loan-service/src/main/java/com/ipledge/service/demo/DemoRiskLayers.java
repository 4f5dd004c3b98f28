package com.ipledge.service.demo;

import com.ipledge.service.ipasset.IpAssetService;
import com.ipledge.service.loan.Classification;
import com.ipledge.service.loan.LoanService;
import com.ipledge.service.loan.LoanStatus;
import com.ipledge.service.loan.LoanView;
import com.ipledge.service.losssharing.Covers;
import com.ipledge.service.losssharing.Defaults;
import com.ipledge.service.losssharing.LayerClaimDecisions;
import com.ipledge.service.losssharing.LayerClaimFilings;
import com.ipledge.service.losssharing.LayerEnrolments;
import com.ipledge.service.losssharing.LayerRecoveries;
import com.ipledge.service.losssharing.LayerKind;
import com.ipledge.service.losssharing.LayeredSchemes;
import com.ipledge.service.losssharing.LossSharingRequests;
import com.ipledge.service.losssharing.Parties;
import com.ipledge.service.losssharing.RiskLayerRequests;
import com.ipledge.service.losssharing.RiskLayerViews.LayerClaimView;
import com.ipledge.service.losssharing.RiskLayerViews.LayeredSchemeView;
import com.ipledge.service.losssharing.RiskLayerViews.LoanLayersView;
import com.ipledge.service.security.Caller;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The layered scheme of the demo province (issue 19): the provincial pool, the Lanzhou city pool, the insurer, the
 * provincial guarantee fund and the bank; one of the first bank's performing loans, with some non-IP collateral,
 * enrolled, then defaulted (substandard), its layer claims filed, reviewed and paid (the insurer's refused with a
 * reason), and a recovery clawed back from the layers pro rata. Seeded once: a restart finds
 * the scheme and leaves it.
 */
@Singleton
class DemoRiskLayers {
    static final String SCHEME = "甘肃省知识产权质押融资分层风险分担（演示）";

    private final LayeredSchemes schemes;
    private final LayerEnrolments enrolments;
    private final LayerClaimFilings filings;
    private final LayerClaimDecisions decisions;
    private final LayerRecoveries recoveries;
    private final LoanService loans;
    private final Covers covers;
    private final Defaults defaults;
    private final IpAssetService assets;
    private final Clock clock;

    DemoRiskLayers(LayeredSchemes schemes, LayerEnrolments enrolments, LayerClaimFilings filings,
                   LayerClaimDecisions decisions, LayerRecoveries recoveries, LoanService loans, Covers covers,
                   Defaults defaults, IpAssetService assets, Clock clock) {
        this.assets = assets;
        this.schemes = schemes;
        this.enrolments = enrolments;
        this.filings = filings;
        this.decisions = decisions;
        this.recoveries = recoveries;
        this.loans = loans;
        this.covers = covers;
        this.defaults = defaults;
        this.clock = clock;
    }

    void open(Caller bureau, Caller officer, Caller approver) {
        if (!schemes.schemes().isEmpty()) {
            return;
        }
        LayeredSchemeView scheme = schemes.create(bureau, new RiskLayerRequests.NewLayeredScheme(SCHEME, List.of(
                layer("PROVINCIAL_POOL", LayerKind.POOL, "0.40", null, "5000000", 10, "20000000", "10"),
                layer("LANZHOU_POOL", LayerKind.POOL, "0.20", "100000", "1000000", 10, "5000000", "10"),
                layer(Parties.INSURER, LayerKind.INSURER, "0.20", null, null, 20, null, null),
                layer(Parties.GUARANTEE_FUND, LayerKind.GUARANTEE_FUND, "0.10", "50000", null, 30, "3000000", null),
                layer(Parties.BANK, LayerKind.BANK, "0.10", null, null, null, null, null))));
        // a performing loan on patents (the copyright and GI loans show issue 18); one whose own cover leaves the
        // loss to the bank, if there is one, so that only the layers share it
        List<LoanView> performing = loans.list(officer, Optional.of(LoanStatus.DISBURSED), Optional.empty(),
                Optional.of(Classification.NORMAL), 0, 50, Optional.empty()).items().stream()
                .filter(l -> !l.collateral().isEmpty() && l.collateral().stream().allMatch(a -> assets.find(a,
                        Optional.of(l.bankId())).map(x -> x.type().isPatent()).orElse(false)))
                .toList();
        Optional<LoanView> candidate = performing.stream()
                .filter(l -> covers.cover(officer, l.id()).stream().allMatch(c -> Parties.BANK.equals(c.party())))
                .findFirst().or(() -> performing.stream().findFirst());
        if (candidate.isEmpty()) {
            return;
        }
        LoanView loan = candidate.get();
        LocalDate today = LocalDate.now(clock);
        enrolments.enrol(officer, loan.id(), new RiskLayerRequests.Enrolment(scheme.id(), new BigDecimal("100000.00")));
        // the default makes it substandard (non-performing), the day the claim windows start
        defaults.declareDefault(officer, loan.id(), new LossSharingRequests.DefaultRequest(today,
                "演示：企业停产，无力偿还 / demo: the firm stopped production and cannot repay"));
        LoanLayersView filed = filings.file(officer, loan.id(), new RiskLayerRequests.ClaimFiling(
                "演示：申请风险补偿 / demo: claims on every layer"));
        for (LayerClaimView c : filed.claims()) {
            Caller reviewer = c.kind() == LayerKind.INSURER ? approver : bureau;
            decisions.review(reviewer, loan.id(), c.id(), new RiskLayerRequests.ClaimReview(null));
            if (c.kind() == LayerKind.INSURER) {
                decisions.refuse(reviewer, loan.id(), c.id(), new RiskLayerRequests.ClaimRefusal(
                        "演示：保单已过期 / demo: the policy had lapsed before the loan became non-performing"));
            } else {
                decisions.pay(reviewer, loan.id(), c.id(), new RiskLayerRequests.LayerPayment(today));
            }
        }
        // the patent licensed out for a fifth of the loss, 2% of it going on the licence itself
        BigDecimal licence = filed.loss().multiply(new BigDecimal("0.20")).setScale(2, java.math.RoundingMode.HALF_UP);
        recoveries.recover(officer, loan.id(), new RiskLayerRequests.LayerRecovery(licence, today,
                licence.multiply(new BigDecimal("0.02")).setScale(2, java.math.RoundingMode.HALF_UP)));
    }

    private static RiskLayerRequests.NewLayer layer(String party, LayerKind kind, String share, String perLoanCap,
                                                    String perYearCap, Integer window, String balance,
                                                    String leverage) {
        return new RiskLayerRequests.NewLayer(party, kind, new BigDecimal(share), money(perLoanCap),
                money(perYearCap), window, money(balance), leverage == null ? null : new BigDecimal(leverage));
    }

    private static BigDecimal money(String v) {
        return v == null ? null : new BigDecimal(v);
    }
}
