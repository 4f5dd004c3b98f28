package com.ipledge.service.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The form is throttled per client address and per bank: 25 scripted filings in a burst do not all go through,
 * whether from one address or from 25 (each sent from its own loopback address, 127.0.0.x). The rest answer the
 * 429 page in the page's language with Retry-After, and file nothing. Small limits of its own.
 */
@MicronautTest(transactional = false)
class ApplyThrottleTest extends ApiTestBase {
    private static final int PER_ADDRESS = 5;
    private static final int PER_BANK = 8;
    private static final int BURST = 25;

    @Inject
    EmbeddedServer server;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.pages.csrf-secret", "test-secret-for-the-pages-0123456789",
                "ipledge.pages.apply.per-address-per-minute", Integer.toString(PER_ADDRESS),
                "ipledge.pages.apply.per-bank-per-minute", Integer.toString(PER_BANK));
    }

    private UUID oneAddressBank;
    private UUID manyAddressesBank;

    @BeforeAll
    void banksWithQuota() {
        String bureau = apiKey("BUREAU", null);
        oneAddressBank = createBank("THROTTLEA");
        manyAddressesBank = createBank("THROTTLEB");
        for (UUID bank : List.of(oneAddressBank, manyAddressesBank)) {
            assertEquals(201, post("/api/v1/quota-plans", Map.of("bankId", bank, "year", thisYear(), "amount",
                    "1000000000"), bureau).status(), "a bank is offered on the form only while it has quota left");
        }
    }

    @Test
    void aBurstFromOneAddressIsCutAtItsLimit() {
        List<Integer> statuses = burst(oneAddressBank, i -> "127.0.0.1", "zh-CN");
        assertEquals(PER_ADDRESS, statuses.stream().filter(s -> s == 303).count(), statuses::toString);
        assertEquals(BURST - PER_ADDRESS, statuses.stream().filter(s -> s == 429).count(), statuses::toString);
        assertEquals(PER_ADDRESS, filedFor(oneAddressBank));
    }

    @Test
    void aBurstFromManyAddressesIsCutAtTheBanksLimit() {
        List<Integer> statuses = burst(manyAddressesBank, i -> "127.0.0." + (10 + i), "en");
        assertEquals(PER_BANK, statuses.stream().filter(s -> s == 303).count(), statuses::toString);
        assertEquals(BURST - PER_BANK, statuses.stream().filter(s -> s == 429).count(), statuses::toString);
        assertEquals(PER_BANK, filedFor(manyAddressesBank));
    }

    private long filedFor(UUID bank) {
        // a filing is kept as the bank's intake (issue 17), not filed as an application
        return PageFixtures.count(databaseUrl(), "SELECT count(*) FROM public_intake WHERE bank_id = '" + bank
                + "'");
    }

    /** Opens the form BURST times, then posts the filled forms back to back; the 429s are checked as they come. */
    private List<Integer> burst(UUID bank, java.util.function.IntFunction<String> from, String language) {
        List<String[]> prepared = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            Answer form = send(HttpRequest.GET("/apply"));
            String setCookie = form.headers().getAll("Set-Cookie").stream()
                    .filter(c -> c.startsWith(CsrfTokensFactory.APPLY_COOKIE + "=")).findFirst().orElseThrow();
            Map<String, String> body = new LinkedHashMap<>(PageFixtures.hiddenTokens(form.raw()));
            body.putAll(PageFixtures.validForm(bank));
            prepared.add(new String[] {setCookie.substring(0, setCookie.indexOf(';')),
                    PageFixtures.urlEncoded(body)});
        }
        List<Integer> statuses = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < BURST; i++) {
            String response = postFrom(from.apply(i), prepared.get(i)[0], prepared.get(i)[1], language);
            int status = Integer.parseInt(response.substring(9, 12));
            statuses.add(status);
            if (status == 429) {
                assertTrue(response.toLowerCase().contains("\r\nretry-after: "), response);
                assertTrue(response.contains(language.equals("en") ? "Please wait" : "请等待"), response);
            }
        }
        assertTrue(System.nanoTime() - started < 5_000_000_000L, "a burst, well inside the refill time");
        return statuses;
    }

    /** One HTTP/1.1 POST /apply over a socket bound to {@code localAddress}: the server sees that client address. */
    private String postFrom(String localAddress, String cookie, String body, String language) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), server.getPort(),
                InetAddress.getByName(localAddress), 0)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /apply HTTP/1.1\r\nHost: localhost:" + server.getPort() + "\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + bytes.length + "\r\n"
                    + "Cookie: " + cookie + "\r\nAccept-Language: " + language + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
