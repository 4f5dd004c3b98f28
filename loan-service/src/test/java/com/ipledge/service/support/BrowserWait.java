package com.ipledge.service.support;

import java.time.Duration;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A browser wait that retries across a page load: an element found just before the page is replaced goes stale. */
public final class BrowserWait {
    private BrowserWait() {
    }

    public static WebDriverWait upTo(WebDriver driver, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }
}
