package com.ipledge.service.bureau;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Sql;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Page users and the dashboard over HTTP: user creation, sign-in with CSRF, one message for unknown users and
 * wrong passwords, the session cookie's flags and storage, sign-out, and bank staff seeing their bank only.
 */
@MicronautTest(transactional = false)
class BureauHttpTest extends ApiTestBase {
    private static final Pattern CSRF = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"");
    private static final Pattern ERROR = Pattern.compile("<p class=\"error\">([^<]*)</p>");

    private Sql sql;
    private BureauBook.Book book;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false", "micronaut.http.client.follow-redirects", "false",
                "ipledge.pages.login-failure-delay-ms", "300");
    }

    @BeforeAll
    void seed() {
        sql = new Sql(databaseUrl());
        book = BureauBook.seed(this);
    }

    /** A cookie jar, as a browser keeps one. */
    final class Jar {
        final Map<String, String> cookies = new LinkedHashMap<>();

        Answer send(MutableHttpRequest<?> request) {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            Answer a = BureauHttpTest.this.send(request);
            for (String c : a.headers().getAll("Set-Cookie")) {
                String pair = c.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('='));
                String value = pair.substring(pair.indexOf('=') + 1);
                if (value.isEmpty() || c.toLowerCase().contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return a;
        }

        Answer get(String path) {
            return send(HttpRequest.GET(path).accept(MediaType.TEXT_HTML_TYPE));
        }

        Answer postForm(String path, Map<String, String> form) {
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return send(HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
        }

        /** Opens the sign-in form and posts it. */
        Answer signIn(String username, String password) {
            Answer form = get("/bureau/login");
            assertEquals(200, form.status(), form::toString);
            return postForm("/bureau/login", Map.of("csrfToken", csrf(form), "username", username,
                    "password", password));
        }
    }

    /** The cells of every table the page shows (not the risk tables its script fills), by caption. */
    private static Map<String, List<List<String>>> tables(String html) {
        Map<String, List<List<String>>> tables = new LinkedHashMap<>();
        Matcher t = Pattern.compile("<table id=\"table-(\\w+)\">(.*?)</table>", Pattern.DOTALL).matcher(html);
        while (t.find()) {
            String body = t.group(2);
            Matcher caption = Pattern.compile("<caption>(.*?)</caption>", Pattern.DOTALL).matcher(body);
            if (!caption.find() || !body.contains("<th scope=\"col\"")) {
                continue;
            }
            List<List<String>> rows = new java.util.ArrayList<>();
            Matcher tr = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(body);
            while (tr.find()) {
                List<String> cells = new java.util.ArrayList<>();
                Matcher cell = Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>", Pattern.DOTALL).matcher(tr.group(1));
                while (cell.find()) {
                    cells.add(unescape(cell.group(1).replaceAll("<[^>]+>", "").strip()));
                }
                rows.add(cells);
            }
            tables.put(unescape(caption.group(1).strip()), rows);
        }
        return tables;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    @Test
    void theXlsxExportIsTheScreenSheetBySheetWithAndWithoutAFilter() throws Exception {
        for (String filter : List.of("", "?industry=C&region=620100")) {
            for (String lang : List.of("zh", "en")) {
                Jar jar = new Jar();
                assertEquals(303, jar.signIn(BureauBook.BUREAU_USER, BureauBook.PASSWORD).status());
                Answer page = jar.get("/bureau" + filter + (filter.isEmpty() ? "?" : "&") + "lang=" + lang);
                assertEquals(200, page.status(), page::toString);
                assertTrue(page.raw().contains("/bureau/export/all.xlsx" + filter.replace("&", "&amp;")),
                        "the page links the export with its filters");
                Map<String, List<List<String>>> screen = tables(page.raw());
                assertTrue(screen.size() >= 5, screen.keySet()::toString);

                var answer = download(jar, "/bureau/export/all.xlsx" + filter);
                assertEquals(200, answer.code());
                assertTrue(answer.getContentType().orElseThrow().toString().contains("spreadsheetml"));
                try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                        new java.io.ByteArrayInputStream(answer.body()))) {
                    var shown = new org.apache.poi.ss.usermodel.DataFormatter(java.util.Locale.ROOT);
                    String asOf = shown.formatCellValue(book.getSheetAt(0).getRow(1).getCell(0));
                    assertTrue(asOf.contains(today().toString()), "the data's date is in the file: " + asOf);
                    String filters = shown.formatCellValue(book.getSheetAt(0).getRow(2).getCell(0));
                    if (filter.isEmpty()) {
                        assertTrue(filters.equals("筛选条件：无（全部贷款）") || filters.equals("Filters: none (every loan)"),
                                filters);
                    } else {
                        assertTrue(filters.contains(lang.equals("zh") ? "行业门类 = C 制造业" : "Industry section = C "
                                + "Manufacturing") && filters.contains("620100"), filters);
                    }
                    Map<String, List<List<String>>> file = new LinkedHashMap<>();
                    for (int i = 1; i < book.getNumberOfSheets(); i++) {
                        var sheet = book.getSheetAt(i);
                        assertEquals(asOf, shown.formatCellValue(sheet.getRow(1).getCell(0)));
                        assertEquals(filters, shown.formatCellValue(sheet.getRow(2).getCell(0)));
                        List<List<String>> rows = new java.util.ArrayList<>();
                        for (int r = 3; r <= sheet.getLastRowNum(); r++) {
                            List<String> cells = new java.util.ArrayList<>();
                            for (int c = 0; c < sheet.getRow(r).getLastCellNum(); c++) {
                                cells.add(shown.formatCellValue(sheet.getRow(r).getCell(c)));
                            }
                            rows.add(cells);
                        }
                        file.put(shown.formatCellValue(sheet.getRow(0).getCell(0)), rows);
                    }
                    for (var table : screen.entrySet()) {
                        List<List<String>> rows = table.getValue().stream()
                                .filter(r -> r.size() > 1 || table.getValue().size() == 2).toList();
                        List<List<String>> expected = rows.size() == 2 && rows.get(1).size() == 1
                                ? rows.subList(0, 1) : rows; // an empty table's "none" row is the page's, not data
                        assertEquals(expected, file.get(table.getKey()), lang + filter + ": " + table.getKey());
                    }
                    assertTrue(file.containsKey(lang.equals("zh") ? "压力测试" : "Stress tests"),
                            "the risk run's tables too: " + file.keySet());
                    // numbers are numbers in the file (they sum), shown as on the page
                    var byBank = book.getSheetAt(1);
                    assertEquals(org.apache.poi.ss.usermodel.CellType.NUMERIC,
                            byBank.getRow(4).getCell(2).getCellType(), lang + " " + byBank.getSheetName());
                }
                // one table as CSV: the same cells under the title, the date and the filters
                Answer csv = jar.send(HttpRequest.GET("/bureau/export/byIndustry.csv" + filter));
                assertEquals(200, csv.status());
                List<String> lines = csv.raw().replace("\uFEFF", "").lines().toList();
                assertTrue(lines.get(1).contains(today().toString()), lines.get(1));
                List<List<String>> byIndustry = screen.get(lang.equals("zh") ? "按行业门类（GB/T 4754）的贷款余额"
                        : "Outstanding by industry section (GB/T 4754)");
                assertEquals(byIndustry.size() + 3, lines.size(), csv.raw());
                assertEquals(String.join(",", byIndustry.get(1)).replace("\"", ""),
                        lines.get(4).replace("\"", ""));
            }
        }
        Answer api = get("/api/v1/portfolio/summary.xlsx?lang=fr", book.bureauKey());
        assertEquals(400, api.status(), api::toString);
        assertEquals(List.of("lang"), api.errorFields());
        var viaApi = client.toBlocking().exchange(HttpRequest.GET("/api/v1/portfolio/summary.xlsx")
                .bearerAuth(book.bureauKey()), byte[].class);
        assertEquals(200, viaApi.code());
        assertTrue(viaApi.header("Content-Disposition").contains(".xlsx"));
    }

    /**
     * The API's workbook takes the dashboard's filters: with a filter it is the session's export of the same filter
     * cell by cell (the data's date aside, written at its own minute), differs from the unfiltered workbook, and a
     * wrong filter is a 400 problem naming it.
     */
    @Test
    void theApiWorkbookTakesTheDashboardsFiltersAndChecksThem() throws Exception {
        String from = today().minusYears(3).toString();
        String filter = "?industry=C&region=620100&from=" + from + "&to=" + today();
        Jar jar = new Jar();
        assertEquals(303, jar.signIn(BureauBook.BUREAU_USER, BureauBook.PASSWORD).status());
        List<List<List<String>>> screen = sheets(download(jar, "/bureau/export/all.xlsx" + filter + "&lang=zh").body());
        var api = client.toBlocking().exchange(HttpRequest.GET("/api/v1/portfolio/summary.xlsx" + filter)
                .bearerAuth(book.bureauKey()), byte[].class);
        assertEquals(200, api.code());
        List<List<List<String>>> viaApi = sheets(api.body());
        assertEquals(screen.size(), viaApi.size(), "as many sheets");
        for (int i = 0; i < screen.size(); i++) {
            assertTrue(viaApi.get(i).get(1).get(0).contains(today().toString()), viaApi.get(i).get(1).toString());
            assertEquals(screen.get(i).subList(2, screen.get(i).size()), viaApi.get(i).subList(2, viaApi.get(i).size()),
                    "sheet " + i);
        }
        String filters = viaApi.get(0).get(2).get(0);
        assertTrue(filters.contains("行业门类 = C 制造业") && filters.contains("620100") && filters.contains(from), filters);
        var unfiltered = sheets(client.toBlocking().exchange(HttpRequest.GET("/api/v1/portfolio/summary.xlsx")
                .bearerAuth(book.bureauKey()), byte[].class).body());
        assertNotEquals(unfiltered.get(0).subList(3, unfiltered.get(0).size()),
                viaApi.get(0).subList(3, viaApi.get(0).size()), "the filter changes the figures");

        for (var bad : List.of(List.of("bank", "NOSUCHBANK"), List.of("from", "2026-13-01"), List.of("to", "tomorrow"),
                List.of("industry", "Z"), List.of("region", "62"), List.of("ipType", "RECIPE"))) {
            Answer refused = get("/api/v1/portfolio/summary.xlsx?" + bad.get(0) + "=" + bad.get(1), book.bureauKey());
            assertEquals(400, refused.status(), refused::toString);
            assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
            assertEquals(List.of(bad.get(0)), refused.errorFields(), refused::toString);
        }
        Answer backwards = get("/api/v1/portfolio/summary.xlsx?from=2026-02-01&to=2026-01-01", book.bureauKey());
        assertEquals(List.of("from"), backwards.errorFields(), backwards::toString);

        // a bank's key names its own code, never another bank's: that is answered as an unknown code would be
        String officerA = apiKey("BANK_OFFICER", book.bankA());
        assertEquals(200, client.toBlocking().exchange(HttpRequest.GET("/api/v1/portfolio/summary.xlsx?bank=GANSUBANK")
                .bearerAuth(officerA), byte[].class).code());
        Answer other = get("/api/v1/portfolio/summary.xlsx?bank=LANZHOUBANK", officerA);
        assertEquals(400, other.status(), other::toString);
        assertEquals(List.of("bank"), other.errorFields(), other::toString);
        Answer unknown = get("/api/v1/portfolio/summary.xlsx?bank=NOSUCHBANK", officerA);
        assertEquals(other.get("errors"), unknown.get("errors"), "the same answer as for a code nobody has");
    }

    /** Every sheet of a workbook, row by row, cells as shown. */
    private static List<List<List<String>>> sheets(byte[] xlsx) throws java.io.IOException {
        List<List<List<String>>> sheets = new java.util.ArrayList<>();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var shown = new org.apache.poi.ss.usermodel.DataFormatter(java.util.Locale.ROOT);
            for (var sheet : book) {
                List<List<String>> rows = new java.util.ArrayList<>();
                for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                    List<String> cells = new java.util.ArrayList<>();
                    var row = sheet.getRow(r);
                    for (int c = 0; row != null && c < row.getLastCellNum(); c++) {
                        cells.add(shown.formatCellValue(row.getCell(c)));
                    }
                    rows.add(cells);
                }
                sheets.add(rows);
            }
        }
        return sheets;
    }

    private io.micronaut.http.HttpResponse<byte[]> download(Jar jar, String path) {
        MutableHttpRequest<?> download = HttpRequest.GET(path);
        download.header("Cookie", jar.cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; ")));
        return client.toBlocking().exchange(download, byte[].class);
    }

    // ------------------------------------------------------------------------------------ filters and drill-down

    private static final Pattern FIGURE = Pattern.compile(
            "id=\"figure-(\\w+)\">\\s*<dt>[^<]*</dt>\\s*<dd><a href=\"[^\"]*\">([^<]*)</a></dd>");
    private static final Pattern LINK = Pattern.compile("<th scope=\"row\"><a href=\"([^\"]+)\">");
    private static final Pattern TOTAL = Pattern.compile(
            "id=\"drill-total\" class=\"total\" data-loans=\"(\\d+)\">共 (\\d+) 笔，合计 ([\\d,.]+)（万元），未处理预警 (\\d+) 条。");

    private static Map<String, String> figures(String html) {
        Map<String, String> figures = new LinkedHashMap<>();
        Matcher m = FIGURE.matcher(html);
        while (m.find()) {
            figures.put(m.group(1), m.group(2));
        }
        return figures;
    }

    /** 万元 with two decimals, as the page writes them. */
    private static String wan(java.math.BigDecimal yuan) {
        return new java.text.DecimalFormat("#,##0.00", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT))
                .format(yuan.divide(java.math.BigDecimal.valueOf(10_000), 2, java.math.RoundingMode.HALF_UP));
    }

    private static String percent(java.math.BigDecimal part, java.math.BigDecimal whole) {
        return part.multiply(java.math.BigDecimal.valueOf(100)).divide(whole, 2, java.math.RoundingMode.HALF_UP)
                .toPlainString() + "%";
    }

    private java.math.BigDecimal sum(String sqlText) {
        String v = sql.text(sqlText);
        return v == null ? java.math.BigDecimal.ZERO : new java.math.BigDecimal(v);
    }

    @Test
    void aFilterChangesEveryFigureAsComputedByHandFromTheLoans() {
        Jar jar = new Jar();
        jar.signIn(BureauBook.BUREAU_USER, BureauBook.PASSWORD);
        Map<String, String> all = figures(jar.get("/bureau").raw());
        assertEquals(List.of("loans", "outstanding", "nonPerforming", "nplRatio", "expectedLoss", "expectedLossRate",
                "openAlerts"), List.copyOf(all.keySet()));
        String bookA = "l.status IN ('DISBURSED','REPAYING','DEFAULTED') AND b.code = 'GANSUBANK'";
        String bookB = "l.status IN ('DISBURSED','REPAYING','DEFAULTED') AND b.code = 'LANZHOUBANK'";
        String from = " FROM loan l JOIN bank b ON b.id = l.bank_id JOIN decision d ON d.id = l.decision_id WHERE ";
        java.math.BigDecimal balanceA = sum("SELECT sum(l.outstanding_principal)" + from + bookA);
        java.math.BigDecimal balanceB = sum("SELECT sum(l.outstanding_principal)" + from + bookB);
        java.math.BigDecimal nplA = sum("SELECT sum(l.outstanding_principal)" + from + bookA
                + " AND l.classification IN ('SUBSTANDARD','DOUBTFUL','LOSS')");
        java.math.BigDecimal elA = sum("SELECT sum(d.pd * d.lgd * l.outstanding_principal)" + from + bookA);
        java.math.BigDecimal elB = sum("SELECT sum(d.pd * d.lgd * l.outstanding_principal)" + from + bookB);
        assertTrue(nplA.signum() > 0 && balanceB.signum() > 0, "the book has a non-performing loan");
        // the whole book, then each bank: counted by hand from the loans, to the fen
        assertEquals(Map.of("loans", "3", "outstanding", wan(balanceA.add(balanceB)), "nonPerforming", wan(nplA),
                "nplRatio", percent(nplA, balanceA.add(balanceB)), "expectedLoss", wan(elA.add(elB)),
                "expectedLossRate", percent(elA.add(elB), balanceA.add(balanceB)), "openAlerts", "1"), all);
        Map<String, String> b = figures(jar.get("/bureau?bank=LANZHOUBANK").raw());
        assertEquals(Map.of("loans", "1", "outstanding", wan(balanceB), "nonPerforming", "0.00", "nplRatio", "0.00%",
                "expectedLoss", wan(elB), "expectedLossRate", percent(elB, balanceB), "openAlerts", "0"), b);
        for (String figure : List.of("loans", "outstanding", "nonPerforming", "nplRatio", "expectedLoss",
                "openAlerts")) {
            assertFalse(all.get(figure).equals(b.get(figure)), figure + " follows the filter");
        }
        // every table follows it too: no row of the other bank's loans anywhere
        Answer filtered = jar.get("/bureau?bank=LANZHOUBANK");
        Map<String, List<List<String>>> screen = tables(filtered.raw());
        Map<String, List<List<String>>> unfiltered = tables(jar.get("/bureau").raw());
        for (var table : screen.entrySet()) {
            assertFalse(table.getValue().equals(unfiltered.get(table.getKey())), table.getKey() + " follows the filter");
        }
        assertTrue(filtered.raw().contains("银行 = Bank LANZHOUBANK"), "the page states its filter");
        assertTrue(filtered.raw().contains("href=\"/bureau/export/all.xlsx?bank=LANZHOUBANK\""));
        assertTrue(filtered.raw().contains("href=\"?bank=LANZHOUBANK&amp;lang=en\""), "the language switch keeps it");
        // a period before any disbursement: an empty book
        Map<String, String> before = figures(jar.get("/bureau?to=" + today().minusYears(1)).raw());
        assertEquals("0", before.get("loans"));
        assertEquals("0.00", before.get("outstanding"));
        // the monthly trend ends today with the headline's balance and NPL figures
        List<List<String>> trends = unfiltered.get("月度趋势：贷款余额、不良率与预警");
        List<String> last = trends.get(trends.size() - 1);
        assertEquals(List.of(all.get("outstanding"), all.get("nonPerforming"), all.get("nplRatio")),
                last.subList(3, 6), "the current month's point is today's book");
        assertEquals("3", last.get(1), "three loans disbursed this month");
        assertEquals(List.of("1", "1"), last.subList(6, 8), "one alert raised, still open");
        assertEquals(today().getDayOfMonth() < today().lengthOfMonth(), last.get(0).contains("未满月"), last.get(0));
        assertEquals(13, trends.size(), "twelve months and the header");
    }

    @Test
    void aDrillDownListsExactlyTheLoansEachRowCounts() {
        Jar jar = new Jar();
        jar.signIn(BureauBook.BUREAU_USER, BureauBook.PASSWORD);
        for (String filter : List.of("", "?industry=C", "?ipType=INVENTION_PATENT&region=620100")) {
            Answer page = jar.get("/bureau" + filter);
            Map<String, List<List<String>>> screen = tables(page.raw());
            Map<String, String> headline = figures(page.raw());
            int checked = 0;
            for (String section : List.of("byBank", "byIndustry", "byEcoIndustry", "byRegion", "byIpType", "npl",
                    "alerts")) {
                Matcher table = Pattern.compile("<table id=\"table-" + section + "\">(.*?)</table>", Pattern.DOTALL)
                        .matcher(page.raw());
                assertTrue(table.find(), section);
                Matcher links = LINK.matcher(table.group(1));
                List<List<String>> rows = tables("<table id=\"table-x\">" + table.group(1) + "</table>").values()
                        .iterator().next();
                for (int r = 1; links.find(); r++) {
                    String href = unescape(links.group(1));
                    assertTrue(href.startsWith("/bureau/loans?"), href);
                    for (String kept : filter.isEmpty() ? new String[0] : filter.substring(1).split("&")) {
                        assertTrue(href.contains(kept.split("=")[0] + "="), "the link keeps " + kept + ": " + href);
                    }
                    Answer list = jar.get(href);
                    assertEquals(200, list.status(), list::toString);
                    Matcher total = TOTAL.matcher(list.raw());
                    assertTrue(total.find(), list.raw());
                    List<List<String>> listed = tables(list.raw()).values().iterator().next();
                    int shown = listed.size() == 2 && listed.get(1).size() == 1 ? 0 : listed.size() - 1;
                    assertEquals(Integer.parseInt(total.group(1)), shown, "every loan is on the one page");
                    List<String> row = rows.get(r);
                    if (section.equals("alerts")) {
                        assertEquals(row.get(1), total.group(4), section + " " + row);
                        assertEquals(row.get(2), total.group(2), section + " " + row);
                    } else if (section.equals("npl")) {
                        assertEquals(row.get(2), total.group(3), section + " " + row);
                    } else {
                        assertEquals(row.get(1), total.group(2), section + " " + row + " " + href);
                        assertEquals(row.get(2), total.group(3), section + " " + row + " " + href);
                    }
                    checked++;
                }
            }
            assertTrue(checked >= 12, "rows followed: " + checked);
            Answer every = jar.get("/bureau/loans" + filter);
            Matcher total = TOTAL.matcher(every.raw());
            assertTrue(total.find());
            assertEquals(headline.get("loans"), total.group(2));
            assertEquals(headline.get("outstanding"), total.group(3));
        }
        // the doubtful loan is the one non-performing loan, named with its bank and classification
        Answer npl = jar.get("/bureau/loans?npl=true");
        List<List<String>> rows = tables(npl.raw()).values().iterator().next();
        assertEquals(2, rows.size(), rows::toString);
        assertEquals(List.of("Bank GANSUBANK", "可疑"), List.of(rows.get(1).get(0), rows.get(1).get(5)));
        assertEquals(List.of("银行", "借款企业", "贷款编号", "发放日期", "贷款状态", "五级分类", "贷款余额（万元）", "未处理预警"),
                rows.get(0));
        Answer csv = jar.send(HttpRequest.GET("/bureau/export/loans.csv?npl=true"));
        assertTrue(csv.raw().contains("可疑") && csv.raw().contains("贷款范围 = 仅不良贷款"), csv.raw());
    }

    /**
     * A month of the trends opens the loans disbursed in it that are still on the book (every month of the table,
     * with and without a filter): exactly those SQL counts, each disbursed in the month; the list's export says the
     * month; a wrong month is a 400 naming it.
     */
    @Test
    void aTrendMonthOpensTheLoansDisbursedInIt() {
        Jar jar = new Jar();
        jar.signIn(BureauBook.BUREAU_USER, BureauBook.PASSWORD);
        int withLoans = 0;
        for (String filter : List.of("", "?industry=C")) {
            Answer page = jar.get("/bureau" + filter);
            Matcher table = Pattern.compile("<table id=\"table-trends\">(.*?)</table>", Pattern.DOTALL)
                    .matcher(page.raw());
            assertTrue(table.find());
            Matcher links = LINK.matcher(table.group(1));
            int months = 0;
            while (links.find()) {
                String href = unescape(links.group(1));
                Matcher month = Pattern.compile("month=(\\d{4}-\\d{2})").matcher(href);
                assertTrue(href.startsWith("/bureau/loans?") && month.find(), href);
                assertEquals(filter.isEmpty(), !href.contains("industry=C"), "the link keeps the filter: " + href);
                Answer list = jar.get(href);
                assertEquals(200, list.status(), list::toString);
                Matcher total = TOTAL.matcher(list.raw());
                assertTrue(total.find(), list.raw());
                long expected = sql.count("SELECT count(*) FROM loan l JOIN borrower b ON b.id = l.borrower_id"
                        + " WHERE l.status IN ('DISBURSED', 'REPAYING', 'DEFAULTED')"
                        + " AND to_char(l.disbursed_on, 'YYYY-MM') = '" + month.group(1) + "'"
                        + (filter.isEmpty() ? "" : " AND upper(trim(b.industry_code)) LIKE 'C%'"));
                assertEquals(expected, Long.parseLong(total.group(1)), href);
                List<List<String>> listed = tables(list.raw()).values().iterator().next();
                for (List<String> row : listed.subList(1, expected == 0 ? 1 : listed.size())) {
                    assertTrue(row.get(3).startsWith(month.group(1)), "disbursed in the month: " + row);
                }
                assertTrue(list.raw().contains("发放月份"), "the page states the month");
                withLoans += expected > 0 ? 1 : 0;
                months++;
            }
            assertTrue(months >= 12, "every month of the trends links: " + months);
        }
        assertTrue(withLoans >= 1, "a month with loans was followed");
        String thisMonth = today().toString().substring(0, 7);
        Answer csv = jar.send(HttpRequest.GET("/bureau/export/loans.csv?month=" + thisMonth));
        assertEquals(200, csv.status());
        assertTrue(csv.raw().contains("发放月份 = " + thisMonth), csv.raw());
        Answer bad = jar.get("/bureau/loans?month=2026-13");
        assertEquals(400, bad.status());
        assertTrue(bad.raw().contains("month"), bad.raw());
    }

    @Test
    void aFilterThePageCannotUseIsA400NamingIt() {
        Jar jar = new Jar();
        jar.signIn(BureauBook.BUREAU_USER, BureauBook.PASSWORD);
        for (var bad : Map.of("from=2026-13-01", "from", "bank=NOSUCHBANK", "bank", "industry=ZZ", "industry",
                "region=62", "region", "ipType=PATENTS", "ipType", "from=2026-02-01&to=2026-01-01", "from",
                "alert=LOUD", "alert").entrySet()) {
            Answer page = jar.get("/bureau?" + bad.getKey());
            assertEquals(400, page.status(), bad.getKey());
            assertTrue(page.raw().contains("筛选条件 " + bad.getValue() + " 无效"), page.raw());
            assertEquals(400, jar.get("/bureau/loans?" + bad.getKey()).status(), bad.getKey());
            assertEquals(400, jar.send(HttpRequest.GET("/bureau/export/all.xlsx?" + bad.getKey())).status(),
                    bad.getKey());
        }
        Answer risk = jar.send(HttpRequest.GET("/bureau/risk.json?industry=ZZ").accept(MediaType.APPLICATION_JSON_TYPE));
        assertEquals(400, risk.status());
        assertTrue(risk.headers().get("Content-Type").startsWith("application/problem+json"));
        assertEquals(400, jar.get("/bureau/loans?page=9").status());
        Answer filteredRisk = jar.send(HttpRequest.GET("/bureau/risk.json?bank=LANZHOUBANK")
                .accept(MediaType.APPLICATION_JSON_TYPE));
        assertEquals(1, ((Number) filteredRisk.get("loans")).intValue(), "the risk run follows the filter");
        assertTrue(filteredRisk.raw().contains("受冲击行业：C 制造业"), "the stress row names its industry: "
                + filteredRisk.raw());
    }

    private static String csrf(Answer page) {
        Matcher m = CSRF.matcher(page.raw());
        assertTrue(m.find(), "the page has a CSRF token");
        return m.group(1);
    }

    private static String sessionCookie(Answer a) {
        return a.headers().getAll("Set-Cookie").stream().filter(c -> c.startsWith(WebSessions.COOKIE + "="))
                .findFirst().orElse(null);
    }

    // ------------------------------------------------------------------------------------------------- users

    @Test
    void usersAreCreatedByAdminsOnlyWithoutShowingTheHashAndIdempotently() {
        Map<String, Object> body = new HashMap<>(Map.of("username", "Risk.Wang", "password", "a long passphrase 1",
                "role", "BANK_APPROVER", "bankId", book.bankB().toString()));
        String key = UUID.randomUUID().toString();
        Answer created = post("/api/v1/admin/users", body, ADMIN_KEY, key);
        assertEquals(201, created.status(), created::toString);
        assertEquals("risk.wang", created.text("username"), "names are kept lower-case");
        assertEquals("BANK_APPROVER", created.text("role"));
        assertEquals(book.bankB().toString(), created.text("bankId"));
        assertNull(created.get("password"));
        assertNull(created.get("passwordHash"));
        assertFalse(created.raw().contains("pbkdf2"), created.raw());
        Answer replay = post("/api/v1/admin/users", body, ADMIN_KEY, key);
        assertEquals(201, replay.status());
        assertEquals("true", replay.headers().get("Idempotent-Replayed"));
        assertEquals(created.raw(), replay.raw());
        Map<String, Object> otherPassword = new HashMap<>(body);
        otherPassword.put("password", "another passphrase");
        assertEquals(422, post("/api/v1/admin/users", otherPassword, ADMIN_KEY, key).status(),
                "the same key with another password is another request");
        assertEquals(1, sql.count("SELECT count(*) FROM app_user WHERE username = 'risk.wang'"));
        String stored = sql.text("SELECT password_hash FROM app_user WHERE username = 'risk.wang'");
        String[] parts = stored.split("\\$");
        assertEquals("pbkdf2", parts[0]);
        assertTrue(Integer.parseInt(parts[1]) >= 210_000, stored);
        assertEquals(16, java.util.Base64.getDecoder().decode(parts[2]).length, "16-byte salt");
        assertFalse(stored.contains("a long passphrase"));
        assertEquals(1, sql.count("SELECT count(*) FROM audit_entry WHERE action = 'user.created' AND entity_id = '"
                + created.text("id") + "'"));
        assertFalse(sql.text("SELECT payload FROM audit_entry WHERE action = 'user.created' AND entity_id = '"
                + created.text("id") + "'").contains("passphrase"));

        Answer taken = post("/api/v1/admin/users", body, ADMIN_KEY);
        assertEquals(409, taken.status(), taken::toString);
        assertEquals(403, post("/api/v1/admin/users", body, book.bureauKey()).status());
        assertEquals(401, post("/api/v1/admin/users", body, null).status());

        Answer bad = post("/api/v1/admin/users", Map.of("username", "x", "password", "short", "role", "BANK_OFFICER"),
                ADMIN_KEY);
        assertEquals(400, bad.status(), bad::toString);
        assertEquals(List.of("bankId", "password", "username"), bad.errorFields().stream().sorted().toList());
        Answer admin = post("/api/v1/admin/users", Map.of("username", "root.user", "password", "a long passphrase 1",
                "role", "ADMIN"), ADMIN_KEY);
        assertEquals(List.of("role"), admin.errorFields());
        Answer bureauWithBank = post("/api/v1/admin/users", Map.of("username", "bureau.two",
                "password", "a long passphrase 1", "role", "BUREAU", "bankId", book.bankA().toString()), ADMIN_KEY);
        assertEquals(List.of("bankId"), bureauWithBank.errorFields());
        Answer unknown = post("/api/v1/admin/users", Map.of("username", "bureau.three",
                "password", "a long passphrase 1", "role", "BUREAU", "id", UUID.randomUUID().toString()), ADMIN_KEY);
        assertEquals(400, unknown.status(), "unknown fields are rejected");
        assertEquals(0, sql.count("SELECT count(*) FROM app_user WHERE username IN ('x', 'root.user', 'bureau.two', "
                + "'bureau.three')"));
    }

    // ------------------------------------------------------------------------------------------------ sign-in

    @Test
    void theDashboardAndItsDataNeedASession() {
        Answer page = new Jar().get("/bureau");
        assertEquals(303, page.status());
        assertEquals("/bureau/login", page.headers().get("Location"));
        Answer risk = send(HttpRequest.GET("/bureau/risk.json"));
        assertEquals(401, risk.status());
        Answer export = send(HttpRequest.GET("/bureau/export/byBank.csv"));
        assertEquals(303, export.status());
        Answer forged = new Jar().get("/bureau");
        assertEquals(303, forged.status());
        Jar planted = new Jar();
        planted.cookies.put(WebSessions.COOKIE, "A".repeat(43));
        assertEquals(303, planted.get("/bureau").status(), "an id nobody was given opens nothing");
        Answer login = new Jar().get("/bureau/login");
        assertEquals(200, login.status());
        assertTrue(login.raw().contains("lang=\"zh-CN\""), "Chinese by default");
        assertTrue(login.raw().contains("登录监测看板"));
        String csp = login.headers().get("Content-Security-Policy");
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
    }

    @Test
    void signInNeedsTheFormsCsrfToken() {
        Jar jar = new Jar();
        Answer noCookie = jar.postForm("/bureau/login", Map.of("csrfToken", "x", "username", BureauBook.BUREAU_USER,
                "password", BureauBook.PASSWORD));
        assertEquals(403, noCookie.status());
        assertNull(sessionCookie(noCookie));
        Answer form = jar.get("/bureau/login");
        Answer wrongToken = jar.postForm("/bureau/login", Map.of("csrfToken", csrf(form) + "x",
                "username", BureauBook.BUREAU_USER, "password", BureauBook.PASSWORD));
        assertEquals(403, wrongToken.status());
        assertNull(sessionCookie(wrongToken));
        Jar other = new Jar();
        other.get("/bureau/login");
        Answer someoneElsesToken = other.postForm("/bureau/login", Map.of("csrfToken", csrf(form),
                "username", BureauBook.BUREAU_USER, "password", BureauBook.PASSWORD));
        assertEquals(403, someoneElsesToken.status(), "a token belongs to its own cookie");
        Answer missing = jar.postForm("/bureau/login", Map.of("username", BureauBook.BUREAU_USER,
                "password", BureauBook.PASSWORD));
        assertEquals(403, missing.status());
        assertEquals(303, jar.signIn(BureauBook.BUREAU_USER, BureauBook.PASSWORD).status());
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswerAfterTheSameDelay() {
        long sessions = sql.count("SELECT count(*) FROM web_session");
        long t0 = System.nanoTime();
        Answer wrong = new Jar().signIn(BureauBook.BUREAU_USER, "not the password at all");
        long wrongMs = (System.nanoTime() - t0) / 1_000_000;
        t0 = System.nanoTime();
        Answer unknown = new Jar().signIn("nobody.here", "not the password at all");
        long unknownMs = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(200, wrong.status());
        assertEquals(200, unknown.status());
        assertNull(sessionCookie(wrong));
        assertNull(sessionCookie(unknown));
        String wrongMessage = message(wrong);
        assertEquals("用户名或密码不正确。", wrongMessage);
        assertEquals(wrongMessage, message(unknown));
        assertEquals(strip(wrong.raw()), strip(unknown.raw()).replace("nobody.here", BureauBook.BUREAU_USER),
                "the pages differ only in the name typed and the form's token");
        assertTrue(wrongMs >= 300 && unknownMs >= 300, wrongMs + " / " + unknownMs + " ms");
        assertEquals(sessions, sql.count("SELECT count(*) FROM web_session"), "no session opened");
    }

    private static String message(Answer a) {
        Matcher m = ERROR.matcher(a.raw());
        assertTrue(m.find(), a.raw());
        return m.group(1);
    }

    private static String strip(String html) {
        return CSRF.matcher(html).replaceAll("");
    }

    @Test
    void theSessionCookieIsHttpOnlyLaxAndSecureOverHttpsAndOnlyItsHashIsStored() {
        Jar jar = new Jar();
        Answer in = jar.signIn(BureauBook.BUREAU_USER, BureauBook.PASSWORD);
        assertEquals(303, in.status(), in::toString);
        assertEquals("/bureau", in.headers().get("Location"));
        String cookie = sessionCookie(in);
        assertNotNull(cookie);
        String lower = cookie.toLowerCase();
        assertTrue(lower.contains("httponly"), cookie);
        assertTrue(lower.contains("samesite=lax"), cookie);
        assertTrue(lower.contains("path=/bureau"), cookie);
        assertFalse(lower.contains("secure"), "plain http: " + cookie);
        String id = jar.cookies.get(WebSessions.COOKIE);
        assertEquals(43, id.length(), "256 bits, base64url");
        assertEquals(0, sql.count("SELECT count(*) FROM web_session WHERE id_hash = '" + id + "'"));
        assertEquals(1, sql.count("SELECT count(*) FROM web_session WHERE id_hash = '" + WebSessions.hash(id)
                + "' AND expires_at > now() + interval '7 hours 55 minutes' AND expires_at <= now() + interval "
                + "'8 hours 1 minute'"));
        Answer page = jar.get("/bureau");
        assertEquals(200, page.status());

        Jar https = new Jar();
        Answer form = https.send(HttpRequest.GET("/bureau/login").header("X-Forwarded-Proto", "https"));
        Answer secure = https.send(HttpRequest.POST("/bureau/login", "csrfToken=" + csrf(form) + "&username="
                        + BureauBook.BUREAU_USER + "&password=" + URLEncoder.encode(BureauBook.PASSWORD,
                        StandardCharsets.UTF_8))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).header("X-Forwarded-Proto", "https"));
        assertEquals(303, secure.status());
        assertTrue(sessionCookie(secure).toLowerCase().contains("secure"), sessionCookie(secure));

        // sliding expiry: a session about to expire is extended by its use; an expired one opens nothing
        sql.execute("UPDATE web_session SET expires_at = now() + interval '5 minutes' WHERE id_hash = '"
                + WebSessions.hash(id) + "'");
        assertEquals(200, jar.get("/bureau").status());
        assertEquals(1, sql.count("SELECT count(*) FROM web_session WHERE id_hash = '" + WebSessions.hash(id)
                + "' AND expires_at > now() + interval '7 hours 55 minutes'"));
        sql.execute("UPDATE web_session SET expires_at = now() - interval '1 second' WHERE id_hash = '"
                + WebSessions.hash(id) + "'");
        assertEquals(303, jar.get("/bureau").status(), "expired");
    }

    @Test
    void signingOutDeletesTheSession() {
        Jar jar = new Jar();
        jar.signIn(BureauBook.BUREAU_USER, BureauBook.PASSWORD);
        String id = jar.cookies.get(WebSessions.COOKIE);
        Answer page = jar.get("/bureau");
        assertEquals(200, page.status());
        Answer noToken = jar.postForm("/bureau/logout", Map.of());
        assertEquals(403, noToken.status(), "sign-out needs the CSRF token too");
        assertEquals(1, sql.count("SELECT count(*) FROM web_session WHERE id_hash = '" + WebSessions.hash(id) + "'"));
        Answer out = jar.postForm("/bureau/logout", Map.of("csrfToken", csrf(page)));
        assertEquals(303, out.status());
        assertEquals("/bureau/login", out.headers().get("Location"));
        assertTrue(out.headers().getAll("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith(WebSessions.COOKIE + "=") && c.toLowerCase().contains("max-age=0")));
        assertEquals(0, sql.count("SELECT count(*) FROM web_session WHERE id_hash = '" + WebSessions.hash(id) + "'"));
        Jar stolen = new Jar();
        stolen.cookies.put(WebSessions.COOKIE, id);
        assertEquals(303, stolen.get("/bureau").status(), "the old id opens nothing");
    }

    // ---------------------------------------------------------------------------------------------- the view

    @Test
    void theBureauSeesEveryBankInChineseAndEnglish() {
        Jar jar = new Jar();
        jar.signIn(BureauBook.BUREAU_USER, BureauBook.PASSWORD);
        Answer zh = jar.get("/bureau");
        assertEquals(200, zh.status());
        String html = zh.raw();
        assertTrue(html.contains(BureauBook.Book.BANK_A_NAME) && html.contains(BureauBook.Book.BANK_B_NAME));
        assertTrue(html.contains("全部银行"));
        assertTrue(html.contains("余额（万元）"), "zh-CN money in 万元");
        // 500,000 + 400,000 + 300,000 approved at most; every figure is written with two decimals in 万元
        assertTrue(html.contains("十大生态产业") && html.contains("中医中药") && html.contains("军民融合"));
        for (String section : List.of("byBank", "byIndustry", "byEcoIndustry", "byRegion", "byIpType", "quota", "npl",
                "alerts", "trends")) {
            assertTrue(html.contains("id=\"chart-" + section + "\""), section);
            assertTrue(html.contains("id=\"table-" + section + "\""), section);
            assertTrue(html.contains("href=\"/bureau/export/" + section + ".csv\""), section);
        }
        assertTrue(html.contains("计算中…"));
        Answer en = jar.get("/bureau?lang=en");
        assertTrue(en.raw().contains("lang=\"en\""));
        assertTrue(en.raw().contains("Outstanding (yuan)"));
        assertTrue(en.raw().contains("Traditional Chinese medicine"));
        Matcher amount = Pattern.compile("<dd><a href=\"[^\"]*\">(\\d{1,3}(,\\d{3})+\\.\\d{2})</a></dd>")
                .matcher(en.raw());
        assertTrue(amount.find(), "yuan with thousands separators");

        Answer risk = jar.send(HttpRequest.GET("/bureau/risk.json").accept(MediaType.APPLICATION_JSON_TYPE));
        assertEquals(200, risk.status(), risk::toString);
        assertEquals(3, ((Number) risk.get("loans")).intValue());
        assertEquals(5, ((List<?>) risk.get("marks")).size(), "EL, VaR and ES at 99% and 99.9%");
        assertFalse(((List<?>) risk.get("histogram")).isEmpty());

        Answer csv = jar.send(HttpRequest.GET("/bureau/export/byBank.csv"));
        assertEquals(200, csv.status());
        assertTrue(csv.headers().get("Content-Type").startsWith("text/csv"));
        assertTrue(csv.raw().contains("GANSUBANK") && csv.raw().contains("LANZHOUBANK"));
        Answer npl = jar.send(HttpRequest.GET("/bureau/export/npl.csv"));
        assertEquals(200, npl.status());
        assertTrue(npl.raw().contains("GANSUBANK") && npl.raw().contains("LANZHOUBANK"));
        assertEquals(404, jar.send(HttpRequest.GET("/bureau/export/secrets.csv")).status());
    }

    @Test
    void bankStaffSeeTheirOwnBankOnly() {
        Jar jar = new Jar();
        assertEquals(303, jar.signIn(BureauBook.BANK_USER, BureauBook.PASSWORD).status());
        Answer page = jar.get("/bureau");
        assertEquals(200, page.status());
        String html = page.raw();
        assertTrue(html.contains(BureauBook.Book.BANK_A_NAME));
        assertFalse(html.contains(BureauBook.Book.BANK_B_NAME), "no other bank's name");
        assertFalse(html.contains("LANZHOUBANK"), "no other bank's code");
        Answer risk = jar.send(HttpRequest.GET("/bureau/risk.json").accept(MediaType.APPLICATION_JSON_TYPE));
        assertEquals(2, ((Number) risk.get("loans")).intValue(), "the bank's two loans");
        for (String table : List.of("byBank", "quota", "npl", "trends")) {
            Answer csv = jar.send(HttpRequest.GET("/bureau/export/" + table + ".csv"));
            assertEquals(200, csv.status(), table);
            assertFalse(csv.raw().contains("LANZHOUBANK"), table);
        }
        Answer byBank = jar.send(HttpRequest.GET("/bureau/export/byBank.csv"));
        assertTrue(byBank.raw().contains("GANSUBANK"));
    }
}
