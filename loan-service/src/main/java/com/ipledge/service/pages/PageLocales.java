package com.ipledge.service.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The language of a page: {@code ?lang=} (which then sticks in a cookie), else that cookie, else the browser's
 * Accept-Language, else Chinese. Only zh-CN and en are offered; resolved here rather than by the server-wide
 * locale resolver so that no other part of the service changes behaviour.
 */
public final class PageLocales {
    public static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    public static final Locale EN = Locale.ENGLISH;
    public static final String COOKIE = "ipledge_lang";
    private static final List<Locale.LanguageRange> NONE = List.of();

    private PageLocales() {
    }

    /** The locale for this request. */
    public static Locale resolve(HttpRequest<?> request, @Nullable String lang) {
        return chosen(lang)
                .or(() -> request.getCookies().findCookie(COOKIE).flatMap(c -> chosen(c.getValue())))
                .orElseGet(() -> fromAcceptLanguage(request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE)));
    }

    /** The cookie that keeps an explicit choice, when the request made one. */
    public static Optional<Cookie> stickyCookie(@Nullable String lang, boolean secure) {
        return chosen(lang).map(locale -> Cookie.of(COOKIE, tag(locale))
                .path("/")
                .maxAge(Duration.ofDays(365))
                .sameSite(SameSite.Lax)
                .httpOnly(true)
                .secure(secure));
    }

    /** {@code response} with the language cookie set when the request chose one ({@code ?lang=}). */
    static MutableHttpResponse<String> sticky(MutableHttpResponse<String> response, HttpRequest<?> request,
                                              @Nullable String lang) {
        stickyCookie(lang, PageResponses.secure(request)).ifPresent(response::cookie);
        return response;
    }

    public static String tag(Locale locale) {
        return locale.equals(EN) ? "en" : "zh-CN";
    }

    /** The language switch on a page leads to the other language. */
    public static Locale other(Locale locale) {
        return locale.equals(EN) ? ZH : EN;
    }

    private static Optional<Locale> chosen(@Nullable String lang) {
        if (lang == null) {
            return Optional.empty();
        }
        String l = lang.strip().toLowerCase(Locale.ROOT);
        if (l.equals("en") || l.startsWith("en-") || l.startsWith("en_")) {
            return Optional.of(EN);
        }
        if (l.equals("zh") || l.startsWith("zh-") || l.startsWith("zh_")) {
            return Optional.of(ZH);
        }
        return Optional.empty();
    }

    static Locale fromAcceptLanguage(@Nullable String header) {
        List<Locale.LanguageRange> ranges;
        try {
            ranges = header == null || header.isBlank() ? NONE : Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException e) {
            ranges = NONE;
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() > 0) {
                Optional<Locale> match = chosen(range.getRange());
                if (match.isPresent()) {
                    return match.get();
                }
            }
        }
        return ZH;
    }
}
