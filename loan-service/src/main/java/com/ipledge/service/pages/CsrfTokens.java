package com.ipledge.service.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CSRF protection for a family of forms, as a signed double-submit cookie (micronaut-security's CSRF module does
 * not resolve for this build). The cookie holds a random id and its HMAC; the form carries a second HMAC of that
 * id. A POST is accepted only when the cookie's signature holds and the form's token matches it, so a forged page
 * on another site (which can neither read the cookie nor compute an HMAC) cannot post the form, and a cookie
 * planted through a sibling domain is useless without the key. Each family (the SME form, the bureau pages) has its
 * own cookie, path and key; see {@link CsrfTokensFactory}.
 */
public final class CsrfTokens {
    public static final String FIELD = "csrfToken";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final String cookieName;
    private final String path;
    private final byte[] key;

    /** The token to put in the form and, when the browser had no valid cookie, the cookie to set with the page. */
    public record Issued(String formToken, @Nullable Cookie newCookie) {
    }

    CsrfTokens(String cookieName, String path, byte[] key) {
        this.cookieName = cookieName;
        this.path = path;
        this.key = key.clone();
    }

    /** The form token for the browser's cookie, minting a new cookie when it has none that is validly signed. */
    public Issued issue(HttpRequest<?> request, boolean secure) {
        Optional<String> cookie = validCookie(request);
        if (cookie.isPresent()) {
            return new Issued(formToken(cookie.get()), null);
        }
        byte[] id = new byte[24];
        RANDOM.nextBytes(id);
        String random = B64.encodeToString(id);
        String value = random + "." + hmac("cookie:" + random);
        return new Issued(formToken(value), Cookie.of(cookieName, value).path(path).httpOnly(true)
                .sameSite(SameSite.Strict).secure(secure));
    }

    /** Whether the form's token belongs to the request's (validly signed) cookie. */
    public boolean accepts(HttpRequest<?> request, @Nullable String formToken) {
        if (formToken == null) {
            return false;
        }
        return validCookie(request).map(c -> MessageDigest.isEqual(formToken(c).getBytes(StandardCharsets.US_ASCII),
                formToken.getBytes(StandardCharsets.US_ASCII))).orElse(false);
    }

    /**
     * A key of this browser's own, derived from its (validly signed) cookie: for what the server keeps for that
     * browser alone. Neither the cookie nor the form token, so a page's HTML does not give it away.
     */
    public Optional<String> browserKey(HttpRequest<?> request) {
        return validCookie(request).map(c -> hmac("browser:" + c.substring(0, c.indexOf('.'))));
    }

    private Optional<String> validCookie(HttpRequest<?> request) {
        return request.getCookies().findCookie(cookieName).map(Cookie::getValue).filter(this::signed);
    }

    private String formToken(String cookieValue) {
        return hmac("form:" + cookieValue.substring(0, cookieValue.indexOf('.')));
    }

    private boolean signed(String value) {
        int dot = value.indexOf('.');
        if (dot <= 0 || value.length() > 200) {
            return false;
        }
        String expected = hmac("cookie:" + value.substring(0, dot));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    private String hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
