package com.ipledge.service.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipledge.rules.MonitoringEventType;
import com.ipledge.service.application.ApplicationService;
import com.ipledge.service.application.ApplicationView;
import com.ipledge.service.application.NewApplication;
import com.ipledge.service.evaluation.EvaluationService;
import com.ipledge.service.ipasset.IpAsset;
import com.ipledge.service.ipasset.MemberCapacityService;
import com.ipledge.service.loan.ApprovalService;
import com.ipledge.service.loan.Classification;
import com.ipledge.service.loan.LoanService;
import com.ipledge.service.loan.LoanView;
import com.ipledge.service.losssharing.Defaults;
import com.ipledge.service.losssharing.LossSharingRequests;
import com.ipledge.service.losssharing.Recoveries;
import com.ipledge.service.monitoring.EventReport;
import com.ipledge.service.monitoring.MonitoringService;
import com.ipledge.service.quota.QuotaPlan;
import com.ipledge.service.quota.QuotaService;
import com.ipledge.service.security.Caller;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes a demo bank's borrowers through the real services (the same path as the API), so that the first run
 * shows loans in every state: submitted, evaluated, approved, pledged, disbursed, repaying, closed, defaulted with
 * a recovery, withdrawn, and open alerts; and in every category of risk but the two worst (a current loan the bank
 * classified substandard, one special mention). Run once per bank, inside the seeding transaction.
 */
@Singleton
class DemoBook {
    private static final BigDecimal REQUEST = new BigDecimal("300000.00");

    private final QuotaService quotas;
    private final ApplicationService applications;
    private final EvaluationService evaluations;
    private final ApprovalService approvals;
    private final LoanService loans;
    private final Defaults defaults;
    private final Recoveries recoveries;
    private final MonitoringService monitoring;
    private final ObjectMapper json;
    private final Clock clock;
    private final MemberCapacityService memberCapacities;

    DemoBook(QuotaService quotas, ApplicationService applications,
             EvaluationService evaluations, ApprovalService approvals, LoanService loans, Defaults defaults,
             Recoveries recoveries, MonitoringService monitoring, ObjectMapper json, Clock clock,
             MemberCapacityService memberCapacities) {
        this.memberCapacities = memberCapacities;
        this.quotas = quotas;
        this.applications = applications;
        this.evaluations = evaluations;
        this.approvals = approvals;
        this.loans = loans;
        this.defaults = defaults;
        this.recoveries = recoveries;
        this.monitoring = monitoring;
        this.json = json;
        this.clock = clock;
    }

    /** True when the bank has no applications yet (a restart finds them and leaves the book alone). */
    boolean isEmpty(UUID bankId) {
        return applications.count(Optional.of(bankId), Optional.empty()) == 0;
    }

    void open(UUID bankId, Caller officer, Caller approver, List<UUID> borrowers, List<List<IpAsset>> assets) {
        LocalDate today = LocalDate.now(clock);
        quotas.insert(bankId, today.getYear(), QuotaPlan.ALL, new BigDecimal("100000000.00"), OffsetDateTime.now(clock));
        int onSchedule = 0;
        for (int i = 0; i < borrowers.size(); i++) {
            IpAsset pledged = assets.get(i).get(0);
            ApplicationView app = applications.submit(officer, new NewApplication(borrowers.get(i), REQUEST, 12,
                    "购买研发设备与原材料", List.of(new NewApplication.CollateralRef(pledged.id())), i % 3 == 0));
            int stage = i % 10;
            if (stage == 0) {
                continue; // stays SUBMITTED
            }
            String decision = read(evaluations.evaluate(officer, app.id())).get("decision").asText();
            if (stage == 1 || "DECLINE".equals(decision)) {
                continue; // stays EVALUATED / REFERRED / DECLINED
            }
            UUID loanId = approvals.decide(approver, app.id(), true,
                    "REFER".equals(decision) ? "演示：经审批人复核后同意" : null, null).loanId();
            if (stage == 2) {
                continue; // APPROVED, waiting for its pledge
            }
            if (stage == 8) {
                loans.withdraw(officer, app.id(), "企业改用自有资金");
                continue;
            }
            loans.registerPledge(officer, loanId, "Y" + today.getYear() + "62" + (100000 + i), today, null,
                    null, false);
            if (stage == 3) {
                continue;
            }
            LoanView loan = loans.disburse(officer, loanId, today);
            switch (stage) {
                case 5 -> loans.repay(officer, loanId, new BigDecimal("20000.00"), today);
                case 6 -> loans.repay(officer, loanId, loan.principal(), today);
                case 7 -> {
                    defaults.declareDefault(officer, loanId, new LossSharingRequests.DefaultRequest(today,
                            "演示：经营困难，连续逾期"));
                    // the patent auctioned for 30% of the principal, 5% of the price going on the sale itself
                    BigDecimal price = loan.principal().multiply(new BigDecimal("0.30"))
                            .setScale(2, java.math.RoundingMode.HALF_UP);
                    recoveries.recover(officer, loanId, new LossSharingRequests.RecoveryRequest(price, today,
                            LossSharingRequests.RecoveryMethod.AUCTION,
                            price.multiply(new BigDecimal("0.05")).setScale(2, java.math.RoundingMode.HALF_UP)));
                }
                case 9 -> monitoring.report(officer, new EventReport.Event(pledged.number(),
                        MonitoringEventType.LITIGATION, today, null));
                default -> {
                    // stage 4: disbursed and on schedule; the bank's own view of the first such loan is worse
                    onSchedule++;
                    if (onSchedule == 1) {
                        loans.classify(officer, loanId, Classification.SUBSTANDARD,
                                "演示：主要客户流失，经营现金流不足以覆盖本息 / demo: main customer lost, cash flow "
                                        + "no longer covers the instalments");
                    } else if (onSchedule == 2) {
                        loans.classify(officer, loanId, Classification.SPECIAL_MENTION,
                                "演示：实际控制人涉诉 / demo: the controlling shareholder is being sued");
                    }
                }
            }
        }
    }

