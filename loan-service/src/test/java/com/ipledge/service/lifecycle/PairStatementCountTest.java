package com.ipledge.service.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Fixtures;
import com.ipledge.service.support.StatementCounter;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: the SQL statements of the hot pair, filing an application and evaluating it, counted (not timed) with a
 * jOOQ listener. Background work is off (jobs, the audit sealer), so every statement counted is the requests'. The
 * pair files against a borrower and an asset that an earlier pair already valued, as a bank's steady state does
 * (the desk valuation is reused), so the count is the same on every run.
 */
@MicronautTest(transactional = false)
class PairStatementCountTest extends ApiTestBase {
    /**
     * Filing: borrower and asset checks, the application with its collateral (two inserts sent together, one round
     * trip), the audit entry. Authentication reads no row once the instance holds the key (ActiveKeys, issue 22;
     * the first pair below uses it). Statements sent together ({@code RenderedQueries.executeTogether}) are one
     * entry here: what is counted is the trips to the database, the COMMIT aside.
     */
    static final int FILING_BUDGET = 4;
    /**
     * Evaluation: the locked application with its collateral (a SUBMITTED application has no
     * earlier decision to read), borrower, asset, current valuation, quota plan (the most specific of three in one
     * read), policy version, the decision, the application's update, the audit entry and the webhook subscriptions;
     * since the typed decision (issue 15) its collateral lines and risk shares, and since co-ownership is a fact
     * (issue 18) the asset's owners (one statement), and since appraisal reports (issue 16) the asset's reports
     * (one). It was 15 before issue 22's work, whose 11 then grew by those four; a held key took authentication's
     * read away, and the decision goes with its lines and shares in one trip (14 to 12).
     */
    static final int EVALUATION_BUDGET = 12;

    @Inject
    StatementCounter counter;

    private String officer;
    private String bureau;
    private Map<String, Object> application;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false", "ipledge.audit.sealer-enabled", "false",
                "ipledge.test.count-statements", "true");
    }

    @BeforeAll
    void setUp() {
        var bank = createBank("COUNTBANK");
        officer = apiKey("BANK_OFFICER", bank);
        bureau = apiKey("BUREAU", null);
        Answer plan = post("/api/v1/quota-plans", Map.of("bankId", bank, "year", thisYear(), "amount", "100000000"),
                bureau);
        assertEquals(201, plan.status(), plan::toString);
        Map<String, Object> borrower = Fixtures.strongBorrower();
        Answer b = post("/api/v1/borrowers", borrower, officer);
        Answer asset = post("/api/v1/ip-assets", Fixtures.youngInvention((String) borrower.get("creditCode")), officer);
        assertEquals(201, asset.status(), asset::toString);
        application = Fixtures.application(b.text("id"), List.of(asset.text("id")));
        application.put("requestedAmount", "300000");
    }

    private String file() {
        Answer filed = post("/api/v1/applications", application, officer);
        assertEquals(201, filed.status(), filed::toString);
        return filed.text("id");
    }

    private Answer evaluate(String id) {
        Answer decided = post("/api/v1/applications/" + id + "/evaluation", Map.of(), officer);
        assertEquals(200, decided.status(), decided::toString);
        return decided;
    }

    @Test
    void aFilingAndItsEvaluationRunAFewStatementsEach() {
        // the first pair values the asset (a desk valuation), reads the newest policy version in full and the key
        evaluate(file());
        counter.start();
        String id = file();
        List<String> filing = counter.stop();
        counter.start();
        Answer decided = evaluate(id);
        List<String> evaluation = counter.stop();
        assertEquals("APPROVE", decided.text("decision"), decided::toString);
        System.out.printf("statements: filing %d, evaluation %d%n", filing.size(), evaluation.size());
        assertTrue(filing.size() <= FILING_BUDGET, () -> "filing ran " + filing.size() + " statements (budget "
                + FILING_BUDGET + "):\n" + String.join("\n", filing));
        assertTrue(evaluation.size() <= EVALUATION_BUDGET, () -> "evaluation ran " + evaluation.size()
                + " statements (budget " + EVALUATION_BUDGET + "):\n" + String.join("\n", evaluation));
    }

    /** The policy version an instance has parsed is kept, but a new version is used by the next evaluation. */
    @Test
    void aNewPolicyVersionIsUsedAtOnce() {
        Answer before = evaluate(file());
        String version = (String) ((Map<?, ?>) before.get("versions")).get("parameters");
        Answer current = get("/api/v1/policy-parameters", bureau);
        assertEquals(200, current.status(), current::toString);
        assertEquals(version, current.text("version"));
        Answer changed = send(io.micronaut.http.HttpRequest.PUT("/api/v1/policy-parameters", current.raw())
                .contentType(io.micronaut.http.MediaType.APPLICATION_JSON_TYPE).bearerAuth(bureau));
        assertEquals(200, changed.status(), changed::toString);
        String next = String.valueOf(Integer.parseInt(version) + 1);
        assertEquals(next, changed.text("version"));
        Answer after = evaluate(file());
        assertEquals(next, ((Map<?, ?>) after.get("versions")).get("parameters"), after::toString);
        assertEquals(next, get("/api/v1/policy-parameters", bureau).text("version"));
    }
}
