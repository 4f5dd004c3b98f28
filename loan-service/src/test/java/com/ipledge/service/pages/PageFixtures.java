package com.ipledge.service.pages;

import com.ipledge.service.support.BrowserWait;
import com.ipledge.service.support.Fixtures;
import java.net.URLEncoder;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A filled-in application form as a firm would send it, and small helpers for the page tests. */
final class PageFixtures {
    private static final Pattern HIDDEN = Pattern.compile("name=\"(csrfToken|formToken)\" value=\"([^\"]+)\"");

    private PageFixtures() {
    }

    /** Every field valid: one invention patent and one trademark, unique numbers and credit code. */
    static Map<String, String> validForm(UUID bankId) {
        String creditCode = Fixtures.creditCode();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("bankId", bankId.toString());
        f.put("name", "兰州绿源节能科技有限公司");
        f.put("creditCode", creditCode);
        f.put("industryCode", "C3911");
        f.put("regionCode", "620100");
        f.put("employees", "120");
        f.put("operatingRevenue", "35,000,000");
        f.put("totalAssets", "52000000.00");
        f.put("foundedOn", "2012-05-18");
        f.put("contactName", "张三");
        f.put("contactPhone", "0931-8123456");
        f.put("assets[0].type", "INVENTION_PATENT");
        f.put("assets[0].number", Fixtures.patentNumber(2017, 1));
        f.put("assets[0].title", "一种高效余热回收装置");
        f.put("assets[0].filingDate", "2017-08-10");
        f.put("assets[0].grantDate", "2019-11-05");
        f.put("assets[1].type", "TRADEMARK");
        f.put("assets[1].number", String.valueOf(30_000_000 + Math.abs(creditCode.hashCode() % 1_000_000)));
        f.put("assets[1].title", "绿源");
        f.put("assets[1].filingDate", "2015-02-01");
        f.put("assets[1].registrationDate", "2016-03-14");
        f.put("assets[1].niceClasses", "7, 11");
        f.put("requestedAmount", "3000000");
        f.put("termMonths", "12");
        f.put("purpose", "购买生产设备");
        f.put("consent", "yes");
        return f;
    }

    /** The credit code with a wrong (but well-formed) check character. */
    static String withWrongCheckCharacter(String creditCode) {
        char last = creditCode.charAt(17);
        return creditCode.substring(0, 17) + (last == '0' ? '1' : '0');
    }

    /** A patent number as printed on a certificate: {@code ZL 2017 1 0601862．3}, with a full-width dot. */
    static String asOnCertificate(String digitsDotCheck) {
        String d = digitsDotCheck.substring(0, 12);
        return "ZL " + d.substring(0, 4) + " " + d.charAt(4) + " " + d.substring(5) + "\uFF0E"
                + digitsDotCheck.charAt(13);
    }

    static String urlEncoded(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The hidden csrfToken and formToken of a rendered form. */
    static Map<String, String> hiddenTokens(String html) {
        Map<String, String> tokens = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            tokens.put(m.group(1), m.group(2));
        }
        return tokens;
    }

    /** The first column of the first row, as text. */
    static String text(String databaseUrl, String sql) {
        try (Connection c = DriverManager.getConnection(databaseUrl, "postgres", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(String databaseUrl, String sql) {
        try (Connection c = DriverManager.getConnection(databaseUrl, "postgres", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Types each field as a person would, adding asset rows as needed; dates and selects through their controls. */
    static void fill(WebDriver driver, Map<String, String> form) {
        for (Map.Entry<String, String> e : form.entrySet()) {
            String id = ApplyForm.id(e.getKey());
            while (driver.findElements(By.id(id)).isEmpty()) {
                int rows = driver.findElements(By.cssSelector("fieldset.asset")).size();
                driver.findElement(By.id("add-asset")).click();
                BrowserWait.upTo(driver, Duration.ofSeconds(10)).until(d ->
                        d.findElements(By.cssSelector("fieldset.asset")).size() == rows + 1);
            }
            WebElement input = driver.findElement(By.id(id));
            String type = input.getAttribute("type");
            if (input.getTagName().equals("select")) {
                new Select(input).selectByValue(e.getValue());
            } else if ("checkbox".equals(type)) {
                if (!input.isSelected()) {
                    input.click();
                }
            } else if ("date".equals(type)) {
                // typing into a date control depends on the browser's locale; set the ISO value it submits
                ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", input, e.getValue());
            } else {
                input.clear();
                input.sendKeys(e.getValue());
            }
        }
    }
}
