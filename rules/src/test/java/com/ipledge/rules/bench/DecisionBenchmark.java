package com.ipledge.rules.bench;

import com.ipledge.rules.Borrower;
import com.ipledge.rules.CollateralItem;
import com.ipledge.rules.CreditPolicy;
import com.ipledge.rules.Decision;
import com.ipledge.rules.DecisionInput;
import com.ipledge.rules.IpType;
import com.ipledge.rules.LegalStatus;
import com.ipledge.rules.LoanApplication;
import com.ipledge.rules.MonitoringEventType;
import com.ipledge.rules.MonitoringInput;
import com.ipledge.rules.MonitoringReaction;
import com.ipledge.rules.LegalStatusEvent;
import com.ipledge.rules.RiskScore;
import com.ipledge.rules.params.PolicyParameters;
import com.ipledge.rules.sme.SizeClass;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/** One decision on one core, the rule base built once: sample time gives the median (p0.50). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class DecisionBenchmark {
    private static final String BORROWER = "91530100MA6NXXXX1A";

    @Param({"1", "10"})
    public int assets;

    private CreditPolicy policy;
    private DecisionInput input;
    private MonitoringInput monitoring;

    @Setup
    public void setUp() {
        policy = CreditPolicy.load();
        List<CollateralItem> items = new ArrayList<>();
        for (int i = 0; i < assets; i++) {
            boolean patent = i % 2 == 0;
            items.add(new CollateralItem("A-" + i, patent ? IpType.INVENTION_PATENT : IpType.TRADEMARK,
                    LegalStatus.VALID, BORROWER, new BigDecimal("12"), true, false, false, false, false, true,
                    new BigDecimal(1_000_000 + 10_000 * i), new BigDecimal(1_200_000 + 10_000 * i),
                    new BigDecimal(60 + i)));
        }
        input = new DecisionInput(new LoanApplication("APP-1", new BigDecimal("2000000.00"), 12, "working capital",
                false), new Borrower(BORROWER, SizeClass.SMALL, 5, "C3911", null, false, null, false), items,
                new RiskScore(new BigDecimal("0.02"), "B1", new BigDecimal("12000.00")),
                new BigDecimal("50000000.00"), PolicyParameters.defaults());
        monitoring = new MonitoringInput("LOAN-1", new BigDecimal("2000000.00"), new BigDecimal("0.25"),
                new BigDecimal("8000000.00"), new BigDecimal("6000000.00"),
                List.of(new LegalStatusEvent("A-0", IpType.INVENTION_PATENT, MonitoringEventType.FEE_OVERDUE,
                        LocalDate.of(2026, 11, 2))), PolicyParameters.defaults());
    }

    @Benchmark
    public Decision decide() {
        return policy.decide(input);
    }

    @Benchmark
    public MonitoringReaction react() {
        return policy.react(monitoring);
    }
}
