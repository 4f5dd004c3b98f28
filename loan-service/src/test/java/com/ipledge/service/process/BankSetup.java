package com.ipledge.service.process;

import com.ipledge.service.TimeFactory;
import com.ipledge.service.support.Fixtures;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A bank as an integrator sets it up over HTTP (bank, officer and approver keys, a bureau key, this year's quota
 * plan), and the request bodies of a strong application that the rule base approves (a young invention patent of a
 * firm with real revenue, as in LifecycleApiTest).
 */
public record BankSetup(UUID bankId, String officer, String approver, String bureau, UUID planId) {

    public static BankSetup create(ApiClient client, String code, String planAmount) {
        String admin = ServiceProcess.ADMIN_KEY;
        UUID bank = client.createBank(admin, code);
        String officer = client.apiKey(admin, "BANK_OFFICER", bank);
        String approver = client.apiKey(admin, "BANK_APPROVER", bank);
        String bureau = client.apiKey(admin, "BUREAU", null);
        UUID plan = client.postOk(201, "/api/v1/quota-plans", Map.of("bankId", bank, "year",
                Year.now(TimeFactory.BUSINESS_ZONE).getValue(), "amount", planAmount), bureau).id("id");
        return new BankSetup(bank, officer, approver, bureau, plan);
    }

    public static Map<String, Object> strongBorrower() {
        Map<String, Object> borrower = Fixtures.borrower();
        borrower.put("operatingRevenue", "80000000");
        return borrower;
    }

    public static Map<String, Object> youngInvention(String ownerCreditCode) {
        Map<String, Object> patent = Fixtures.invention(ownerCreditCode);
        int year = LocalDate.now(TimeFactory.BUSINESS_ZONE).getYear() - 3;
        patent.put("number", Fixtures.patentNumber(year, 1));
        patent.put("filingDate", year + "-03-01");
        patent.put("grantDate", (year + 2) + "-06-01");
        return patent;
    }

    public static Map<String, Object> application(UUID borrowerId, List<UUID> assets, String amount,
                                                  String purpose) {
        Map<String, Object> app = Fixtures.application(borrowerId.toString(),
                assets.stream().map(UUID::toString).toList());
        app.put("requestedAmount", amount);
        app.put("purpose", purpose);
        return app;
    }
}
