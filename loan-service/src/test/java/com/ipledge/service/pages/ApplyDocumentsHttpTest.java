package com.ipledge.service.pages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 over real HTTP: a second filing of the same firm and rights while the first is open is refused (also
 * when sent at the same moment), the status page carries a short phone reference and the history in words, and a
 * document uploaded from the status page is kept as the type its bytes are and reaches the bank's officer (and
 * only that bank's).
 */
@MicronautTest(transactional = false)
class ApplyDocumentsHttpTest extends ApiTestBase {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H',
        'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, (byte) 0xC4, (byte) 0x89};

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private UUID bank;
    private String officer;
    private String otherOfficer;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.pages.csrf-secret", "test-secret-for-the-pages-0123456789",
                "ipledge.jobs.enabled", "false");
    }

    @BeforeAll
    void bank() {
        bank = createBank("DOCBANK");
        officer = apiKey("BANK_OFFICER", bank);
        otherOfficer = apiKey("BANK_OFFICER", createBank("DOCOTHER"));
        assertEquals(201, post("/api/v1/quota-plans", Map.of("bankId", bank, "year", thisYear(), "amount",
                "100000000"), apiKey("BUREAU", null)).status());
    }

    @AfterAll
    void stop() {
        pool.shutdownNow();
    }

    /** One visitor: its CSRF cookie, and the tokens of the form it was last shown. */
    private final class Visitor {
        String cookie;
        String filedCookie;
        Map<String, String> tokens;

        void open() throws Exception {
            HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/apply")).GET());
            assertEquals(200, page.statusCode());
            page.headers().allValues("set-cookie").stream()
                    .filter(c -> c.startsWith(CsrfTokensFactory.APPLY_COOKIE + "=")).findFirst()
                    .ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
            tokens = PageFixtures.hiddenTokens(page.body());
        }

        HttpResponse<String> submit(Map<String, String> form) throws Exception {
            Map<String, String> body = new java.util.LinkedHashMap<>(tokens);
            body.putAll(form);
            HttpResponse<String> a = send(HttpRequest.newBuilder(uri("/apply"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(PageFixtures.urlEncoded(body))));
            a.headers().allValues("set-cookie").stream()
                    .filter(c -> c.startsWith(ApplyController.FILED_COOKIE + "=")).findFirst()
                    .ifPresent(c -> filedCookie = c.substring(0, c.indexOf(';')));
            return a;
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            String cookies = String.join("; ", java.util.stream.Stream.of(cookie, filedCookie)
                    .filter(java.util.Objects::nonNull).toList());
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies);
            }
            return http.send(request.header("Accept-Language", "zh-CN").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        HttpResponse<String> upload(String statusPath, String kind, String fileName, byte[] content)
                throws Exception {
            String csrf = PageFixtures.hiddenTokens(send(HttpRequest.newBuilder(uri(statusPath)).GET()).body())
                    .get("csrfToken");
            String boundary = "----ipledge" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            part(body, boundary, "Content-Disposition: form-data; name=\"csrfToken\"", csrf.getBytes());
            part(body, boundary, "Content-Disposition: form-data; name=\"kind\"", kind.getBytes());
            part(body, boundary, "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/pdf", content);
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            return send(HttpRequest.newBuilder(uri(statusPath + "/documents"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        }
    }

    private static void part(ByteArrayOutputStream out, String boundary, String headers, byte[] content)
            throws IOException {
        out.write(("--" + boundary + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private URI uri(String path) {
        return URI.create(server.getURL() + path);
    }

    private long intakesOf(String creditCode) {
        return PageFixtures.count(databaseUrl(), "SELECT count(*) FROM public_intake WHERE credit_code = '"
                + creditCode + "'");
    }

    @Test
    void aSecondFilingOfTheSameFirmAndRightsIsRefusedAndPointsAtTheFirst() throws Exception {
        Map<String, String> form = PageFixtures.validForm(bank);
        Visitor firm = new Visitor();
        firm.open();
        HttpResponse<String> first = firm.submit(form);
        assertEquals(303, first.statusCode(), first.body());
        String status = first.headers().firstValue("location").orElseThrow();

        // back, a fresh form (a new form token, so no idempotent replay) with the same facts
        firm.open();
        HttpResponse<String> again = firm.submit(form);
        assertEquals(200, again.statusCode());
        assertTrue(again.body().contains("此申请已提交"), again.body());
        assertTrue(again.body().contains("id=\"existing-status\"") && again.body().contains("href=\"" + status + "\""),
                "the filing browser is led to its status page");
        assertEquals(1, intakesOf(form.get("creditCode")));

        // a stranger typing the same public facts learns that it is filed, not where its page is
        Visitor stranger = new Visitor();
        stranger.open();
        HttpResponse<String> strangers = stranger.submit(form);
        assertTrue(strangers.body().contains("此申请已提交"));
        assertTrue(!strangers.body().contains(status) && !strangers.body().contains("existing-status"));
        assertEquals(1, intakesOf(form.get("creditCode")));

        // other rights of the same firm are another filing
        Map<String, String> other = new java.util.LinkedHashMap<>(form);
        other.remove("assets[1].type");
        other.remove("assets[1].number");
        other.remove("assets[1].title");
        other.remove("assets[1].filingDate");
        other.remove("assets[1].registrationDate");
        other.remove("assets[1].niceClasses");
        stranger.open();
        assertEquals(303, stranger.submit(other).statusCode());
        assertEquals(2, intakesOf(form.get("creditCode")));
    }

    /** Four submissions of the same facts at the same moment, each with its own form: one intake. */
    @Test
    void concurrentDuplicatesFileOnce() throws Exception {
        Map<String, String> form = PageFixtures.validForm(bank);
        List<Visitor> visitors = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Visitor v = new Visitor();
            v.open();
            visitors.add(v);
        }
        List<Future<Integer>> answers = new ArrayList<>();
        for (Visitor v : visitors) {
            answers.add(pool.submit((Callable<Integer>) () -> v.submit(form).statusCode()));
        }
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : answers) {
            codes.add(f.get());
        }
        assertEquals(1, codes.stream().filter(c -> c == 303).count(), codes.toString());
        assertEquals(3, codes.stream().filter(c -> c == 200).count(), codes.toString());
        assertEquals(1, intakesOf(form.get("creditCode")));
    }

    @Test
    void anUploadIsKeptByItsBytesTypeAndReachesOnlyItsBank() throws Exception {
        Map<String, String> form = PageFixtures.validForm(bank);
        Visitor firm = new Visitor();
        firm.open();
        String status = firm.submit(form).headers().firstValue("location").orElseThrow();
        HttpResponse<String> page = firm.send(HttpRequest.newBuilder(uri(status)).GET());
        assertTrue(page.body().contains("<meta name=\"robots\" content=\"noindex, nofollow\">"));
        assertTrue(page.body().contains("提交成功"));
        assertTrue(page.body().contains("已提交，银行已收到"), "history in words");
        assertTrue(!page.body().contains("SUBMITTED") && !page.body().contains("(RECEIVED)"), "no status codes");
        assertEquals(1, PageFixtures.count(databaseUrl(), "SELECT count(*) FROM public_intake WHERE credit_code = '"
                + form.get("creditCode") + "' AND reference ~ '^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$'"),
                "an 8-character reference without look-alikes");

        // a text file named .pdf is refused by its bytes, and nothing is kept
        HttpResponse<String> fake = firm.upload(status, "BUSINESS_LICENCE", "licence.pdf",
                "not a pdf at all".getBytes(StandardCharsets.US_ASCII));
        assertEquals(200, fake.statusCode());
        assertTrue(fake.body().contains("id=\"upload-error\""), fake.body());
        // a PNG named .pdf is kept as the PNG it is
        HttpResponse<String> kept = firm.upload(status, "PATENT_CERTIFICATE", "证书.pdf", PNG);
        assertEquals(303, kept.statusCode(), kept.body());
        assertTrue(firm.send(HttpRequest.newBuilder(uri(status)).GET()).body().contains("证书.pdf"));

        String intakeId = PageFixtures.text(databaseUrl(),
                "SELECT id::text FROM public_intake WHERE credit_code = '" + form.get("creditCode") + "'");
        Answer view = get("/api/v1/intakes/" + intakeId, officer);
        assertEquals(200, view.status(), view.raw());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> documents = (List<Map<String, Object>>) ((Map<String, Object>) view.json())
                .get("documents");
        assertEquals(1, documents.size(), "the refused file is not kept");
        Map<String, Object> d = documents.get(0);
        assertEquals("PATENT_CERTIFICATE", d.get("kind"));
        assertEquals("image/png", d.get("contentType"));
        assertEquals(PNG.length, d.get("size"));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PNG)), d.get("sha256"));
        assertNotEquals(null, ((Map<?, ?>) view.json()).get("reference"));

        HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(uri((String) d.get("href")))
                .header("Authorization", "Bearer " + officer).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        assertEquals("image/png", download.headers().firstValue("content-type").orElseThrow());
        assertArrayEquals(PNG, download.body());
        HttpResponse<byte[]> otherBank = http.send(HttpRequest.newBuilder(uri((String) d.get("href")))
                .header("Authorization", "Bearer " + otherOfficer).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(404, otherBank.statusCode());
        assertEquals(404, get("/api/v1/intakes/" + intakeId, otherOfficer).status());
    }
}
