package com.ipledge.service.hardening;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A NUL character in any cell of any CSV upload (both batch uploads and the monitoring feed), header or row, is a
 * 400 naming its line and column, never a 500 from PostgreSQL. Every column of each file is probed.
 */
@MicronautTest(transactional = false)
class CsvNulTest extends ApiTestBase {
    private static final Map<String, List<String>> FILES = Map.of(
            "/api/v1/valuations/batch", List.of(
                    "assetId,valuationDate,baseRevenue,revenueGrowthMean,revenueGrowthSd,royaltyRateMean,"
                            + "royaltyRateSd,discountRateMean,discountRateSd,taxRate,economicLifeMin,"
                            + "economicLifeMode,economicLifeMax,discounting,collateralQuantile,"
                            + "renewalSurvivalProbability,applyValueScore,paths,seed",
                    "3f2b8c1e-9d4a-4e7b-8a1c-5d6e7f809a1b,2025-01-01,1000000,0.03,0,0.04,0,0.12,0,0.25,5,5,5,"
                            + "END_YEAR,0.1,0.9,false,1000,7"),
            "/api/v1/applications/batch", List.of(
                    "borrowerId,requestedAmount,termMonths,purpose,assetIds,insurance,currentlyOverdue,"
                            + "onDishonestyList,yearsSinceLastDefault",
                    "3f2b8c1e-9d4a-4e7b-8a1c-5d6e7f809a1b,100000,12,设备,3f2b8c1e-9d4a-4e7b-8a1c-5d6e7f809a1c,"
                            + "false,false,false,3"),
            "/api/v1/monitoring/events", List.of(
                    "assetNumber,type,occurredOn,assetType",
                    "ZL201710601862.3,FEE_UNPAID,2025-01-01,INVENTION_PATENT"));

    private String officer;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false");
    }

    @BeforeAll
    void bank() {
        officer = apiKey("BANK_OFFICER", createBank("CSVNUL"));
    }

    @Test
    void aNulInAnyCellIsA400NamingItsLineAndColumn() {
        List<String> failures = new ArrayList<>();
        int probes = 0;
        for (Map.Entry<String, List<String>> file : FILES.entrySet()) {
            for (int line = 1; line <= 2; line++) {
                String[] cells = file.getValue().get(line - 1).split(",", -1);
                for (int column = 1; column <= cells.length; column++) {
                    probes++;
                    String[] bad = cells.clone();
                    bad[column - 1] = bad[column - 1] + "\0x";
                    List<String> lines = new ArrayList<>(file.getValue());
                    lines.set(line - 1, String.join(",", bad));
                    Answer a = send(HttpRequest.POST(file.getKey(),
                                    String.join("\n", lines).getBytes(StandardCharsets.UTF_8))
                            .bearerAuth(officer).contentType("text/csv"));
                    String expected = "line " + line + ": column " + column + " ";
                    if (a.status() != 400 || !a.errorFields().equals(List.of("body"))
                            || !a.raw().contains(expected) || !a.raw().contains("NUL")) {
                        failures.add(file.getKey() + " line " + line + " column " + column + " -> " + a);
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), probes + " probes, failed: " + failures);
    }
}
