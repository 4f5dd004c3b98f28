package com.ipledge.service.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /bureau/login} backs off per account and per client address: after the free failures each further one
 * locks, and a locked sign-in (even with the right password) is a 429 page with Retry-After, answered at once
 * (faster than a failure's delay: no password check, no sleeping thread); the lock lapses by itself. Each sign-in is
 * sent from its own loopback address (127.0.0.x) so that the two kinds of lock are told apart.
 */
@MicronautTest(transactional = false)
class LoginBackoffTest extends ApiTestBase {
    private static final int FREE = 3;
    /** Long enough that "answered at once" holds on a busy machine; the lock's base outlasts it. */
    private static final long DELAY_MS = 1_500;
    private static final String PASSWORD = "lanzhou noodles at dawn";
    private static final Pattern CSRF = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"");

    @Inject
    EmbeddedServer server;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false",
                "ipledge.pages.login-free-failures", Integer.toString(FREE),
                "ipledge.pages.login-lock-base", "5s",
                "ipledge.pages.login-lock-max", "1m",
                "ipledge.pages.login-failure-delay-ms", Long.toString(DELAY_MS));
    }

    @BeforeAll
    void users() {
        for (String name : List.of("lock.account", "lock.address")) {
            assertEquals(201, post("/api/v1/admin/users", Map.of("username", name, "password", PASSWORD,
                    "role", "BUREAU"), ADMIN_KEY).status());
        }
    }

    @Test
    void anAccountIsLockedAfterItsFreeFailuresWhereverTheGuessesComeFrom() throws InterruptedException {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i <= FREE; i++) { // the last one locks
            Reply r = signIn("127.0.0." + (40 + i), "lock.account", "wrong guess number " + i);
            expect(failures, "wrong guess " + i, r, 200);
        }
        Reply locked = signIn("127.0.0.60", "LOCK.account ", PASSWORD);
        expect(failures, "the right password while locked, from a fresh address, spelt otherwise", locked, 429);
        assertTrue(locked.text.toLowerCase().contains("\r\nretry-after: "), locked.text);
        assertTrue(locked.text.contains("请等待"), "the page's language: " + locked.text);
        assertTrue(locked.millis < DELAY_MS, "answered at once: " + locked.millis + " ms");
        Thread.sleep(5_100); // the first lock is the base, 5 s
        expect(failures, "the right password once the lock has lapsed", signIn("127.0.0.61", "lock.account",
                PASSWORD), 303);
        assertTrue(failures.isEmpty(), (FREE + 3) + " probes, failed: " + failures);
    }

    @Test
    void anAddressIsLockedAfterItsFreeFailuresWhateverTheAccount() {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i <= FREE; i++) {
            expect(failures, "unknown user " + i, signIn("127.0.0.80", "nobody." + i, "some guess here"), 200);
        }
        Reply locked = signIn("127.0.0.80", "lock.address", PASSWORD);
        expect(failures, "the right password from the locked address", locked, 429);
        assertTrue(locked.millis < DELAY_MS, "answered at once: " + locked.millis + " ms");
        expect(failures, "the right password from another address", signIn("127.0.0.81", "lock.address", PASSWORD),
                303);
        assertTrue(failures.isEmpty(), (FREE + 3) + " probes, failed: " + failures);
    }

    private static void expect(List<String> failures, String probe, Reply r, int status) {
        if (r.status != status) {
            failures.add(probe + ": " + r.status + " (expected " + status + ")");
        }
    }

    private record Reply(int status, String text, long millis) {
    }

    /** GETs the form for its CSRF cookie and token, then POSTs the sign-in over a socket bound to {@code from}. */
    private Reply signIn(String from, String username, String password) {
        Answer form = send(HttpRequest.GET("/bureau/login").header("Accept-Language", "zh-CN"));
        String cookies = form.headers().getAll("Set-Cookie").stream().map(c -> c.substring(0, c.indexOf(';')))
                .collect(Collectors.joining("; "));
        Matcher csrf = CSRF.matcher(form.raw());
        assertTrue(csrf.find(), "the page has a CSRF token");
        byte[] body = ("csrfToken=" + enc(csrf.group(1)) + "&username=" + enc(username) + "&password="
                + enc(password)).getBytes(StandardCharsets.UTF_8);
        long started = System.nanoTime();
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), server.getPort(),
                InetAddress.getByName(from), 0)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /bureau/login HTTP/1.1\r\nHost: localhost:" + server.getPort() + "\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n"
                    + "Cookie: " + cookies + "\r\nAccept-Language: zh-CN\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Reply(Integer.parseInt(text.substring(9, 12)), text, (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