    /**
     * A loan secured by a software copyright (issue 18), taken through evaluation, approval and the pledge's
     * registration at the Copyright Protection Center to disbursement, so that bin/run shows the new collateral.
     */
    void openSoftwareCopyrightLoan(Caller officer, Caller approver, UUID borrowerId, IpAsset software) {
        LocalDate today = LocalDate.now(clock);
        ApplicationView app = applications.submit(officer, new NewApplication(borrowerId, REQUEST, 12,
                "软件产品迭代开发", List.of(new NewApplication.CollateralRef(software.id())), false));
        String decision = read(evaluations.evaluate(officer, app.id())).get("decision").asText();
        if ("DECLINE".equals(decision)) {
            return;
        }
        UUID loanId = approvals.decide(approver, app.id(), true,
                "REFER".equals(decision) ? "演示：经审批人复核后同意" : null, null).loanId();
        loans.registerPledge(officer, loanId, "Z-" + today.getYear() + "-00012345", today, null, null, false);
        loans.disburse(officer, loanId, today);
    }

    /**
     * The growers' association sets its GI's member-loan capacity (500,000 yuan for the listed members) and two of
     * them borrow against it, the association pledging; each evaluation caps the limit at what the loans before
     * left of the capacity.
     *
     * @param members (borrower id, its credit code and name) of the listed member firms, tried in turn
     */
    void openGiMemberLoans(Caller officer, Caller approver, IpAsset gi, List<GiMember> members) {
        LocalDate today = LocalDate.now(clock);
        memberCapacities.set(officer, gi.id(), new MemberCapacityService.CapacityRequest(new BigDecimal("500000.00"),
                members.stream().map(m -> new MemberCapacityService.NewMember(m.creditCode(), m.name())).toList(),
                today, "定西市马铃薯产业协会关于会员企业地理标志质押融资的决议（演示）"));
        int opened = 0;
        for (GiMember member : members) {
            if (opened == 2) {
                return;
            }
            ApplicationView app = applications.submit(officer, new NewApplication(member.borrowerId(), REQUEST, 12,
                    "马铃薯收购与仓储", List.of(new NewApplication.CollateralRef(gi.id())), false));
            JsonNode decision = read(evaluations.evaluate(officer, app.id()));
            if ("DECLINE".equals(decision.get("decision").asText())
                    || decision.get("approvedLimit").decimalValue().signum() == 0) {
                continue;
            }
            UUID loanId = approvals.decide(approver, app.id(), true,
                    "REFER".equals(decision.get("decision").asText()) ? "演示：经审批人复核后同意" : null, null)
                    .loanId();
            loans.registerPledge(officer, loanId, "Y" + today.getYear() + "62" + (200000 + opened), today, null,
                    gi.ownerCreditCode(), false);
            loans.disburse(officer, loanId, today);
            opened++;
        }
    }

    /** A member firm of the GI's association, as the demo knows it. */
    record GiMember(UUID borrowerId, String creditCode, String name) {
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
