package com.ipledge.service.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A test class that drives the service's pages in Chromium ({@link Browser}): one browser for the class, a visitor
 * with no cookies before each test, no SEVERE console entry after it, screenshots, and axe-core's audit of the page
 * in view. Subclasses name the page each test starts from.
 */
public abstract class BrowserTestBase extends ApiTestBase {
    /** axe's impacts that fail a test; "moderate" and "minor" are written to the report only. */
    private static final Set<String> FAILING = Set.of("serious", "critical");
    private static final Path AXE_REPORTS = Path.of("target", "axe");

    @Inject
    protected EmbeddedServer server;

    protected Browser browser;
    protected ChromeDriver driver;
    protected String base;

    /** The path a fresh visitor is put on before each test (sets the site for its cookies). */
    protected abstract String startPath();

    @BeforeAll
    final void startBrowser() throws IOException {
        browser = Browser.start();
        driver = browser.driver();
        base = server.getURL().toString();
    }

    @AfterAll
    final void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    final void freshVisitor() {
        browser.freshSession(base + startPath());
    }

    @AfterEach
    final void noConsoleErrors() {
        assertEquals(List.of(), browser.severeConsoleEntries(), "SEVERE browser console entries");
    }

    protected void screenshot(String name, boolean fullPage) {
        browser.screenshot(name, fullPage);
    }

    /**
     * axe-core (WCAG 2.0/2.1/2.2 A and AA, and its best practices) over the page in view: every violation is written
     * to {@code target/axe/<name>.txt} and printed; a serious or critical one fails the test.
     */
    protected void assertAccessible(String name) {
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"))
                .analyze(driver);
        StringBuilder report = new StringBuilder(name + " " + driver.getCurrentUrl() + ": "
                + results.getViolations().size() + " violations, " + results.getPasses().size() + " rules passed\n");
        for (Rule rule : results.getViolations()) {
            report.append("  ").append(rule.getImpact()).append(' ').append(rule.getId()).append(" (")
                    .append(rule.getHelp()).append("): ");
            rule.getNodes().forEach(n -> report.append(n.getTarget()).append(' '));
            report.append('\n');
        }
        System.out.print("axe " + report);
        try {
            Files.createDirectories(AXE_REPORTS);
            Files.writeString(AXE_REPORTS.resolve(name + ".txt"), report, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(List.of(), results.getViolations().stream().filter(r -> FAILING.contains(r.getImpact()))
                .map(Rule::getId).toList(), () -> "serious or critical axe violations on " + report);
    }
}
