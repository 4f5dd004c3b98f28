package com.ipledge.service.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Fixtures;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: the lists a core system syncs from. Filters find records; updatedSince with the cursor reads every
 * changed record once, in (updatedAt, id) order, and after a change exactly the changed ones; another bank's
 * records never appear (the bureau, as before, sees every bank's).
 */
@MicronautTest(transactional = false)
class SyncListsTest extends ApiTestBase {
    private static final String EPOCH = "1970-01-01T00:00:00Z";

    private String officer;
    private String approver;
    private String otherOfficer;
    private String bureau;
    private final List<String> borrowers = new ArrayList<>();
    private final List<String> creditCodes = new ArrayList<>();
    private final List<String> assets = new ArrayList<>();
    private final List<String> applications = new ArrayList<>();
    private String loan;
    private String otherBorrower;
    private String otherAsset;
    private String otherApplication;
    private String sharedCreditCode;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false");
    }

    @BeforeAll
    void twoBanksWithBooks() {
        UUID bank = createBank("SYNCA");
        officer = apiKey("BANK_OFFICER", bank);
        approver = apiKey("BANK_APPROVER", bank);
        bureau = apiKey("BUREAU", null);
        UUID other = createBank("SYNCB");
        otherOfficer = apiKey("BANK_OFFICER", other);
        assertEquals(201, post("/api/v1/quota-plans", Map.of("bankId", bank, "year", thisYear(),
                "amount", "100000000"), bureau).status());
        for (int i = 0; i < 5; i++) {
            Map<String, Object> b = Fixtures.strongBorrower();
            b.put("name", "同步测试科技有限公司" + i);
            Answer created = post("/api/v1/borrowers", b, officer);
            assertEquals(201, created.status(), created::toString);
            borrowers.add(created.text("id"));
            creditCodes.add((String) b.get("creditCode"));
            Answer asset = post("/api/v1/ip-assets", i == 4 ? Fixtures.trademark((String) b.get("creditCode"))
                    : Fixtures.youngInvention((String) b.get("creditCode")), officer);
            assertEquals(201, asset.status(), asset::toString);
            assets.add(asset.text("id"));
        }
        for (int i = 0; i < 3; i++) {
            Map<String, Object> app = Fixtures.application(borrowers.get(i), List.of(assets.get(i)));
            app.put("requestedAmount", "300000");
            Answer filed = post("/api/v1/applications", app, officer);
            assertEquals(201, filed.status(), filed::toString);
            applications.add(filed.text("id"));
        }
        // the other bank: a borrower with the same credit code as this bank's first (each bank keeps its own)
        sharedCreditCode = creditCodes.get(0);
        Map<String, Object> b = Fixtures.strongBorrower();
        b.put("creditCode", sharedCreditCode);
        b.put("name", "同步测试科技有限公司B");
        otherBorrower = post("/api/v1/borrowers", b, otherOfficer).text("id");
        Answer asset = post("/api/v1/ip-assets", Fixtures.youngInvention(sharedCreditCode), otherOfficer);
        otherAsset = asset.text("id");
        Map<String, Object> app = Fixtures.application(otherBorrower, List.of(otherAsset));
        otherApplication = post("/api/v1/applications", app, otherOfficer).text("id");
        assertNotNull(otherApplication);
        Answer decision = post("/api/v1/applications/" + applications.get(2) + "/evaluation", Map.of(), officer);
        assertEquals("APPROVE", decision.text("decision"), decision::toString);
        Answer approval = post("/api/v1/applications/" + applications.get(2) + "/approval", Map.of("approve", true),
                approver);
        assertEquals(201, approval.status(), approval::toString);
        loan = approval.text("loanId");
    }

    @Test
    void borrowersAreFoundByCreditCodeAndNameWithinTheBank() {
        Answer byCode = get("/api/v1/borrowers?creditCode=" + sharedCreditCode, officer);
        assertEquals(List.of(borrowers.get(0)), ids(byCode));
        Answer theirs = get("/api/v1/borrowers?creditCode=" + sharedCreditCode, otherOfficer);
        assertEquals(List.of(otherBorrower), ids(theirs));
        Answer byName = get("/api/v1/borrowers?name=" + encode("测试科技有限公司3"), officer);
        assertEquals(List.of(borrowers.get(3)), ids(byName));
        Answer all = get("/api/v1/borrowers?size=100", officer);
        assertEquals(5L, ((Number) all.get("total")).longValue(), all::toString);
        assertEquals(Set.copyOf(borrowers), Set.copyOf(ids(all)));
        Answer theirAll = get("/api/v1/borrowers?size=100", otherOfficer);
        assertEquals(List.of(otherBorrower), ids(theirAll), "another bank's borrowers never appear");
        // the bureau sees every bank's borrowers, as it sees each one by id
        Answer bureauByCode = get("/api/v1/borrowers?creditCode=" + sharedCreditCode, bureau);
        assertEquals(Set.of(borrowers.get(0), otherBorrower), Set.copyOf(ids(bureauByCode)));
        Answer none = get("/api/v1/borrowers?name=" + encode("%"), officer);
        assertEquals(List.of(), ids(none), "a wildcard is a character, not a pattern");
    }

    @Test
    void assetsAreFoundByNumberOwnerAndType() {
        Answer one = get("/api/v1/ip-assets/" + assets.get(1), officer);
        String number = one.text("number");
        assertEquals(List.of(assets.get(1)), ids(get("/api/v1/ip-assets?number=" + encode(number), officer)));
        // the number in another spelling the registration takes: with the ZL prefix, lower case
        assertEquals(List.of(assets.get(1)), ids(get("/api/v1/ip-assets?number="
                + encode("zl" + number.toLowerCase()), officer)));
        assertEquals(List.of(assets.get(2)), ids(get("/api/v1/ip-assets?ownerCreditCode=" + creditCodes.get(2),
                officer)));
        assertEquals(List.of(assets.get(4)), ids(get("/api/v1/ip-assets?type=TRADEMARK", officer)));
        assertEquals(List.of(assets.get(0)), ids(get("/api/v1/ip-assets?ownerCreditCode=" + sharedCreditCode,
                officer)), "the other bank's asset of the same owner does not appear");
        assertEquals(List.of(otherAsset), ids(get("/api/v1/ip-assets?size=100", otherOfficer)));
        Answer badType = get("/api/v1/ip-assets?type=NOVEL", officer);
        assertEquals(400, badType.status(), badType::toString);
        assertEquals(List.of("type"), badType.errorFields());
    }

    @Test
    void applicationsAndLoansAreFilteredByBorrowerAndStatusAndNeverCrossBanks() {
        Answer byBorrower = get("/api/v1/applications?borrowerId=" + borrowers.get(1), officer);
        assertEquals(List.of(applications.get(1)), ids(byBorrower));
        Answer intruder = get("/api/v1/applications?borrowerId=" + borrowers.get(1), otherOfficer);
        assertEquals(List.of(), ids(intruder));
        Answer theirs = get("/api/v1/applications?size=100", otherOfficer);
        assertEquals(List.of(otherApplication), ids(theirs));
        String loanId = loan;
        Answer loans = get("/api/v1/loans?borrowerId=" + borrowers.get(2), officer);
        assertEquals(List.of(loanId), ids(loans));
        String status = get("/api/v1/loans/" + loanId, officer).text("status");
        assertEquals(List.of(loanId), ids(get("/api/v1/loans?status=" + status + "&borrowerId=" + borrowers.get(2),
                officer)));
        assertEquals(List.of(), ids(get("/api/v1/loans?status=DISBURSED&borrowerId=" + borrowers.get(2), officer)));
        assertEquals(List.of(), ids(get("/api/v1/loans?borrowerId=" + borrowers.get(2), otherOfficer)));
        assertEquals(List.of(), ids(get("/api/v1/loans?updatedSince=" + EPOCH, otherOfficer)),
                "another bank's loans never appear in a sync either");
        Answer evaluated = get("/api/v1/applications?status=EVALUATED&borrowerId=" + borrowers.get(2), officer);
        assertEquals(List.of(), ids(evaluated), "approved now, no longer EVALUATED");
        Answer approved = get("/api/v1/applications?status=APPROVED", officer);
        assertEquals(List.of(applications.get(2)), ids(approved), approved::toString);
    }

    @Test
    void aSyncReadsEveryRecordOnceAndThenExactlyTheChangedOnes() {
        List<String> read = new ArrayList<>();
        String cursor = readAll("/api/v1/borrowers?updatedSince=" + EPOCH + "&size=2", officer, read);
        assertEquals(borrowers.size(), read.size(), "each once: " + read);
        assertEquals(Set.copyOf(borrowers), Set.copyOf(read));
        assertEquals(List.of(), ids(get("/api/v1/borrowers?cursor=" + cursor, officer)), "nothing changed since");

        Answer changed = patch("/api/v1/borrowers/" + borrowers.get(3), Map.of("asOf", today().toString(),
                "employees", 130), officer);
        assertEquals(200, changed.status(), changed::toString);

        Answer after = get("/api/v1/borrowers?cursor=" + cursor, officer);
        assertEquals(List.of(borrowers.get(3)), ids(after), after::toString);
        Answer since = get("/api/v1/borrowers?updatedSince=" + Instant.parse(changed.text("updatedAt")), officer);
        assertEquals(List.of(borrowers.get(3)), ids(since), since::toString);
        assertEquals(1L, ((Number) since.get("total")).longValue());
        List<String> theirs = new ArrayList<>();
        readAll("/api/v1/borrowers?updatedSince=" + EPOCH + "&size=2", otherOfficer, theirs);
        assertEquals(List.of(otherBorrower), theirs, "another bank's sync sees only its own");
    }

    @Test
    void applicationsLoansAndAssetsSyncTheSameWay() {
        List<String> read = new ArrayList<>();
        String appCursor = readAll("/api/v1/applications?updatedSince=" + EPOCH + "&size=2", officer, read);
        assertEquals(Set.copyOf(applications), Set.copyOf(read));
        assertEquals(applications.size(), read.size());
        Answer decision = post("/api/v1/applications/" + applications.get(0) + "/evaluation", Map.of(), officer);
        assertEquals(200, decision.status(), decision::toString);
        Answer changedApps = get("/api/v1/applications?cursor=" + appCursor, officer);
        assertEquals(List.of(applications.get(0)), ids(changedApps), changedApps::toString);
        assertEquals(applications.get(0), ids(get("/api/v1/applications?updatedSince=" + EPOCH + "&size=100",
                officer)).get(2), "the changed one is last in (updatedAt, id) order");
        String loanId = loan;

        List<String> loans = new ArrayList<>();
        String loanCursor = readAll("/api/v1/loans?updatedSince=" + EPOCH + "&size=1", officer, loans);
        assertEquals(List.of(loanId), loans);
        assertEquals(200, post("/api/v1/loans/" + loanId + "/pledge-registration",
                Map.of("registrationNo", "SYNC-1", "registeredOn", today().toString()), officer).status());
        Answer changedLoans = get("/api/v1/loans?cursor=" + loanCursor, officer);
        assertEquals(List.of(loanId), ids(changedLoans), changedLoans::toString);
        assertEquals("PLEDGE_REGISTERED", ((Map<?, ?>) items(changedLoans).get(0)).get("status"));

        List<String> assetIds = new ArrayList<>();
        readAll("/api/v1/ip-assets?updatedSince=" + EPOCH + "&size=3", officer, assetIds);
        assertEquals(Set.copyOf(assets), Set.copyOf(assetIds));
        assertEquals(assets.size(), assetIds.size());
    }

    @Test
    void aBadCursorOrInstantIsRefusedNamingIt() {
        for (String list : List.of("borrowers", "ip-assets", "applications", "loans")) {
            Answer cursor = get("/api/v1/" + list + "?cursor=bm90LWEtY3Vyc29y", officer);
            assertEquals(400, cursor.status(), cursor::toString);
            assertEquals(List.of("cursor"), cursor.errorFields());
            Answer since = get("/api/v1/" + list + "?updatedSince=yesterday", officer);
            assertEquals(400, since.status(), since::toString);
            assertEquals(List.of("updatedSince"), since.errorFields());
        }
    }

    /** Reads every page from {@code first} on by nextCursor, into {@code ids}; answers the last nextCursor. */
    private String readAll(String first, String key, List<String> into) {
        Answer page = get(first, key);
        int pages = 0;
        while (true) {
            assertEquals(200, page.status(), page::toString);
            into.addAll(ids(page));
            String next = page.text("nextCursor");
            int size = ((Number) page.get("size")).intValue();
            if (items(page).size() < size) {
                return next;
            }
            assertTrue(++pages < 50, "paging ends");
            assertFalse(next == null, "a full page carries nextCursor");
            page = get(first.substring(0, first.indexOf('?')) + "?size=" + size + "&cursor=" + next, key);
        }
    }

    private Answer patch(String path, Object body, String key) {
        try {
            return send(HttpRequest.PATCH(path, JSON.writeValueAsString(body))
                    .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(key));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> items(Answer a) {
        assertEquals(200, a.status(), a::toString);
        return (List<Object>) a.get("items");
    }

    private static List<String> ids(Answer a) {
        List<String> out = new ArrayList<>();
        for (Object item : items(a)) {
            out.add((String) ((Map<?, ?>) item).get("id"));
        }
        assertEquals(out.size(), new HashSet<>(out).size(), "no id twice on a page");
        return out;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
