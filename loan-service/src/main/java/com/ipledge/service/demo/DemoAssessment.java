package com.ipledge.service.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipledge.service.application.ApplicationService;
import com.ipledge.service.application.ApplicationView;
import com.ipledge.service.application.NewApplication;
import com.ipledge.service.evaluation.EvaluationService;
import com.ipledge.service.ipasset.IpAsset;
import com.ipledge.service.loan.ApprovalService;
import com.ipledge.service.loan.LoanService;
import com.ipledge.service.losssharing.LossSharingRequests;
import com.ipledge.service.losssharing.NplRatios;
import com.ipledge.service.security.Caller;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What makes the bank scorecard of the demo province tell the banks apart (issue 19): the second and third banks
 * lend to more firms beyond the common book, in amounts of their own, and the bureau records each bank's overall
 * NPL ratio that the IP-loan NPL ratio is held against. Runs with the bank's fresh book, in the seeding transaction.
 */
@Singleton
class DemoAssessment {
    /** Borrowers from this index on are free of the common book, the software copyright and the GI members. */
    private static final int FIRST_FREE_BORROWER = 40;
    /** Per bank: how many more loans, of what amount, and the bank's overall NPL ratio (all its lending). */
    private static final int[] MORE_LOANS = {0, 8, 3};
    private static final String[] AMOUNTS = {"200000.00", "350000.00", "500000.00", "150000.00"};
    private static final String[] OVERALL_NPL = {"0.0210", "0.0170", "0.0130"};

    private final ApplicationService applications;
    private final EvaluationService evaluations;
    private final ApprovalService approvals;
    private final LoanService loans;
    private final NplRatios npl;
    private final ObjectMapper json;
    private final Clock clock;

    DemoAssessment(ApplicationService applications, EvaluationService evaluations, ApprovalService approvals,
                   LoanService loans, NplRatios npl, ObjectMapper json, Clock clock) {
        this.applications = applications;
        this.evaluations = evaluations;
        this.approvals = approvals;
        this.loans = loans;
        this.npl = npl;
        this.json = json;
        this.clock = clock;
    }

    void open(int bankIndex, UUID bankId, Caller officer, Caller approver, Caller bureau, List<UUID> borrowers,
              List<List<IpAsset>> assets) {
        LocalDate today = LocalDate.now(clock);
        npl.setOverallNpl(bureau, bankId, new LossSharingRequests.OverallNpl(today,
                new BigDecimal(OVERALL_NPL[bankIndex % OVERALL_NPL.length])));
        int wanted = MORE_LOANS[bankIndex % MORE_LOANS.length];
        for (int i = FIRST_FREE_BORROWER; i < borrowers.size() && wanted > 0; i++) {
            ApplicationView app = applications.submit(officer, new NewApplication(borrowers.get(i),
                    new BigDecimal(AMOUNTS[i % AMOUNTS.length]), 24, "扩大生产与研发投入",
                    List.of(new NewApplication.CollateralRef(assets.get(i).get(0).id())), false));
            String decision = decision(evaluations.evaluate(officer, app.id()));
            if ("DECLINE".equals(decision)) {
                continue;
            }
            UUID loanId = approvals.decide(approver, app.id(), true,
                    "REFER".equals(decision) ? "演示：经审批人复核后同意" : null, null).loanId();
            loans.registerPledge(officer, loanId, "Y" + today.getYear() + "63" + (100000 + 1000 * bankIndex + i),
                    today, null, null, false);
            loans.disburse(officer, loanId, today);
            wanted--;
        }
    }

    private String decision(String body) {
        try {
            return json.readTree(body).get("decision").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
