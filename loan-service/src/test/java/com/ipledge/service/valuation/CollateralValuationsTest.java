package com.ipledge.service.valuation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.ipledge.rules.params.ValuationPolicy;
import com.ipledge.service.borrower.Borrower;
import com.ipledge.service.borrower.BorrowerService;
import com.ipledge.service.ipasset.IpAsset;
import com.ipledge.service.ipasset.IpAssetService;
import com.ipledge.service.security.Caller;
import com.ipledge.service.security.Role;
import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Fixtures;
import com.ipledge.valuation.EngineInfo;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Java API the evaluation uses: the current valuation of an asset, or a kept desk valuation. */
@MicronautTest(transactional = false)
class CollateralValuationsTest extends ApiTestBase {
    @Inject
    CollateralValuations collateral;
    @Inject
    IpAssetService assets;
    @Inject
    BorrowerService borrowers;

    private String officer;
    private Caller caller;
    private Borrower borrower;
    private final LocalDate today = LocalDate.now(com.ipledge.service.TimeFactory.BUSINESS_ZONE);

    @BeforeAll
    void setUp() {
        UUID bank = createBank("DESKBANK");
        officer = apiKey("BANK_OFFICER", bank);
        caller = new Caller(UUID.randomUUID(), Role.BANK_OFFICER, bank);
        Answer b = post("/api/v1/borrowers", Fixtures.borrower(), officer);
        assertEquals(201, b.status(), b::toString);
        borrower = borrowers.get(caller, UUID.fromString(b.text("id")));
    }

    @Test
    void deskValuationIsKeptOnceAndReused() throws IOException {
        IpAsset asset = register(Fixtures.invention(Fixtures.creditCode()));
        long audits = count("SELECT count(*) FROM audit_entry WHERE action = 'valuation.created'");
        StoredValuation first = collateral.currentOrDesk(caller, asset, borrower, today, POLICY).orElseThrow();
        assertTrue(first.desk());
        assertEquals(asset.id(), first.assetId());
        assertEquals(EngineInfo.VERSION, first.engineVersion());
        assertEquals(asset.id().getMostSignificantBits() ^ asset.id().getLeastSignificantBits(), first.seed());
        assertEquals(today, first.valuationDate());
        assertTrue(first.collateralValue().signum() > 0);
        assertTrue(first.collateralValue().compareTo(first.reconciledValue()) <= 0);

        StoredValuation second = collateral.currentOrDesk(caller, asset, borrower, today, POLICY).orElseThrow();
        assertEquals(first.id(), second.id(), "the kept desk valuation is reused");
        assertEquals(first.collateralValue(), second.collateralValue());
        assertEquals(ValuationSource.DESK, second.source());
        assertEquals(CollateralValuations.deskBasis(FRESH_DAYS), first.basis());
        assertEquals(first.basis(), second.basis(), "the same words made or reused: re-evaluation answers the same");
        assertEquals(1, count("SELECT count(*) FROM valuation WHERE asset_id = '" + asset.id() + "'"));
        assertEquals(audits + 1, count("SELECT count(*) FROM audit_entry WHERE action = 'valuation.created'"));

        // readable over HTTP like any kept valuation, with the documented assumptions, and it recomputes exactly
        Answer read = get("/api/v1/valuations/" + first.id(), officer);
        assertEquals(200, read.status(), read::toString);
        assertEquals(Boolean.TRUE, read.get("desk"));
        assertEquals(first.collateralValue(), read.get("collateralValue"));
        Map<String, Object> request = JSON.readValue(text("SELECT request FROM valuation WHERE id = '"
                + first.id() + "'"), new TypeReference<Map<String, Object>>() { });
        @SuppressWarnings("unchecked")
        Map<String, Object> assumptions = (Map<String, Object>) request.get("assumptions");
        // Fixtures' borrower: 35,000,000 yuan revenue x 25 % for an invention patent
        assertEquals(new BigDecimal("8750000.00"), assumptions.get("baseRevenue"));
        assertEquals(Map.of("mean", new BigDecimal("0.04"), "sd", new BigDecimal("0.01")),
                assumptions.get("royaltyRate"));
        assertEquals(Map.of("mean", new BigDecimal("0.15"), "sd", new BigDecimal("0.02")),
                assumptions.get("discountRate"));
        assertEquals(10_000, request.get("paths"));
        Answer recomputed = post("/api/v1/valuations", request, officer);
        assertEquals(200, recomputed.status(), recomputed::toString);
        for (String field : List.of("income", "reconciledValue", "collateralValue", "valueScore", "legalLife",
                "seed", "paths", "engineVersion")) {
            assertEquals(read.get(field), recomputed.get(field), field);
        }
    }

