package com.ipledge.service.health;

import com.ipledge.risk.pd.BorrowerFeatures;
import com.ipledge.risk.pd.PdModel;
import com.ipledge.rules.Borrower;
import com.ipledge.rules.CollateralItem;
import com.ipledge.rules.CreditPolicy;
import com.ipledge.rules.DecisionInput;
import com.ipledge.rules.IpType;
import com.ipledge.rules.LegalStatus;
import com.ipledge.rules.LoanApplication;
import com.ipledge.rules.params.PolicyParameters;
import com.ipledge.rules.RiskScore;
import com.ipledge.rules.sme.SizeClass;
import com.ipledge.valuation.AssetFacts;
import com.ipledge.valuation.AssetType;
import com.ipledge.valuation.Discounting;
import com.ipledge.valuation.Distribution;
import com.ipledge.valuation.IncomeAssumptions;
import com.ipledge.valuation.Litigation;
import com.ipledge.valuation.TriangularLife;
import com.ipledge.valuation.ValuationEngine;
import com.ipledge.valuation.ValuationRequest;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the engines (rule base, PD model, valuation engine) on sample inputs after start, until the cost of a round
 * is flat or {@code ipledge.warm-up.max-duration} has passed, so that the first borrowers are not the ones who pay
 * for the JIT compiler. Readiness ({@link WarmUpIndicator}) is DOWN until it is done. The inputs are synthetic and
 * nothing is written anywhere. Switched off ({@code ipledge.warm-up.enabled=false}) it is done at once.
 */
@Singleton
public class EngineWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(EngineWarmUp.class);
    private static final double FLAT = 0.10;
    private static final int FLAT_ROUNDS = 3;
    private static final int MIN_ROUNDS = 8;

    /** Where the warm-up stands; {@code rounds} and {@code lastRoundMillis} say how far it went. */
    public record State(boolean done, int rounds, double lastRoundMillis, String endedBy) {
    }

    private final CreditPolicy policy;
    private final PdModel pdModel;
    private final ValuationEngine valuationEngine;
    private final boolean enabled;
    private final Duration maxDuration;
    private final AtomicReference<State> state = new AtomicReference<>(new State(false, 0, 0, null));

    EngineWarmUp(CreditPolicy policy, PdModel pdModel, ValuationEngine valuationEngine, WarmUpSettings settings) {
        this.policy = policy;
        this.pdModel = pdModel;
        this.valuationEngine = valuationEngine;
        this.enabled = settings.enabled();
        this.maxDuration = settings.maxDuration();
        if (!enabled) {
            state.set(new State(true, 0, 0, "disabled"));
        }
    }

    public State state() {
        return state.get();
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!enabled) {
            return;
        }
        Thread t = new Thread(this::run, "engine-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        t.start();
    }

    /** Rounds until flat or out of time; public for the test that proves it ends. */
    public State run() {
        long began = System.nanoTime();
        long deadline = began + maxDuration.toNanos();
        List<Double> rounds = new ArrayList<>();
        String endedBy = "time";
        try {
            while (System.nanoTime() < deadline) {
                long start = System.nanoTime();
                round(rounds.size());
                rounds.add((System.nanoTime() - start) / 1e6);
                state.set(new State(false, rounds.size(), rounds.get(rounds.size() - 1), null));
                if (flat(rounds)) {
                    endedBy = "flat";
                    break;
                }
            }
        } catch (RuntimeException e) {
            // a warm-up failure must not keep a working service out of rotation; the engines loaded at start
            LOG.warn("engine warm-up stopped early: {}", e.toString());
            endedBy = "error";
        }
        State done = new State(true, rounds.size(), rounds.isEmpty() ? 0 : rounds.get(rounds.size() - 1), endedBy);
        state.set(done);
        LOG.info("engines warm after {} rounds in {} ms (last round {} ms, ended by {})", rounds.size(),
                (System.nanoTime() - began) / 1_000_000, String.format("%.1f", done.lastRoundMillis()), endedBy);
        return done;
    }

    /** Flat: the median of the last three rounds is no longer more than 10 % below the median of the three before. */
    static boolean flat(List<Double> rounds) {
        int n = rounds.size();
        if (n < MIN_ROUNDS) {
            return false;
        }
        double recent = median(rounds.subList(n - FLAT_ROUNDS, n));
        double before = median(rounds.subList(n - 2 * FLAT_ROUNDS, n - FLAT_ROUNDS));
        return recent >= (1 - FLAT) * before;
    }

    private static double median(List<Double> three) {
        List<Double> sorted = three.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** One round: 200 decisions and PD scores, 4 valuations of 10,000 paths (a desk valuation's size). */
    private void round(int round) {
        for (int i = 0; i < 200; i++) {
            int assets = 1 + (i % 3);
            policy.decide(decisionInput(assets, 300_000 + 10_000L * i));
            pdModel.score(new BorrowerFeatures(null, null, null, null, 3.0 + i % 10, 5_000_000.0 + i * 1000,
                    i % 2 == 0 ? "C" : "I", i % 7 == 0, false, 60.0 + i % 30, 1.5 + (i % 5) / 10.0));
        }
        for (int i = 0; i < 4; i++) {
            valuationEngine.value(ValuationRequest.income(invention(), assumptions(i))
                    .withPathsAndSeed(10_000, (long) round * 4 + i));
        }
    }

    private static DecisionInput decisionInput(int assets, long amount) {
        String code = "91620100MA00000001";
        CollateralItem[] items = new CollateralItem[assets];
        for (int i = 0; i < assets; i++) {
            items[i] = new CollateralItem("W-" + i, i % 2 == 0 ? IpType.INVENTION_PATENT : IpType.TRADEMARK,
                    LegalStatus.VALID, code, new BigDecimal("12"), true, false, false, false, false, true,
                    new BigDecimal(1_000_000 + 10_000 * i), new BigDecimal(1_200_000 + 10_000 * i),
                    new BigDecimal(60 + i));
        }
        return new DecisionInput(new LoanApplication("WARM-UP", BigDecimal.valueOf(amount).setScale(2), 12,
                "working capital", false), new Borrower(code, SizeClass.SMALL, 5, "C3911", null, false, null, false),
                Arrays.asList(items), new RiskScore(new BigDecimal("0.02"), "B1", new BigDecimal("12000.00")),
                new BigDecimal("50000000.00"), PolicyParameters.defaults());
    }

    private static AssetFacts invention() {
        return new AssetFacts(AssetType.INVENTION_PATENT, null, com.ipledge.valuation.LegalStatus.IN_FORCE,
                LocalDate.of(2018, 1, 1), LocalDate.of(2020, 6, 1), null, null, 12, 6, 3, Litigation.NONE, 1, 0.6,
                List.of());
    }

    private static IncomeAssumptions assumptions(int i) {
        return IncomeAssumptions.of(LocalDate.of(2026, 1, 1), new BigDecimal(2_000_000 + 100_000 * i),
                new Distribution(0.05, 0.03), new Distribution(0.05, 0.01), new Distribution(0.12, 0.02), 0.25,
                new TriangularLife(5, 8, 12), Discounting.END_YEAR);
    }
}
