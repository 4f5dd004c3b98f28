package com.ipledge.service.demo;

import com.ipledge.service.loan.LoanService;
import com.ipledge.service.loan.LoanStatus;
import com.ipledge.service.loan.LoanView;
import com.ipledge.service.security.Caller;
import com.ipledge.service.subsidy.SubsidyAccruals;
import com.ipledge.service.subsidy.SubsidyClaims;
import com.ipledge.service.subsidy.SubsidyKind;
import com.ipledge.service.subsidy.SubsidyProgrammes;
import com.ipledge.service.subsidy.SubsidyRequests;
import com.ipledge.service.subsidy.Subsidies;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The province's IP-loan interest subsidy programme of the year in the demo (贴息: half the interest at a rate
 * counted at most LPR + 40 %, fees half-subsidised): the first bank enrols its disbursed loans, reports the
 * valuation and guarantee fees their borrowers paid, files the quarter's claim, and the bureau approves and pays
 * it. Interest subsidies accrue from then on with every repayment of an instalment. Seeded once (by its code).
 */
@Singleton
class DemoSubsidies {
    private final SubsidyProgrammes programmes;
    private final SubsidyAccruals accruals;
    private final SubsidyClaims claims;
    private final LoanService loans;
    private final Clock clock;

    DemoSubsidies(SubsidyProgrammes programmes, SubsidyAccruals accruals, SubsidyClaims claims, LoanService loans,
                  Clock clock) {
        this.programmes = programmes;
        this.accruals = accruals;
        this.claims = claims;
        this.loans = loans;
        this.clock = clock;
    }

    void seed(Caller bureau, Caller officer) {
        LocalDate today = LocalDate.now(clock);
        String code = "GS-IPLOAN-" + today.getYear();
        if (programmes.list().stream().anyMatch(p -> p.code().equals(code))) {
            return;
        }
        Subsidies.Programme programme = programmes.create(bureau, new SubsidyRequests.NewProgramme(code,
                "甘肃省知识产权质押融资贴息 " + today.getYear(), LocalDate.of(today.getYear(), 1, 1),
                LocalDate.of(today.getYear() + 1, 12, 31), new BigDecimal("5000000.00"), new BigDecimal("0.5"),
                new BigDecimal("0.4"), new BigDecimal("200000.00"), new BigDecimal("0.5"),
                List.of("INVENTION_PATENT", "UTILITY_MODEL", "TRADEMARK", "GEOGRAPHICAL_INDICATION",
                        "SOFTWARE_COPYRIGHT"),
                new BigDecimal("0.5"), new BigDecimal("20000.00"), new BigDecimal("0.5"), new BigDecimal("10000.00"),
                new BigDecimal("0.5"), new BigDecimal("10000.00")));
        int enrolled = 0;
        for (LoanStatus status : List.of(LoanStatus.DISBURSED, LoanStatus.REPAYING)) {
            for (LoanView loan : loans.list(officer, Optional.of(status), Optional.empty(), Optional.empty(), 0, 100,
                    Optional.empty()).items()) {
                SubsidyRequests.NewEnrolment request = new SubsidyRequests.NewEnrolment(programme.id(), loan.id(),
                        BigDecimal.ZERO);
                if (!accruals.eligible(officer, request)) {
                    continue;
                }
                Subsidies.Enrolment enrolment = accruals.enrol(officer, request);
                enrolled++;
                // an appraisal costs the firm about 1 % of the loan, the guarantee 1 % a year
                BigDecimal onePercent = loan.principal().multiply(new BigDecimal("0.01"))
                        .setScale(2, RoundingMode.HALF_UP);
                accruals.recordFee(officer, new SubsidyRequests.NewFee(enrolment.id(), SubsidyKind.VALUATION_FEE,
                        onePercent, loan.disbursedOn(), null));
                accruals.recordFee(officer, new SubsidyRequests.NewFee(enrolment.id(), SubsidyKind.GUARANTEE_FEE,
                        onePercent, loan.disbursedOn(), null));
            }
        }
        if (enrolled == 0) {
            return;
        }
        Subsidies.Claim claim = claims.file(officer, new SubsidyRequests.NewClaim(programme.id(), today.getYear(),
                (today.getMonthValue() - 1) / 3 + 1));
        claims.decide(bureau, claim.id(), new SubsidyRequests.ClaimDecision(true, "演示：材料齐全，同意拨付"));
        claims.pay(bureau, claim.id(), new SubsidyRequests.ClaimPayment(today));
    }
}
