package com.ipledge.service.bureau;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Browser;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (Debian's Chromium, headless; the set-up of pages/ApplyPageBrowserTest): sign
 * in, every chart drawn, the risk section loaded after the page, English one click away, bank staff see their
 * bank only, no SEVERE console entries. Screenshots go to target/screenshots/bureau-*.png.
 */
@MicronautTest(transactional = false)
class BureauBrowserTest extends ApiTestBase {
    private static final List<String> CHARTS = List.of("byBank", "byIndustry", "byEcoIndustry", "byRegion",
            "byIpType", "quota", "npl", "alerts", "trends", "risk");

    @Inject
    EmbeddedServer server;

    private Browser browser;
    private ChromeDriver driver;
    private String base;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false");
    }

    @BeforeAll
    void startBrowser() throws IOException {
        browser = Browser.start();
        driver = browser.driver();
        BureauBook.seed(this);
        base = server.getURL().toString();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void freshSession() {
        browser.freshSession(base + "/bureau/login");
    }

    @AfterEach
    void noConsoleErrors() {
        assertEquals(List.of(), browser.severeConsoleEntries(), "SEVERE browser console entries");
    }

    @Test
    void theBureauSignsInSeesEveryChartAndTheRiskSectionAndSwitchesToEnglish() {
        driver.get(base + "/bureau");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/bureau/login"));
        assertEquals("zh-CN", driver.findElement(By.tagName("html")).getAttribute("lang"));
        screenshot("bureau-01-login-zh", false);

        driver.findElement(By.id("username")).sendKeys(BureauBook.BUREAU_USER);
        driver.findElement(By.id("password")).sendKeys("wrong password typed");
        driver.findElement(By.id("sign-in")).click();
        WebElement error = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertEquals("用户名或密码不正确。", error.getText());
        screenshot("bureau-02-login-failed-zh", false);

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
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        waitForCharts();
        assertEquals("IP-pledge lending dashboard", driver.findElement(By.tagName("h1")).getText());
        assertTrue(driver.findElement(By.id("table-risk")).getText().contains("Expected shortfall, ES (99.9%)"));
        assertTrue(driver.findElement(By.id("table-byBank")).getText().contains("Outstanding (yuan)"));
        screenshot("bureau-04-dashboard-en", true);

        driver.findElement(By.id("sign-out")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/bureau/login"));
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

    private void signIn(String username) {
        if (!driver.getCurrentUrl().contains("/bureau/login")) {
            driver.get(base + "/bureau/login");
        }
        WebElement name = driver.findElement(By.id("username"));
        name.clear();
        name.sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(BureauBook.PASSWORD);
        driver.findElement(By.id("sign-in")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith("/bureau"));
    }

    /** Every chart container holds a canvas (or svg), and the risk section has arrived. */
    private void waitForCharts() {
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d ->
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

    private void screenshot(String name, boolean fullPage) {
        browser.screenshot(name, fullPage);
    }
}