    @Test
    void aFreshBankValuationIsPreferredAndAnOldOneIsNot() {
        IpAsset asset = register(Fixtures.trademark(Fixtures.creditCode()));
        Map<String, Object> assumptions = ValuationApiTest.uncertainAssumptions();
        assumptions.put("valuationDate", today.minusDays(FRESH_DAYS_PLUS_ONE).toString());
        Answer old = post("/api/v1/valuations", Map.of("assetId", asset.id().toString(), "assumptions",
                assumptions), officer);
        assertEquals(201, old.status(), old::toString);
        StoredValuation desk = collateral.currentOrDesk(caller, asset, borrower, today, POLICY).orElseThrow();
        assertTrue(desk.desk(), "a valuation of 181 days ago is stale");

        assumptions.put("valuationDate", today.minusDays(10).toString());
        Answer fresh = post("/api/v1/valuations", Map.of("assetId", asset.id().toString(), "assumptions",
                assumptions), officer);
        assertEquals(201, fresh.status(), fresh::toString);
        // the desk valuation (today) is later than the bank's (10 days ago): the latest one counts
        assertEquals(desk.id(),
                collateral.currentOrDesk(caller, asset, borrower, today, POLICY).orElseThrow().id());

        IpAsset other = register(Fixtures.invention(Fixtures.creditCode()));
        assumptions.put("valuationDate", today.minusDays(3).toString());
        Answer bank = post("/api/v1/valuations", Map.of("assetId", other.id().toString(), "assumptions",
                assumptions), officer);
        StoredValuation current = collateral.currentOrDesk(caller, other, borrower, today, POLICY).orElseThrow();
        assertFalse(current.desk());
        assertEquals(UUID.fromString(bank.text("id")), current.id());
        assertEquals(new BigDecimal(bank.get("collateralValue").toString()), current.collateralValue());
    }

    @Test
    void theDeskComparisonRunsTheEngineOncePerRequest() {
        IpAsset asset = register(Fixtures.invention(Fixtures.creditCode()));
        Map<String, Object> assumptions = ValuationApiTest.uncertainAssumptions();
        assumptions.put("valuationDate", today.minusDays(2).toString());
        Answer bank = post("/api/v1/valuations", Map.of("assetId", asset.id().toString(), "assumptions",
                assumptions), officer);
        assertEquals(201, bank.status(), bank::toString);
        long before = engineRuns();
        StoredValuation first = collateral.currentOrDesk(caller, asset, borrower, today, POLICY).orElseThrow();
        assertEquals(ValuationSource.BANK, first.source());
        assertTrue(first.deskValue().signum() > 0, "the bank's valuation is compared with the desk's");
        assertEquals(before + 1, engineRuns(), "the desk comparison runs the engine once");
        StoredValuation again = collateral.currentOrDesk(caller, asset, borrower, today, POLICY).orElseThrow();
        assertEquals(before + 1, engineRuns(), "the same desk request is answered from memory");
        assertEquals(first.deskValue(), again.deskValue());
        assertEquals(first.id(), again.id());
    }

    private long engineRuns() {
        io.micrometer.core.instrument.Timer t = meters.find("ipledge.valuation.duration").timer();
        return t == null ? 0 : t.count();
    }

    @Inject
    io.micrometer.core.instrument.MeterRegistry meters;

    /** The policy's default freshness: the parameters of this test's database are never changed. */
    private static final com.ipledge.rules.params.PolicyParameters POLICY =
            com.ipledge.rules.params.PolicyParameters.defaults();
    private static final int FRESH_DAYS = ValuationPolicy.defaults().freshDays();
    private static final int FRESH_DAYS_PLUS_ONE = FRESH_DAYS + 1;

    @Test
    void lostRightsHaveNoCollateralValue() {
        for (String status : List.of("LAPSED", "INVALIDATED", "EXPIRED")) {
            Map<String, Object> body = Fixtures.invention(Fixtures.creditCode());
            body.put("legalStatus", status);
            IpAsset asset = register(body);
            assertEquals(Optional.empty(), collateral.currentOrDesk(caller, asset, borrower, today, POLICY),
                    status);
            assertEquals(0, count("SELECT count(*) FROM valuation WHERE asset_id = '" + asset.id() + "'"));
        }
        // a patent whose 20-year term is over, though its status was never updated
        Map<String, Object> old = Fixtures.invention(Fixtures.creditCode());
        old.put("number", Fixtures.patentNumber(2004, 1));
        old.put("filingDate", "2004-03-01");
        old.put("grantDate", "2006-05-01");
        IpAsset expired = register(old);
        assertEquals(Optional.empty(), collateral.currentOrDesk(caller, expired, borrower, today, POLICY));
    }

    @Test
    void everyIpTypeGetsADeskValuation() {
        Map<String, Object> utility = Fixtures.invention(Fixtures.creditCode());
        utility.put("type", "UTILITY_MODEL");
        utility.put("number", Fixtures.patentNumber(2020, 2));
        utility.put("filingDate", "2020-04-01");
        utility.put("grantDate", "2020-12-01");
        Map<String, Object> design = Fixtures.invention(Fixtures.creditCode());
        design.put("type", "DESIGN_PATENT");
        design.put("number", Fixtures.patentNumber(2022, 3));
        design.put("filingDate", "2022-04-01");
        design.put("grantDate", "2022-10-01");
        Map<String, Object> gi = Fixtures.trademark(Fixtures.creditCode());
        gi.put("type", "GEOGRAPHICAL_INDICATION");
        for (Map<String, Object> body : List.of(utility, design, gi)) {
            IpAsset asset = register(body);
            StoredValuation v = collateral.currentOrDesk(caller, asset, borrower, today, POLICY).orElseThrow();
            assertTrue(v.desk());
            assertTrue(v.reconciledValue().signum() > 0, body.get("type").toString());
        }
    }

    private IpAsset register(Map<String, Object> body) {
        Answer a = post("/api/v1/ip-assets", new HashMap<>(body), officer);
        assertEquals(201, a.status(), a::toString);
        return assets.find(caller, UUID.fromString(a.text("id")));
    }

    long count(String sql) {
        return Long.parseLong(text(sql));
    }

    String text(String sql) {
        try (Connection c = DriverManager.getConnection(databaseUrl(), "postgres", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
