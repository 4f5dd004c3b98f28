package com.ipledge.service.pages;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CSRF protection for the form, as a signed double-submit cookie (micronaut-security's CSRF module does not
 * resolve for this build). The cookie holds a random id and its HMAC; the form carries a second HMAC of that id.
 * A POST is accepted only when the cookie's signature holds and the form's token matches it, so a forged page on
 * another site (which can neither read the cookie nor compute an HMAC) cannot post the form, and a cookie planted
 * through a sibling domain is useless without the key. The key comes from {@code ipledge.pages.csrf-secret}
 * (environment {@code IPLEDGE_PAGES_SECRET}); every instance behind a load balancer needs the same one.
 */
@Singleton
class CsrfTokens {
    static final String COOKIE = "ipledge_csrf";
    static final String FIELD = "csrfToken";
    private static final Logger LOG = LoggerFactory.getLogger(CsrfTokens.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;

    CsrfTokens(@Value("${ipledge.pages.csrf-secret:}") String secret) {
        if (secret == null || secret.isBlank()) {
            LOG.warn("ipledge.pages.csrf-secret is not set: using a random key, so form pages do not survive a "
                    + "restart and instances do not share them; set IPLEDGE_PAGES_SECRET when running several");
            this.key = new byte[32];
            RANDOM.nextBytes(key);
        } else {
            this.key = secret.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The browser's current cookie value if its signature holds. */
    Optional<String> validCookie(HttpRequest<?> request) {
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).filter(this::signed);
    }

    /** A fresh cookie value: random id and its signature. */
    String newCookieValue() {
        byte[] id = new byte[24];
        RANDOM.nextBytes(id);
        String random = B64.encodeToString(id);
        return random + "." + hmac("cookie:" + random);
    }

    Cookie cookie(String value, boolean secure) {
        return Cookie.of(COOKIE, value).path("/").httpOnly(true).sameSite(SameSite.Strict).secure(secure);
    }

    /** The form field that goes with a cookie value. */
    String formToken(String cookieValue) {
        return hmac("form:" + cookieValue.substring(0, cookieValue.indexOf('.')));
    }

    /** Whether the form's token belongs to the request's (validly signed) cookie. */
    boolean accepts(HttpRequest<?> request, @Nullable String formToken) {
        if (formToken == null) {
            return false;
        }
        return validCookie(request).map(c -> MessageDigest.isEqual(formToken(c).getBytes(StandardCharsets.US_ASCII),
                formToken.getBytes(StandardCharsets.US_ASCII))).orElse(false);
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
