package com.ipledge.service.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.BrowserTestBase;
import com.ipledge.service.support.BrowserWait;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 20, the applicant's journey in Chromium: back after a submit and submit again files nothing new; the
 * pickers find an industry by "中药" and a county by name; one asset row grows with "添加一项"; a document uploaded
 * on the status page reaches the bank's officer; and screenshots of every page in both languages at 1366 and 390
 * pixels wide (target/screenshots/), each audited by axe-core (target/axe/).
 */
@MicronautTest(transactional = false)
class SmeJourneyBrowserTest extends BrowserTestBase {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H',
        'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, (byte) 0xC4, (byte) 0x89};

    private UUID bank;
    private String officer;

    @Override
    protected String startPath() {
        return "/";
    }

    @BeforeAll
    void aBankWithQuota() {
        bank = createBank("SMEBANK");
        officer = apiKey("BANK_OFFICER", bank);
        assertEquals(201, post("/api/v1/quota-plans", Map.of("bankId", bank, "year", thisYear(), "amount",
                "100000000"), apiKey("BUREAU", null)).status());
    }

    @Test
    void backAndSubmitAgainFilesNoDuplicateAndLeadsToTheFirstFiling() {
        // one right: back then lands on the form itself
        Map<String, String> form = PageFixtures.validForm(bank);
        form.keySet().removeIf(k -> k.startsWith("assets[1]."));
        driver.get(base + "/apply");
        PageFixtures.fill(driver, form);
        driver.findElement(By.id("submit")).click();
        BrowserWait.upTo(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/status/"));
        String statusUrl = driver.getCurrentUrl();
        assertEquals(1, intakesOf(form.get("creditCode")));

        driver.navigate().back();
        BrowserWait.upTo(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/apply"));
        PageFixtures.fill(driver, form);
        driver.findElement(By.id("submit")).click();
        WebElement summary = BrowserWait.upTo(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
        assertTrue(summary.getText().contains("此申请已提交"), summary.getText());
        assertEquals(1, intakesOf(form.get("creditCode")), "no second intake");
        driver.findElement(By.id("existing-status")).click();
        BrowserWait.upTo(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(statusUrl));
        assertEquals("提交成功", driver.findElement(By.tagName("h1")).getText());
    }

    @Test
    void theIndustryPickerFindsChineseMedicineAndTheRegionPickerACounty() {
        driver.get(base + "/apply");
        WebElement industry = driver.findElement(By.id("f-industryCode"));
        industry.sendKeys("中药");
        // what Chromium's list under the field offers for the typed text: the options containing it
        List<String> offered = offered("industries", "中药");
        assertTrue(offered.contains("C2730 中药饮片加工"), offered.toString());
        assertTrue(offered.contains("A017 中药材种植"), offered.toString());
        assertTrue(offered("regions", "榆中").contains("620123 榆中县"), offered("regions", "榆中").toString());

        Map<String, String> form = PageFixtures.validForm(bank);
        form.put("industryCode", "中药饮片加工");
        form.put("regionCode", "榆中县");
        PageFixtures.fill(driver, form);
        driver.findElement(By.id("submit")).click();
        BrowserWait.upTo(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/status/"));
        assertEquals("C2730/620123", PageFixtures.text(databaseUrl(), "SELECT industry_code || '/' || region_code"
                + " FROM public_intake WHERE credit_code = '" + form.get("creditCode") + "'"));
        String summary = driver.findElement(By.id("summary")).getText();
        assertTrue(summary.contains("C2730 中药饮片加工") && summary.contains("620123 甘肃省 兰州市 榆中县"), summary);
    }

    /** With script, "添加一项" adds the row in the page: no request, no history entry, nothing typed lost. */
    @Test
    void oneAssetRowGrowsWithAddAnotherInThePageAndKeepsWhatWasTyped() {
        driver.get(base + "/apply");
        assertEquals(1, driver.findElements(By.cssSelector("fieldset.asset")).size(), "one row to start");
        driver.findElement(By.id("f-assets-0-title")).sendKeys("一种高效余热回收装置");
        driver.findElement(By.id("f-name")).sendKeys("兰州绿源节能科技有限公司");
        long history = (Long) driver.executeScript("return history.length;");
        String url = driver.getCurrentUrl();
        driver.findElement(By.id("add-asset")).click();
        BrowserWait.upTo(driver, Duration.ofSeconds(10)).until(d ->
                d.findElements(By.cssSelector("fieldset.asset")).size() == 2);
        assertEquals(url, driver.getCurrentUrl(), "no round trip");
        assertEquals(history, (Long) driver.executeScript("return history.length;"), "nothing for Back to undo");
        assertEquals("一种高效余热回收装置", driver.findElement(By.id("f-assets-0-title")).getAttribute("value"));
        assertEquals("兰州绿源节能科技有限公司", driver.findElement(By.id("f-name")).getAttribute("value"));
        assertEquals("f-assets-1-type", driver.switchTo().activeElement().getAttribute("id"),
                "the new row takes the focus");
        List<WebElement> legends = driver.findElements(By.cssSelector("fieldset.asset legend"));
        assertEquals("知识产权 2", legends.get(1).getText());
        WebElement title = driver.findElement(By.id("f-assets-1-title"));
        assertEquals("assets[1].title", title.getAttribute("name"));
        assertEquals("", title.getAttribute("value"), "the new row is empty");
        assertEquals("f-assets-1-title", driver.findElement(By.cssSelector("label[for='f-assets-1-title']"))
                .getAttribute("for"));
        assertEquals("2", driver.findElement(By.name("assetRows")).getAttribute("value"));
        assertTrue(driver.findElements(By.id("error-summary")).isEmpty(), "nothing checked yet");
        for (int rows = 3; rows <= ApplyForm.ASSET_ROWS; rows++) {
            driver.findElement(By.id("add-asset")).click();
        }
        assertEquals(ApplyForm.ASSET_ROWS, driver.findElements(By.cssSelector("fieldset.asset")).size());
        assertFalse(driver.findElement(By.id("add-asset")).isDisplayed(), "no sixth row");
        assertAccessible("sme-form-five-rows-zh");

        // the rows the script made are the server's: a form filled through them is filed
        Map<String, String> form = PageFixtures.validForm(bank);
        PageFixtures.fill(driver, form);
        driver.findElement(By.id("submit")).click();
        BrowserWait.upTo(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/status/"));
        assertEquals(2, PageFixtures.count(databaseUrl(), "SELECT count(*) FROM public_intake_asset a JOIN "
                + "public_intake i ON i.id = a.intake_id WHERE i.credit_code = '" + form.get("creditCode") + "'"));
    }

    /**
     * Without script (the button's handler removed, as in a browser that ran none) the button posts the form; the
     * answer redirects to the form as typed with one row more, so Back returns to the form and reload shows the
     * same, neither asking to resubmit a form.
     */
    @Test
    void withoutScriptAddingARowLeavesNoPostInTheHistory() {
        driver.get(base + "/apply");
        driver.findElement(By.id("f-name")).sendKeys("兰州绿源节能科技有限公司");
        driver.findElement(By.id("f-assets-0-title")).sendKeys("一种高效余热回收装置");
        driver.executeScript("var b = document.getElementById('add-asset'); b.replaceWith(b.cloneNode(true));");
        driver.findElement(By.id("add-asset")).click();
        BrowserWait.upTo(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/apply?draft="));
        String draft = driver.getCurrentUrl();
        assertEquals(2, driver.findElements(By.cssSelector("fieldset.asset")).size());
        assertEquals("兰州绿源节能科技有限公司", driver.findElement(By.id("f-name")).getAttribute("value"));
        assertEquals("一种高效余热回收装置", driver.findElement(By.id("f-assets-0-title")).getAttribute("value"));
        assertEquals("f-assets-1-type", driver.switchTo().activeElement().getAttribute("id"));

        driver.navigate().refresh();
        assertEquals(draft, driver.getCurrentUrl());
        assertEquals("兰州绿源节能科技有限公司", driver.findElement(By.id("f-name")).getAttribute("value"),
                "reload shows the same form, without a resubmission");
        driver.navigate().back();
        BrowserWait.upTo(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(base + "/apply"));
        assertEquals(1, driver.findElements(By.id("apply-form")).size(), "Back is the form, not a resubmit page");
        driver.navigate().forward();
        BrowserWait.upTo(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(draft));
        assertEquals(2, driver.findElements(By.cssSelector("fieldset.asset")).size());
        assertEquals("一种高效余热回收装置", driver.findElement(By.id("f-assets-0-title")).getAttribute("value"));
    }

    @Test
    void anUploadOnTheStatusPageIsStoredAndShownToTheBank() throws IOException {
        Map<String, String> form = PageFixtures.validForm(bank);
        driver.get(base + "/apply");
        PageFixtures.fill(driver, form);
        driver.findElement(By.id("submit")).click();
        BrowserWait.upTo(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/status/"));
        Path file = Files.createTempFile("营业执照", ".png");
        Files.write(file, PNG);
        new Select(driver.findElement(By.id("document-kind"))).selectByValue("BUSINESS_LICENCE");
        driver.findElement(By.id("document-file")).sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.id("upload")).click();
        WebElement list = BrowserWait.upTo(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("document-list")));
        assertTrue(list.getText().contains("营业执照") && list.getText().contains(file.getFileName().toString()),
                list.getText());

        String intakeId = PageFixtures.text(databaseUrl(), "SELECT id::text FROM public_intake WHERE credit_code = '"
                + form.get("creditCode") + "'");
        Answer view = get("/api/v1/intakes/" + intakeId, officer);
        assertEquals(200, view.status(), view.raw());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> documents = (List<Map<String, Object>>) ((Map<String, Object>) view.json())
                .get("documents");
        assertEquals(1, documents.size());
        assertEquals("BUSINESS_LICENCE", documents.get(0).get("kind"));
        assertEquals("image/png", documents.get(0).get("contentType"));
        assertEquals(file.getFileName().toString(), documents.get(0).get("fileName"));
        Files.delete(file);
    }

    /** Each page of the applicant (empty form, form with errors, status) in both languages, wide and narrow. */
    @Test
    void screenshotsOfEveryPageInBothLanguagesAt1366And390PixelsWide() {
        for (String lang : List.of("zh-CN", "en")) {
            for (int width : List.of(1366, 390)) {
                driver.manage().deleteAllCookies();
                driver.manage().window().setSize(new Dimension(width, width > 1000 ? 900 : 844));
                String tag = (lang.equals("en") ? "en" : "zh") + "-" + width;
                driver.get(base + "/?lang=" + lang);
                assertAccessible("home-" + tag);
                driver.get(base + "/apply?lang=" + lang);
                assertEquals(lang, driver.findElement(By.tagName("html")).getAttribute("lang"));
                long scrollWidth = (Long) ((JavascriptExecutor) driver)
                        .executeScript("return document.documentElement.scrollWidth;");
                assertTrue(scrollWidth <= width, tag + ": no sideways scrolling, " + scrollWidth);
                screenshot("sme-form-empty-" + tag, false);
                assertAccessible("sme-form-empty-" + tag);

                Map<String, String> form = PageFixtures.validForm(bank);
                String good = form.get("creditCode");
                form.put("creditCode", PageFixtures.withWrongCheckCharacter(good));
                PageFixtures.fill(driver, form);
                driver.findElement(By.id("submit")).click();
                BrowserWait.upTo(driver, Duration.ofSeconds(20))
                        .until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
                screenshot("sme-form-errors-" + tag, false);
                assertAccessible("sme-form-errors-" + tag);

                WebElement creditCode = driver.findElement(By.id("f-creditCode"));
                creditCode.clear();
                creditCode.sendKeys(good);
                driver.findElement(By.id("submit")).click();
                BrowserWait.upTo(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/status/"));
                assertEquals(lang, driver.findElement(By.tagName("html")).getAttribute("lang"));
                assertTrue(driver.findElement(By.id("reference")).getText().matches("[23456789A-HJKMNP-Z]{8}"));
                screenshot("sme-status-" + tag, false);
                assertAccessible("sme-status-" + tag);
            }
        }
        driver.manage().window().setSize(new Dimension(1280, 1600));
    }

    /** The options of a datalist whose value contains the typed text, as Chromium filters them. */
    @SuppressWarnings("unchecked")
    private List<String> offered(String datalist, String typed) {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('#' + arguments[0] + ' option'))"
                        + ".map(o => o.value).filter(v => v.includes(arguments[1]));", datalist, typed);
    }

    private long intakesOf(String creditCode) {
        return PageFixtures.count(databaseUrl(), "SELECT count(*) FROM public_intake WHERE credit_code = '"
                + creditCode + "'");
    }
}
