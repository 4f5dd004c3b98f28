package com.ipledge.service.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.loan.LoanStatus;
import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Sql;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo province is believable and consistent: every loan state, quotas kept, a valid audit chain. */
@MicronautTest(transactional = false)
class DemoProvinceTest extends ApiTestBase {
    @Inject
    DemoProvince demo;
    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.demo", "true", "ipledge.jobs.enabled", "false");
    }

    @Test
    void theDemoBookIsCompleteConsistentAndSeededOnce() {
        Sql sql = new Sql(databaseUrl());
        assertEquals(3, sql.count("SELECT count(*) FROM bank"));
        assertEquals(3L * DemoProvince.BORROWERS_PER_BANK, sql.count("SELECT count(*) FROM borrower"));
        assertTrue(sql.count("SELECT count(*) FROM borrower") >= 200, "a few hundred borrowers");
        assertEquals(10, sql.count("SELECT count(DISTINCT eco_industry) FROM borrower"), "all ten eco industries");
        assertTrue(sql.count("SELECT count(DISTINCT region_code) FROM borrower") >= 10, "across the prefectures");
        assertEquals(1, sql.count("SELECT count(*) FROM ip_asset WHERE type = 'GEOGRAPHICAL_INDICATION'"));
        assertTrue(sql.count("SELECT count(*) FROM ip_asset WHERE type = 'UTILITY_MODEL'") > 0);
        assertTrue(sql.count("SELECT count(*) FROM ip_asset WHERE type = 'TRADEMARK'") > 0);
        assertEquals(1, sql.count("SELECT count(*) FROM loan l JOIN application_collateral c"
                + " ON c.application_id = l.application_id JOIN ip_asset a ON a.id = c.asset_id"
                + " WHERE a.type = 'SOFTWARE_COPYRIGHT' AND l.status = 'DISBURSED'"),
                "a disbursed loan secured by a software copyright (issue 18)");
        assertEquals(1, sql.count("SELECT count(*) FROM gi_member_capacity WHERE capacity = 500000"));
        assertEquals(2, sql.count("SELECT count(*) FROM loan l JOIN application_collateral c"
                + " ON c.application_id = l.application_id JOIN ip_asset a ON a.id = c.asset_id"
                + " WHERE a.type = 'GEOGRAPHICAL_INDICATION' AND l.status = 'DISBURSED'"),
                "two member firms borrow against the association's GI (issue 18)");
        assertTrue(sql.count("SELECT sum(l.principal)::bigint FROM loan l JOIN application_collateral c"
                + " ON c.application_id = l.application_id JOIN ip_asset a ON a.id = c.asset_id"
                + " WHERE a.type = 'GEOGRAPHICAL_INDICATION'") <= 500000, "within the association's capacity");
        for (LoanStatus status : new LoanStatus[]{LoanStatus.APPROVED, LoanStatus.PLEDGE_REGISTERED,
            LoanStatus.DISBURSED, LoanStatus.REPAYING, LoanStatus.CLOSED, LoanStatus.DEFAULTED, LoanStatus.WITHDRAWN}) {
            assertTrue(sql.count("SELECT count(*) FROM loan WHERE status = '" + status + "'") > 0, status.name());
        }
        assertTrue(sql.count("SELECT count(*) FROM loan_application WHERE status = 'SUBMITTED'") > 0);
        assertTrue(sql.count("SELECT count(*) FROM recovery") > 0, "a recovery after a default");
        assertEquals(3, sql.count("SELECT count(*) FROM loan WHERE classification = 'SUBSTANDARD' AND status <> 'DEFAULTED'"),
                "a current loan each bank classified substandard");
        assertEquals(3, sql.count("SELECT count(*) FROM loan WHERE classification = 'SPECIAL_MENTION'"));
        assertEquals(0, sql.count("SELECT count(*) FROM loan WHERE status = 'DEFAULTED' AND classification = 'NORMAL'"),
                "a default is non-performing");
        assertTrue(sql.count("SELECT count(*) FROM alert WHERE status = 'OPEN'") > 0, "open alerts");
        assertEquals(1, sql.count("SELECT count(*) FROM risk_layer_scheme"), "a layered scheme (issue 19)");
        assertTrue(sql.count("SELECT count(*) FROM layer_claim WHERE status = 'PAID'") > 0
                && sql.count("SELECT count(*) FROM layer_claim WHERE status = 'REFUSED'") == 1
                && sql.count("SELECT count(*) FROM layer_clawback") > 0, "a loan's layer claims paid, one refused,"
                + " and a recovery clawed back");
        assertEquals(0, sql.count("SELECT count(*) FROM quota_plan WHERE reserved + drawn > amount"));
        assertEquals(1, sql.count("SELECT count(*) FROM public_intake WHERE status = 'PENDING'"),
                "one public-form filing waits for the officer");
        assertEquals(0, sql.count("SELECT count(*) FROM loan_application WHERE origin = 'PUBLIC_FORM'"));
        Answer intakes = get("/api/v1/intakes?status=PENDING", DemoProvince.demoKey("demo GSBANK officer"));
        assertEquals(200, intakes.status(), intakes::toString);
        @SuppressWarnings("unchecked")
        var items = (java.util.List<Map<String, Object>>) intakes.get("items");
        Answer intake = get("/api/v1/intakes/" + items.get(0).get("id"), DemoProvince.demoKey("demo GSBANK officer"));
        @SuppressWarnings("unchecked")
        var differences = (java.util.List<Map<String, Object>>) intake.get("differences");
        assertEquals(java.util.List.of("operatingRevenue"), differences.stream().map(d -> d.get("field")).toList(),
                intake::toString);
        @SuppressWarnings("unchecked")
        var matches = (Map<String, Object>) intake.get("matches");
        assertEquals(matches.get("borrowerId"), new Sql(databaseUrl()).text(
                "SELECT b.id FROM borrower b JOIN public_intake i ON i.credit_code = b.credit_code"
                        + " AND i.bank_id = b.bank_id"));

        String bureau = apiKey("BUREAU", null);
        Answer reconciliation = get("/api/v1/quota-plans/reconciliation", bureau);
        assertEquals(Boolean.TRUE, reconciliation.get("ok"), reconciliation::toString);
        assertEquals(Boolean.TRUE, get("/api/v1/audit/verify", bureau).get("ok"));
        // the year's interest subsidy programme, the first bank's enrolled loans and fees, one quarterly claim paid
        assertEquals(1, sql.count("SELECT count(*) FROM subsidy_programme"));
        assertTrue(sql.count("SELECT count(*) FROM subsidy_accrual WHERE amount > 0") > 0, "subsidies accrued");
        assertEquals(1, sql.count("SELECT count(*) FROM subsidy_claim WHERE status = 'PAID'"));
        assertEquals(sql.count("SELECT sum(amount)::bigint FROM subsidy_claim"),
                sql.count("SELECT paid::bigint FROM subsidy_programme"), "the paid claim is the programme's paid");

        long loans = sql.count("SELECT count(*) FROM loan");
        transactions.executeWrite(status -> demo.seed());
        assertEquals(loans, sql.count("SELECT count(*) FROM loan"), "a restart seeds nothing twice");
        assertEquals(3L * DemoProvince.BORROWERS_PER_BANK, sql.count("SELECT count(*) FROM borrower"));
        assertEquals(1, sql.count("SELECT count(*) FROM public_intake"));
        assertEquals(1, sql.count("SELECT count(*) FROM subsidy_claim"), "nor its subsidy claim");
    }
}
