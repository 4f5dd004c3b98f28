package com.ipledge.service.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The form, the status page and their protections at the HTTP level (the browser tests cover the rest). */
@MicronautTest(transactional = false)
class ApplyFormHttpTest extends ApiTestBase {
    private UUID bank;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("micronaut.http.client.follow-redirects", "false",
                "ipledge.pages.csrf-secret", "test-secret-for-the-pages-0123456789");
    }

    @BeforeAll
    void setUpBank() {
        bank = createBank("PAGEBANK");
        assertEquals(201, post("/api/v1/quota-plans", java.util.Map.of("bankId", bank, "year",
                thisYear(), "amount", "100000000"), apiKey("BUREAU", null)).status(),
                "a bank is offered on the form only while it has quota left");
    }

    @jakarta.inject.Inject
    FormDrafts drafts;

    /** A browser's session with the form: its CSRF cookie and the hidden tokens of the last form it was shown. */
    private final class Browser {
        String cookie;
        Map<String, String> tokens;
        String language = "zh-CN,zh;q=0.9";

        Answer open() {
            return open("/apply");
        }

        Answer open(String path) {
            MutableHttpRequest<?> get = HttpRequest.GET(path).header("Accept-Language", language);
            if (cookie != null) {
                get.header("Cookie", cookie);
            }
            Answer a = send(get);
            assertEquals(200, a.status(), a.raw());
            a.headers().getAll("Set-Cookie").stream().filter(c -> c.startsWith(CsrfTokensFactory.APPLY_COOKIE + "="))
                    .findFirst().ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
            tokens = PageFixtures.hiddenTokens(a.raw());
            return a;
        }

        Answer submit(Map<String, String> fields) {
            Map<String, String> body = new java.util.LinkedHashMap<>(tokens);
            body.putAll(fields);
            return post(PageFixtures.urlEncoded(body));
        }

        Answer post(String body) {
            MutableHttpRequest<?> post = HttpRequest.POST("/apply", body)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                    .header("Accept-Language", language);
            if (cookie != null) {
                post.header("Cookie", cookie);
            }
            return send(post);
        }
    }

    private long applications() {
        return PageFixtures.count(databaseUrl(), "SELECT count(*) FROM loan_application");
    }

    private long intakes() {
        return PageFixtures.count(databaseUrl(), "SELECT count(*) FROM public_intake");
    }

    /**
     * A NUL character in any of the form's fields is a 400 with the form and its error summary naming that field,
     * never a 500 from PostgreSQL, and files nothing.
     */
    @Test
    void aNulInAnyFieldIsA400NamingTheField() {
        long before = applications();
        long intakesBefore = intakes();
        Browser browser = new Browser();
        List<String> failures = new java.util.ArrayList<>();
        List<String> fields = ApplyForm.allFieldNames();
        for (String field : fields) {
            browser.open();
            Map<String, String> form = new java.util.LinkedHashMap<>(PageFixtures.validForm(bank));
            form.put(field, form.getOrDefault(field, "1") + "\0");
            Answer a = browser.submit(form);
            String errorId = ApplyForm.id(field) + "-error";
            if (a.status() != 400 || !a.contentType().startsWith("text/html")
                    || !a.raw().contains("id=\"error-summary\"") || !a.raw().contains("href=\"#" + ApplyForm.id(field))
                    || !a.raw().contains("id=\"" + errorId + "\"")) {
                failures.add(field + " -> " + a.status());
            }
        }
        assertTrue(failures.isEmpty(), fields.size() + " probes, failed: " + failures);
        assertEquals(before, applications(), "nothing filed");
        assertEquals(intakesBefore, intakes(), "nothing kept");
    }

    @Test
    void formIsServedAnonymouslyInChineseWithSecurityHeaders() {
        Browser browser = new Browser();
        browser.language = null;
        Answer a = send(HttpRequest.GET("/apply"));
        assertEquals(200, a.status());
        assertTrue(a.contentType().startsWith("text/html"), a.contentType());
        assertTrue(a.raw().contains("<html lang=\"zh-CN\">"), "Chinese by default");
        assertTrue(a.raw().contains("统一社会信用代码"));
        assertTrue(a.raw().contains("Bank PAGEBANK"), "the bank is listed");
        assertEquals("nosniff", a.headers().get("X-Content-Type-Options"));
        String csp = a.headers().get("Content-Security-Policy");
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertFalse(csp.contains("unsafe-inline"), csp);
        assertEquals(List.of("<script src=\"/apply/apply.js\"></script>"),
                Pattern.compile("<script[^>]*>[^<]*</script>").matcher(a.raw()).results().map(r -> r.group()).toList(),
                "one script, the site's own, none inline");
        assertTrue(csp.contains("script-src 'self'"), csp);
        assertEquals("same-origin", a.headers().get("Referrer-Policy"));
        Map<String, String> tokens = PageFixtures.hiddenTokens(a.raw());
        assertEquals(43, tokens.get("formToken").length());
        assertNotNull(tokens.get("csrfToken"));
        String setCookie = a.headers().getAll("Set-Cookie").stream()
                .filter(c -> c.startsWith(CsrfTokensFactory.APPLY_COOKIE)).findFirst().orElseThrow();
        assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("samesite=strict"), setCookie);
        // every input has a label
        java.util.regex.Matcher ids = java.util.regex.Pattern.compile("<(?:input|select|textarea)[^>]*\\sid=\"([^\"]+)\"")
                .matcher(a.raw());
        int inputs = 0;
        while (ids.find()) {
            inputs++;
            assertTrue(a.raw().contains("for=\"" + ids.group(1) + "\""), "label for " + ids.group(1));
        }
        // the firm, the loan, the consent and one asset row (issue 20: more rows on request)
        assertTrue(inputs >= 20, "found " + inputs + " inputs");
        assertEquals(200, send(HttpRequest.GET("/apply/apply.css")).status());
        java.nio.file.Path out = java.nio.file.Path.of("target", "screenshots", "apply-form.html");
        try {
            java.nio.file.Files.createDirectories(out.getParent());
            java.nio.file.Files.writeString(out, a.raw());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void englishByAcceptLanguageOrByAStickyChoice() {
        Answer byHeader = send(HttpRequest.GET("/apply").header("Accept-Language", "en-GB,en;q=0.8"));
        assertTrue(byHeader.raw().contains("<html lang=\"en\">"));
        assertTrue(byHeader.raw().contains("Unified social credit code"));
        Answer chosen = send(HttpRequest.GET("/apply?lang=en").header("Accept-Language", "zh-CN"));
        assertTrue(chosen.raw().contains("Unified social credit code"));
        String langCookie = chosen.headers().getAll("Set-Cookie").stream()
                .filter(c -> c.startsWith(PageLocales.COOKIE + "=")).findFirst().orElseThrow();
        Answer later = send(HttpRequest.GET("/apply").header("Accept-Language", "zh-CN")
                .header("Cookie", langCookie.substring(0, langCookie.indexOf(';'))));
        assertTrue(later.raw().contains("<html lang=\"en\">"), "the choice sticks");
        Answer home = send(HttpRequest.GET("/"));
        assertEquals(200, home.status());
        assertTrue(home.raw().contains("href=\"/apply?lang=en\""));
        assertTrue(home.raw().contains("href=\"/bureau\""));
        assertTrue(home.raw().contains("href=\"/docs\""));
    }

    @Test
    void postsWithoutAMatchingCsrfTokenAreRefusedAndWriteNothing() {
        long before = applications();
        Browser browser = new Browser();
        browser.open();
        Map<String, String> form = PageFixtures.validForm(bank);

        Browser noCookie = new Browser();
        noCookie.tokens = browser.tokens;
        Answer withoutCookie = noCookie.submit(form);
        assertEquals(403, withoutCookie.status(), withoutCookie.raw());
        assertTrue(withoutCookie.raw().contains("页面已过期"), withoutCookie.raw());

        Browser forged = new Browser();
        forged.cookie = browser.cookie;
        forged.tokens = Map.of("csrfToken", "forged", "formToken", browser.tokens.get("formToken"));
        assertEquals(403, forged.submit(form).status());

        Browser other = new Browser();
        other.open();
        other.tokens = browser.tokens;
        assertEquals(403, other.submit(form).status(), "a token from another browser's page does not fit");

        Browser tampered = new Browser();
        tampered.tokens = browser.tokens;
        tampered.cookie = browser.cookie.substring(0, browser.cookie.indexOf('.')) + ".AAAA";
        assertEquals(403, tampered.submit(form).status(), "an unsigned cookie is worthless");
        assertEquals(before, applications());
    }

    @Test
    void anOversizedFormIsRefusedBeforeItIsRead() {
        Browser browser = new Browser();
        browser.open();
        Map<String, String> form = PageFixtures.validForm(bank);
        form.put("purpose", "x".repeat(70_000));
        Answer a = browser.submit(form);
        assertEquals(413, a.status(), a.raw());
        assertTrue(a.raw().contains("过大"));
    }

    /**
     * A valid form keeps one intake for the bank's officer (issue 17): no application, borrower or asset is written
     * until the officer confirms it, and the applicant's status page says it was received.
     */
    @Test
    void aValidFormKeepsOneIntakeAndLeadsToItsStatusPage() {
        long before = applications();
        long intakesBefore = intakes();
        long borrowers = PageFixtures.count(databaseUrl(), "SELECT count(*) FROM borrower");
        long assets = PageFixtures.count(databaseUrl(), "SELECT count(*) FROM ip_asset");
        Browser browser = new Browser();
        browser.open();
        Map<String, String> form = PageFixtures.validForm(bank);
        Answer a = browser.submit(form);
        assertEquals(303, a.status(), a.raw());
        String location = a.headers().get("Location");
        assertTrue(location.matches("/status/[A-Za-z0-9_-]{43}"), location);
        assertEquals(before, applications(), "no application before the officer confirms");
        assertEquals(borrowers, PageFixtures.count(databaseUrl(), "SELECT count(*) FROM borrower"));
        assertEquals(assets, PageFixtures.count(databaseUrl(), "SELECT count(*) FROM ip_asset"));
        assertEquals(intakesBefore + 1, intakes());
        String token = location.substring("/status/".length());
        assertEquals(0, PageFixtures.count(databaseUrl(),
                "SELECT count(*) FROM public_intake WHERE status_token_hash = '" + token + "'"),
                "the token itself is not stored");
        assertEquals(1, PageFixtures.count(databaseUrl(), "SELECT count(*) FROM public_intake WHERE "
                + "status_token_hash = '" + StatusTokens.hash(token) + "' AND status = 'PENDING' AND credit_code = '"
                + form.get("creditCode") + "' AND bank_id = '" + bank + "' AND client_address <> ''"));
        assertEquals(2, PageFixtures.count(databaseUrl(), "SELECT count(*) FROM public_intake_asset a "
                + "JOIN public_intake i ON i.id = a.intake_id WHERE i.status_token_hash = '"
                + StatusTokens.hash(token) + "'"));

        Answer status = send(HttpRequest.GET(location).header("Accept-Language", "zh-CN"));
        assertEquals(200, status.status());
        assertTrue(status.raw().contains("data-status=\"RECEIVED\""), status.raw());
        assertTrue(status.raw().contains("已收到"));
        assertTrue(status.raw().contains("300 万元"), "amount in 万元");
        assertEquals("same-origin", status.headers().get("Referrer-Policy"));
        Answer english = send(HttpRequest.GET(location + "?lang=en"));
        assertTrue(english.raw().contains("Received") && english.raw().contains("CNY 3,000,000.00"));
        // a template's message keeps its apostrophe (escaped as HTML text)
        assertTrue(english.raw().contains("your application&#39;s progress"), english.raw());
    }

    @Test
    void theSameFormTokenTwiceIsOneIntake() {
        Browser browser = new Browser();
        browser.open();
        Map<String, String> form = PageFixtures.validForm(bank);
        long before = intakes();
        Answer first = browser.submit(form);
        Answer second = browser.submit(form);
        assertEquals(303, first.status(), first.raw());
        assertEquals(303, second.status(), second.raw());
        assertEquals(first.headers().get("Location"), second.headers().get("Location"));
        assertEquals(before + 1, intakes());

        form.put("requestedAmount", "4000000");
        Answer changed = browser.submit(form);
        assertEquals(200, changed.status(), "a submitted form cannot be changed and resent");
        assertTrue(changed.raw().contains("已提交过"));
        assertEquals(before + 1, intakes());
    }

    @Test
    void aBadCreditCodeComesBackNextToItsFieldAsTypedAndNothingIsWritten() {
        long before = applications();
        long intakesBefore = intakes();
        long borrowers = PageFixtures.count(databaseUrl(), "SELECT count(*) FROM borrower");
        long assets = PageFixtures.count(databaseUrl(), "SELECT count(*) FROM ip_asset");
        Browser browser = new Browser();
        browser.open();
        Map<String, String> form = PageFixtures.validForm(bank);
        form.put("creditCode", PageFixtures.withWrongCheckCharacter(form.get("creditCode")));
        form.put("assets[0].type", "UTILITY_MODEL");
        Answer a = browser.submit(form);
        assertEquals(200, a.status(), "the form again, with its errors");
        assertTrue(a.raw().contains("id=\"f-creditCode-error\""), a.raw());
        assertTrue(a.raw().contains("校验位（最后一位）与前面的号码不符"), "in Chinese");
        assertTrue(a.raw().contains("aria-describedby=\"f-creditCode-hint f-creditCode-error\""));
        assertTrue(a.raw().contains("value=\"" + form.get("creditCode") + "\""), "kept as typed");
        assertTrue(a.raw().contains("value=\"兰州绿源节能科技有限公司\""));
        assertTrue(a.raw().contains("id=\"f-assets-0-number-error\""), "the type digit is checked too");
        assertTrue(a.raw().contains("类型位"));
        assertEquals(before, applications());
        assertEquals(intakesBefore, intakes());
        assertEquals(borrowers, PageFixtures.count(databaseUrl(), "SELECT count(*) FROM borrower"));
        assertEquals(assets, PageFixtures.count(databaseUrl(), "SELECT count(*) FROM ip_asset"));

        browser.tokens = PageFixtures.hiddenTokens(a.raw());
        form.put("creditCode", PageFixtures.validForm(bank).get("creditCode"));
        form.put("assets[0].type", "INVENTION_PATENT");
        assertEquals(303, browser.submit(form).status());
    }

    /**
     * Filing twice, or naming another firm's patent, is an intake each time: the form never looks at what the bank
     * has on file (that would tell a stranger what a bank holds) and never registers a borrower; the officer sees.
     */
    @Test
    void aFirmThatAppliesAgainWhileOpenIsOneIntakeAndNoBorrower() {
        Browser browser = new Browser();
        browser.open();
        Map<String, String> form = PageFixtures.validForm(bank);
        assertEquals(303, browser.submit(form).status());
        browser.open();
        Answer again = browser.submit(form);
        assertEquals(200, again.status(), "the same firm and rights while the first is open: not filed again");
        assertTrue(again.raw().contains("此申请已提交"), again.raw());
        assertEquals(0, PageFixtures.count(databaseUrl(),
                "SELECT count(*) FROM borrower WHERE credit_code = '" + form.get("creditCode") + "'"));
        assertEquals(1, PageFixtures.count(databaseUrl(),
                "SELECT count(*) FROM public_intake WHERE credit_code = '" + form.get("creditCode") + "'"));

        Map<String, String> otherFirm = PageFixtures.validForm(bank);
        otherFirm.put("assets[0].number", form.get("assets[0].number"));
        browser.open();
        assertEquals(303, browser.submit(otherFirm).status(), "kept for the officer, who sees the other owner");
        assertEquals(0, PageFixtures.count(databaseUrl(), "SELECT count(*) FROM ip_asset WHERE number = '"
                + form.get("assets[0].number").substring(2) + "' OR number = '" + form.get("assets[0].number") + "'"));
    }

    @Test
    void missingFieldsAreAllReportedAtOnceInEnglishToo() {
        Browser browser = new Browser();
        browser.language = "en";
        browser.open();
        Answer a = browser.submit(Map.of("bankId", bank.toString(), "employees", "many"));
        assertEquals(200, a.status(), "the form again, with its errors");
        for (String field : List.of("name", "creditCode", "industryCode", "regionCode", "operatingRevenue",
                "foundedOn", "contactName", "contactPhone", "requestedAmount", "termMonths", "purpose", "consent")) {
            assertTrue(a.raw().contains("id=\"f-" + field + "-error\""), field);
        }
        assertTrue(a.raw().contains("Enter a whole number."), "employees");
        assertTrue(a.raw().contains("Enter at least one patent or trademark"));
        assertTrue(a.raw().contains("This field is required."));
    }

    /**
     * What the browser used to block with "Please match the requested format.": a patent number as printed on its
     * certificate (spaces, a full-width dot), a credit code with a trailing space, amounts in 万 or with commas, a
     * landline with its area code in parentheses. Each is accepted and kept normalised.
     */
    @Test
    void ordinaryWritingIsAcceptedAndKeptNormalised() {
        Browser browser = new Browser();
        browser.open();
        Map<String, String> form = PageFixtures.validForm(bank);
        String patent = form.get("assets[0].number").substring(2);
        String creditCode = form.get("creditCode");
        form.put("assets[0].number", PageFixtures.asOnCertificate(patent));
        form.put("creditCode", creditCode.toLowerCase(java.util.Locale.ROOT) + " ");
        form.put("requestedAmount", "1850万");
        form.put("operatingRevenue", "18,500,000");
        form.put("totalAssets", "５２００万元");
        form.put("contactPhone", "(0931)1234567");
        Answer a = browser.submit(form);
        assertEquals(303, a.status(), a.raw());
        String token = a.headers().get("Location").substring("/status/".length());
        String intake = "SELECT id FROM public_intake WHERE status_token_hash = '" + StatusTokens.hash(token) + "'";
        assertEquals(1, PageFixtures.count(databaseUrl(), "SELECT count(*) FROM public_intake WHERE id = (" + intake
                + ") AND credit_code = '" + creditCode + "' AND requested_amount = 18500000"
                + " AND operating_revenue = 18500000 AND total_assets = 52000000"
                + " AND contact_phone = '09311234567'"), "kept normalised");
        assertEquals(1, PageFixtures.count(databaseUrl(), "SELECT count(*) FROM public_intake_asset WHERE "
                + "intake_id = (" + intake + ") AND number = '" + patent + "'"), "the patent number without ZL");
    }

    @Test
    void theFormHasNoBlockingPatternAndMarksItsRequiredFields() {
        String html = new Browser().open().raw();
        assertFalse(html.contains("pattern="), "no pattern attribute");
        assertTrue(html.contains("inputmode=\"decimal\""), "the keyboard hints stay");
        assertTrue(html.contains("id=\"required-note\""));
        for (String field : List.of("bankId", "name", "creditCode", "industryCode", "regionCode", "employees",
                "operatingRevenue", "totalAssets", "foundedOn", "contactName", "contactPhone", "requestedAmount",
                "termMonths", "purpose", "consent")) {
            java.util.regex.Matcher label = java.util.regex.Pattern.compile("<label for=\"f-" + field
                    + "\">(.*?)</label>", java.util.regex.Pattern.DOTALL).matcher(html);
            assertTrue(label.find(), field);
            assertTrue(label.group(1).contains("class=\"required-mark\""), field + " has a visible marker");
            java.util.regex.Matcher input = java.util.regex.Pattern.compile("<(input|select|textarea)[^>]*\\sid=\"f-"
                    + field + "\"[^>]*>").matcher(html);
            assertTrue(input.find(), field);
            assertTrue(input.group().contains(" required") && input.group().contains("aria-required=\"true\""),
                    input.group());
        }
        java.util.regex.Matcher optional = java.util.regex.Pattern.compile("<label for=\"f-assets-0-title\">(.*?)"
                + "</label>", java.util.regex.Pattern.DOTALL).matcher(html);
        assertTrue(optional.find());
        assertFalse(optional.group(1).contains("required-mark"), "an asset row is optional");
    }

    /** Each line of the error summary names its field by the field's label and links to the field. */
    @Test
    void everySummaryLineStartsWithItsFieldsLabelAndLinksToIt() {
        for (String language : List.of("zh-CN", "en")) {
            Browser browser = new Browser();
            browser.language = language;
            String empty = browser.open().raw();
            Map<String, String> form = new java.util.LinkedHashMap<>();
            form.put("bankId", bank.toString());
            form.put("employees", "many");
            form.put("assets[0].number", "123");
            Answer a = browser.submit(form);
            assertEquals(200, a.status());
            assertTrue(a.raw().contains("class=\"summary error-summary\""), a.raw());
            String summary = a.raw().substring(a.raw().indexOf("id=\"error-summary\""),
                    a.raw().indexOf("<form"));
            java.util.regex.Matcher line = java.util.regex.Pattern.compile("<a href=\"#([^\"]+)\">([^<]*)</a>")
                    .matcher(summary);
            String separator = language.equals("en") ? ": " : "：";
            int lines = 0;
            while (line.find()) {
                lines++;
                String target = line.group(1);
                String text = line.group(2);
                String label;
                if (target.equals("assets")) {
                    label = language.equals("en") ? "Patents and trademarks offered as collateral" : "拟质押的知识产权";
                } else if (target.equals("f-consent")) {
                    label = language.equals("en") ? "Consent" : "授权";
                } else if (target.startsWith("f-assets-0-")) {
                    label = (language.equals("en") ? "IP right 1 " : "知识产权 1 ") + labelIn(empty, target);
                } else {
                    assertTrue(target.startsWith("f-"), target);
                    label = labelIn(empty, target);
                }
                assertTrue(text.startsWith(label + separator), language + " " + target + ": " + text);
                assertTrue(a.raw().contains("id=\"" + target + "\""), "links to a field on the page: " + target);
            }
            assertTrue(lines >= 13, language + ": " + lines + " lines");
        }
    }

    /** The text of the label for an input, less its required marker. */
    private static String labelIn(String html, String inputId) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<label for=\"" + inputId
                + "\"><span>([^<]*)</span>").matcher(html);
        assertTrue(m.find(), inputId);
        return m.group(1);
    }

    /**
     * The language switch posts the form: the answer is a redirect (Post/Redirect/Get, so Back and reload resubmit
     * nothing) to the form as typed in the other language, unchecked, for this browser only; nothing is filed.
     */
    @Test
    void switchingLanguageRedirectsToTheFormAsTypedAndFilesNothing() {
        long intakesBefore = intakes();
        Browser browser = new Browser();
        browser.open();
        Answer switched = browser.submit(Map.of("name", "兰州绿源节能科技有限公司", "requestedAmount", "1850万",
                "lang", "en"));
        assertEquals(303, switched.status(), switched.raw());
        String location = switched.headers().get("Location");
        assertTrue(location.matches("/apply\\?lang=en&draft=[0-9a-f-]{36}"), location);
        Answer a = browser.open(location);
        assertEquals(200, a.status(), a.raw());
        assertTrue(a.raw().contains("lang=\"en\""), "in English now");
        assertTrue(a.raw().contains("value=\"兰州绿源节能科技有限公司\"") && a.raw().contains("value=\"1850万\""),
                "as typed");
        assertFalse(a.raw().contains("id=\"error-summary\""), "nothing checked");
        assertFalse(Pattern.compile("id=\"f-assets-\\d+-type\"[^>]*autofocus").matcher(a.raw()).find(),
                "no row was added, so none takes the focus");
        assertTrue(a.headers().getAll("Set-Cookie").stream().anyMatch(c -> c.contains("=en")), "the choice sticks");
        assertEquals(intakesBefore, intakes());

        Answer back = browser.submit(Map.of("name", "兰州绿源节能科技有限公司", "lang", "zh"));
        assertTrue(back.headers().get("Location").startsWith("/apply?lang=zh-CN&draft="), back.toString());

        browser.cookie = null;
        Answer forged = browser.submit(Map.of("name", "Someone else", "lang", "en"));
        assertEquals(303, forged.status());
        assertEquals("/apply?lang=en", forged.headers().get("Location"), "a post from elsewhere keeps nothing");
        assertFalse(browser.open(forged.headers().get("Location")).raw().contains("Someone else"),
                "a post from elsewhere cannot fill the form");
    }

    /**
     * A draft holds what a visitor typed (names, phone numbers, credit codes): it goes when its browser files the
     * application, and the job deletes every draft older than two hours whether or not anyone keeps a new one.
     */
    @Test
    void draftsGoWhenTheirBrowserFilesOrTheirTwoHoursAreUp() {
        Browser filer = new Browser();
        filer.open();
        Map<String, String> form = new java.util.LinkedHashMap<>(PageFixtures.validForm(bank));
        form.put("addAsset", "1");
        Answer added = filer.submit(form);
        assertEquals(303, added.status(), added.raw());
        String draftId = added.headers().get("Location").replaceAll(".*draft=", "");
        Browser other = new Browser();
        other.open();
        Answer theirs = other.submit(Map.of("name", "另一家企业", "addAsset", "1"));
        String otherDraft = theirs.headers().get("Location").replaceAll(".*draft=", "");
        assertEquals(2, PageFixtures.count(databaseUrl(), "SELECT count(*) FROM apply_form_draft WHERE id IN ('"
                + draftId + "', '" + otherDraft + "')"));

        filer.open(added.headers().get("Location"));
        form.remove("addAsset");
        Answer filed = filer.submit(form);
        assertEquals(303, filed.status(), filed.raw());
        assertTrue(filed.headers().get("Location").startsWith("/status/"), filed.toString());
        assertEquals(0, PageFixtures.count(databaseUrl(), "SELECT count(*) FROM apply_form_draft WHERE id = '"
                + draftId + "'"), "the filer's draft is gone");
        assertEquals(1, PageFixtures.count(databaseUrl(), "SELECT count(*) FROM apply_form_draft WHERE id = '"
                + otherDraft + "'"), "another browser's draft stays");

        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(clock);
        drafts.deleteExpired(now.plusMinutes(110));
        assertEquals(1, PageFixtures.count(databaseUrl(), "SELECT count(*) FROM apply_form_draft WHERE id = '"
                + otherDraft + "'"), "kept within its two hours");
        drafts.deleteExpired(now.plusMinutes(125));
        assertEquals(0, PageFixtures.count(databaseUrl(), "SELECT count(*) FROM apply_form_draft WHERE id = '"
                + otherDraft + "'"), "deleted after them");
    }

    /**
     * "添加一项" without script: the post is answered with a redirect (Post/Redirect/Get, so no POST stays in the
     * history), to the form as typed with one row more, for this browser only; a post from elsewhere gets the
     * empty form; nothing is filed.
     */
    @Test
    void addingARowWithoutScriptRedirectsToTheFormAsTypedForThisBrowserOnly() {
        long intakesBefore = intakes();
        long draftsBefore = PageFixtures.count(databaseUrl(), "SELECT count(*) FROM apply_form_draft");
        Browser browser = new Browser();
        browser.open();
        Answer added = browser.submit(Map.of("name", "兰州绿源节能科技有限公司", "requestedAmount", "1850万",
                "assets[0].title", "一种高效余热回收装置", "assetRows", "1", "addAsset", "1"));
        assertEquals(303, added.status(), added.raw());
        String location = added.headers().get("Location");
        assertTrue(location.matches("/apply\\?draft=[0-9a-f-]{36}"), location);
        assertEquals(draftsBefore + 1, PageFixtures.count(databaseUrl(), "SELECT count(*) FROM apply_form_draft"));

        Answer page = browser.open(location);
        assertTrue(page.raw().contains("value=\"兰州绿源节能科技有限公司\"") && page.raw().contains("value=\"1850万\"")
                && page.raw().contains("value=\"一种高效余热回收装置\""), "as typed");
        assertEquals(2, Pattern.compile("<fieldset class=\"asset\"").matcher(page.raw()).results().count());
        assertTrue(Pattern.compile("id=\"f-assets-1-type\"[^>]*autofocus").matcher(page.raw()).find(),
                "the new row takes the focus");
        assertFalse(page.raw().contains("id=\"error-summary\""), "nothing checked");
        assertTrue(page.raw().contains("name=\"assetRows\" value=\"2\""), "the page counts its rows");

        // a second add from that page: three rows, still as typed
        Answer again = browser.submit(Map.of("name", "兰州绿源节能科技有限公司", "assets[0].title", "一种高效余热回收装置",
                "assetRows", "2", "addAsset", "1"));
        assertEquals(303, again.status());
        assertEquals(3, Pattern.compile("<fieldset class=\"asset\"").matcher(browser.open(again.headers()
                .get("Location")).raw()).results().count());

        Browser stranger = new Browser();
        Answer theirs = stranger.open(location);
        assertFalse(theirs.raw().contains("兰州绿源节能科技有限公司"), "another browser does not see the draft");
        assertEquals(1, Pattern.compile("<fieldset class=\"asset\"").matcher(theirs.raw()).results().count());
        assertFalse(stranger.open("/apply?draft=not-a-draft").raw().contains("error-summary"), "no draft, the form");

        stranger.cookie = null;
        Answer forged = stranger.submit(Map.of("name", "Someone else", "addAsset", "1"));
        assertEquals(303, forged.status());
        assertEquals("/apply", forged.headers().get("Location"), "a post from elsewhere keeps nothing");
        assertEquals(intakesBefore, intakes());
    }

    @Test
    void anUnknownStatusTokenIsNotFound() {
        Answer a = send(HttpRequest.GET("/status/" + "A".repeat(43)));
        assertEquals(404, a.status());
        assertTrue(a.raw().contains("找不到该申请"));
        assertNotEquals(200, send(HttpRequest.GET("/status/short")).status());
    }
}
