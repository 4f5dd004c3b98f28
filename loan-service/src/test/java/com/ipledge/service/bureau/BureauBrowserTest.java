package com.ipledge.service.bureau;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.BrowserTestBase;
import com.ipledge.service.support.BrowserWait;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (Debian's Chromium, headless; the set-up of pages/ApplyPageBrowserTest): sign
 * in, every chart drawn, the risk section loaded after the page, English one click away, bank staff see their
 * bank only, no SEVERE console entries. Screenshots go to target/screenshots/bureau-*.png.
 */
@MicronautTest(transactional = false)
class BureauBrowserTest extends BrowserTestBase {
    private static final List<String> CHARTS = List.of("byBank", "byIndustry", "byEcoIndustry", "byRegion",
            "byIpType", "quota", "npl", "alerts", "trends", "risk");

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false");
    }

    @Override
    protected String startPath() {
        return "/bureau/login";
    }

    @BeforeAll
    void seedTheBook() {
        BureauBook.seed(this);
    }

    @Test
    void theBureauSignsInSeesEveryChartAndTheRiskSectionAndSwitchesToEnglish() {
        driver.get(base + "/bureau");
        BrowserWait.upTo(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/bureau/login"));
        assertEquals("zh-CN", driver.findElement(By.tagName("html")).getAttribute("lang"));
        screenshot("bureau-01-login-zh", false);
        assertAccessible("bureau-login-zh");

        driver.findElement(By.id("username")).sendKeys(BureauBook.BUREAU_USER);
        driver.findElement(By.id("password")).sendKeys("wrong password typed");
        driver.findElement(By.id("sign-in")).click();
        WebElement error = BrowserWait.upTo(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertEquals("用户名或密码不正确。", error.getText());
        screenshot("bureau-02-login-failed-zh", false);
        assertAccessible("bureau-login-failed-zh");

        signIn(BureauBook.BUREAU_USER);
        assertEquals("全部银行", driver.findElement(By.id("scope")).getText());
        WebElement status = driver.findElement(By.id("risk-status"));
        waitForCharts();
        assertEquals("done", status.getAttribute("data-state"));
        assertFalse(status.isDisplayed(), "the progress indicator goes away");
        assertTrue(driver.findElements(By.cssSelector("#table-risk tbody tr")).size() >= 5,
                "EL, VaR and ES at two levels");
        assertTrue(driver.findElement(By.id("table-risk")).getText().contains("预期短缺 ES（99.9%）"));
        assertTrue(driver.findElement(By.id("table-byBank")).getText().contains(BureauBook.Book.BANK_B_NAME));
        screenshot("bureau-03-dashboard-zh", true);

        driver.findElement(By.id("lang-switch")).click();
        BrowserWait.upTo(driver, Duration.ofSeconds(10)).until(d ->
                "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        waitForCharts();
        assertEquals("IP-pledge lending dashboard", driver.findElement(By.tagName("h1")).getText());
        assertTrue(driver.findElement(By.id("table-risk")).getText().contains("Expected shortfall, ES (99.9%)"));
        assertTrue(driver.findElement(By.id("table-byBank")).getText().contains("Outstanding (yuan)"));
        assertTrue(driver.findElement(By.id("glossary")).getText().contains("The bank's reported overall NPL ratio"),
                "the glossary keeps its apostrophes");
        assertTrue(driver.findElement(By.id("glossary")).getText().contains("so it includes the expected loss"),
                "whether VaR includes EL");
        screenshot("bureau-04-dashboard-en", true);

        driver.findElement(By.id("sign-out")).click();
        BrowserWait.upTo(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/bureau/login"));
        driver.get(base + "/bureau");
        assertTrue(driver.getCurrentUrl().endsWith("/bureau/login"), "signed out: " + driver.getCurrentUrl());
    }

    @Test
    void bankStaffSeeTheirBankOnly() {
        driver.get(base + "/bureau/login?lang=zh-CN");
        signIn(BureauBook.BANK_USER);
        waitForCharts();
        assertEquals(BureauBook.Book.BANK_A_NAME, driver.findElement(By.id("scope")).getText());
        assertFalse(driver.getPageSource().contains(BureauBook.Book.BANK_B_NAME));
        assertFalse(driver.findElement(By.id("table-npl")).getText().contains("LANZHOUBANK"));
        screenshot("bureau-05-dashboard-bank-zh", true);
    }

    @Test
    void aFilterChangesEveryFigureAndABarOpensExactlyTheLoansItCounts() {
        driver.get(base + "/bureau/login?lang=zh-CN");
        signIn(BureauBook.BUREAU_USER);
        waitForCharts();
        Map<String, String> before = pageFigures();
        Map<String, String> tablesBefore = pageTables();

        new Select(driver.findElement(By.id("f-bank"))).selectByValue("LANZHOUBANK");
        driver.findElement(By.id("apply-filters")).click();
        BrowserWait.upTo(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("bank=LANZHOUBANK"));
        waitForCharts();
        Map<String, String> after = pageFigures();
        assertEquals(before.keySet(), after.keySet());
        for (String figure : List.of("loans", "outstanding", "nonPerforming", "nplRatio", "expectedLoss",
                "openAlerts")) {
            assertNotEquals(before.get(figure), after.get(figure), figure + " follows the filter");
        }
        Map<String, String> tablesAfter = pageTables();
        for (var table : tablesBefore.entrySet()) {
            assertNotEquals(table.getValue(), tablesAfter.get(table.getKey()), table.getKey() + " follows the filter");
        }
        assertTrue(driver.findElement(By.id("applied")).getText().contains(BureauBook.Book.BANK_B_NAME));
        screenshot("bureau-06-filtered-zh", true);

        // a real click on the industry chart's first bar opens the loans that bar counts
        WebElement row = driver.findElement(By.cssSelector("#table-byIndustry tbody tr"));
        List<String> cells = row.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList();
        WebElement chart = driver.findElement(By.id("chart-byIndustry"));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", chart);
        // the middle of the first bar, in the viewport's coordinates
        @SuppressWarnings("unchecked")
        List<Number> point = (List<Number>) driver.executeScript(
                "var c = echarts.getInstanceByDom(arguments[0]); var v = c.getOption().series[0].data[0];"
                        + "var p = c.convertToPixel({seriesIndex: 0}, [0, (v.value === undefined ? v : v.value) / 2]);"
                        + "var r = arguments[0].getBoundingClientRect(); return [r.left + p[0], r.top + p[1]];",
                chart);
        new Actions(driver).moveToLocation(point.get(0).intValue(), point.get(1).intValue()).click().perform();
        BrowserWait.upTo(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/bureau/loans"));
        // the new URL is committed before its page is parsed: read the table once the document is complete
        BrowserWait.upTo(driver, Duration.ofSeconds(15))
                .until(d -> "complete".equals(driver.executeScript("return document.readyState")));
        assertTrue(driver.getCurrentUrl().contains("bank=LANZHOUBANK") && driver.getCurrentUrl().contains("industry=C"),
                driver.getCurrentUrl());
        List<WebElement> loans = driver.findElements(By.cssSelector("#table-loans tbody tr"));
        assertEquals(cells.get(1), String.valueOf(loans.size()), "as many loans as the bar counts");
        assertEquals(cells.get(1), driver.findElement(By.id("drill-total")).getAttribute("data-loans"));
        assertTrue(driver.findElement(By.id("drill-total")).getText().contains("合计 " + cells.get(2) + "（万元）"),
                driver.findElement(By.id("drill-total")).getText() + " vs " + cells);
        assertTrue(loans.get(0).getText().contains(BureauBook.Book.BANK_B_NAME), "the bank by name");
        screenshot("bureau-07-loans-zh", true);
        driver.findElement(By.id("back")).click();
        BrowserWait.upTo(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().contains("/bureau?"));
        assertTrue(driver.getCurrentUrl().contains("bank=LANZHOUBANK"), "back keeps the filters");
        waitForCharts();
    }

    /** A real click on a month of the trend chart (its balance bar) opens the loans disbursed in that month. */
    @Test
    void aMonthOfTheTrendChartOpensTheLoansDisbursedInIt() {
        driver.get(base + "/bureau/login?lang=zh-CN");
        signIn(BureauBook.BUREAU_USER);
        waitForCharts();
        WebElement chart = driver.findElement(By.id("chart-trends"));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", chart);
        // the month with the largest balance, and the middle of its bar in the viewport's coordinates
        @SuppressWarnings("unchecked")
        List<Object> target = (List<Object>) driver.executeScript(
                "var c = echarts.getInstanceByDom(arguments[0]); var o = c.getOption();"
                        + "var d = o.series[0].data.map(function (v) { return v.value === undefined ? v : v.value; });"
                        + "var i = d.indexOf(Math.max.apply(null, d));"
                        + "var p = c.convertToPixel({seriesIndex: 0}, [i, d[i] / 2]);"
                        + "var r = arguments[0].getBoundingClientRect();"
                        + "return [r.left + p[0], r.top + p[1], o.xAxis[0].data[i]];", chart);
        String month = target.get(2).toString().substring(0, 7);
        new Actions(driver).moveToLocation(((Number) target.get(0)).intValue(), ((Number) target.get(1)).intValue())
                .click().perform();
        BrowserWait.upTo(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/bureau/loans"));
        // the new URL is committed before its page is parsed: read the table once the document is complete
        BrowserWait.upTo(driver, Duration.ofSeconds(15))
                .until(d -> "complete".equals(driver.executeScript("return document.readyState")));
        assertTrue(driver.getCurrentUrl().contains("month=" + month), driver.getCurrentUrl() + " " + month);
        assertTrue(driver.findElement(By.id("applied")).getText().contains("发放月份"),
                driver.findElement(By.id("applied")).getText());
        List<WebElement> loans = driver.findElements(By.cssSelector("#table-loans tbody tr"));
        assertFalse(loans.isEmpty(), "the month with the largest balance has loans");
        for (WebElement loan : loans) {
            assertTrue(loan.findElements(By.cssSelector("th, td")).get(3).getText().startsWith(month), loan.getText());
        }
        assertEquals(String.valueOf(loans.size()), driver.findElement(By.id("drill-total")).getAttribute("data-loans"));
        assertAccessible("bureau-loans-month-zh");
    }

    @Test
    void theColdLoadIsTheCommonEchartsBundleAndTheScreenshotsAtTwoWidthsInBothLanguages() {
        driver.get(base + "/bureau/login?lang=zh-CN");
        signIn(BureauBook.BUREAU_USER);
        waitForCharts();
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        driver.navigate().refresh();
        waitForCharts();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> loaded = (List<Map<String, Object>>) driver.executeScript(
                "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
                        + ".map(function (e) { return {name: e.name, bytes: e.transferSize}; });");
        long bytes = loaded.stream().mapToLong(e -> ((Number) e.get("bytes")).longValue()).sum();
        System.out.printf("bureau cold load: %.1f KiB over %d requests %s%n", bytes / 1024.0, loaded.size(),
                loaded.stream().map(e -> e.get("name") + "=" + e.get("bytes")).toList());
        assertTrue(loaded.stream().anyMatch(e -> e.get("name").toString().endsWith("echarts.common.min.js")));
        assertFalse(loaded.stream().anyMatch(e -> e.get("name").toString().endsWith("/echarts.min.js")));
        assertTrue(bytes > 100 * 1024 && bytes < 280 * 1024, "cold load " + bytes + " bytes (was 341 KiB)");

        for (String lang : List.of("zh-CN", "en")) {
            String tag = lang.equals("en") ? "en" : "zh";
            for (int width : List.of(1366, 390)) {
                driver.manage().window().setSize(new Dimension(width, 900));
                driver.get(base + "/bureau?lang=" + lang);
                waitForCharts();
                screenshot("bureau-dashboard-" + tag + "-" + width + "-top", false);
                screenshot("bureau-dashboard-" + tag + "-" + width, true);
                assertAccessible("bureau-dashboard-" + tag + "-" + width); // the glossary is on this page
                for (String section : List.of("byBank", "npl", "trends", "risk", "glossary")) {
                    driver.executeScript("arguments[0].scrollIntoView();", driver.findElement(By.id(section)));
                    screenshot("bureau-section-" + section + "-" + tag + "-" + width, false);
                }
                driver.get(base + "/bureau/loans?industry=C&lang=" + lang);
                screenshot("bureau-loans-" + tag + "-" + width, true);
                assertAccessible("bureau-loans-" + tag + "-" + width);
                driver.get(base + "/docs?lang=" + lang);
                BrowserWait.upTo(driver, Duration.ofSeconds(30)).until(d ->
                        !d.findElements(By.cssSelector(".opblock, .swagger-ui")).isEmpty());
                screenshot("docs-" + tag + "-" + width, false);
            }
        }
        browser.severeConsoleEntries(); // /docs is not this page's: its console is its own test's business
    }

    private Map<String, String> pageFigures() {
        Map<String, String> figures = new java.util.LinkedHashMap<>();
        for (WebElement f : driver.findElements(By.cssSelector(".figure"))) {
            figures.put(f.getAttribute("id").substring("figure-".length()), f.findElement(By.tagName("dd")).getText());
        }
        return figures;
    }

    private Map<String, String> pageTables() {
        Map<String, String> tables = new java.util.LinkedHashMap<>();
        for (String id : List.of("byBank", "byIndustry", "byEcoIndustry", "byRegion", "byIpType", "quota", "npl",
                "alerts", "trends", "risk", "stress")) {
            tables.put(id, driver.findElement(By.id("table-" + id)).getText());
        }
        return tables;
    }

    private void signIn(String username) {
        if (!driver.getCurrentUrl().contains("/bureau/login")) {
            driver.get(base + "/bureau/login");
        }
        WebElement name = driver.findElement(By.id("username"));
        name.clear();
        name.sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(BureauBook.PASSWORD);
        driver.findElement(By.id("sign-in")).click();
        BrowserWait.upTo(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith("/bureau"));
    }

    /** Every chart container holds a canvas (or svg), and the risk section has arrived. */
    private void waitForCharts() {
        BrowserWait.upTo(driver, Duration.ofSeconds(60)).until(d ->
                "done".equals(d.findElement(By.id("risk-status")).getAttribute("data-state"))
                        || "failed".equals(d.findElement(By.id("risk-status")).getAttribute("data-state")));
        assertEquals("done", driver.findElement(By.id("risk-status")).getAttribute("data-state"),
                driver.findElement(By.id("risk-status")).getText());
        for (String chart : CHARTS) {
            WebElement el = driver.findElement(By.id("chart-" + chart));
            assertFalse(el.findElements(By.cssSelector("canvas, svg")).isEmpty(), "chart " + chart + " drawn");
            assertTrue(el.getSize().getHeight() > 100 && el.getSize().getWidth() > 100, chart);
        }
    }
}
