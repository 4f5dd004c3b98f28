package com.ipledge.service.bureau;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Signed-in browsers. A session id is 256 random bits (base64url in the {@code ipledge_session} cookie); the
 * database keeps only its SHA-256 in {@code web_session}, so every instance shares sessions and a copy of the
 * table opens none. Sessions expire after 8 hours without use (sliding: each use moves the expiry forward);
 * signing out deletes the row. The cookie is HttpOnly, SameSite=Lax, path {@code /bureau}, and Secure when the
 * request came over https or {@code ipledge.pages.secure-cookies} is true. It carries no Max-Age: it ends with
 * the browser, and the server's expiry decides before that.
 */
@Singleton
public class WebSessions {
    public static final String COOKIE = "ipledge_session";
    public static final Duration IDLE_EXPIRY = Duration.ofHours(8);
    static final String PATH = "/bureau";
    /** The expiry is moved forward at most once a minute per session, not on every request. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final UserRepository repository;
    private final Clock clock;
    private final boolean secureCookies;

    public WebSessions(UserRepository repository, Clock clock,
                       CookieSettings cookies) {
        this.repository = repository;
        this.clock = clock;
        this.secureCookies = cookies.secureCookies();
    }

    /** A signed-in user and the hash of the session that carries it. */
    public record SignedIn(AppUser user, String idHash) {
    }

    /**
     * Opens a new session for {@code user} and returns the session id for the cookie. The request's previous
     * session (if any) is deleted, so an id planted before sign-in never becomes a signed-in one.
     */
    @Transactional
    public String open(AppUser user, HttpRequest<?> request) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        id(request).ifPresent(old -> repository.deleteSession(hash(old)));
        repository.deleteExpiredSessions(now);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        repository.insertSession(hash(id), user.id(), now, now.plus(IDLE_EXPIRY));
        return id;
    }

    /** The request's signed-in user, sliding the session's expiry forward. */
    public Optional<SignedIn> find(HttpRequest<?> request) {
        Optional<String> id = id(request);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        String idHash = hash(id.get());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<UserRepository.SessionUser> found = repository.findSession(idHash, now);
        found.ifPresent(s -> {
            OffsetDateTime slid = now.plus(IDLE_EXPIRY);
            if (s.expiresAt().isBefore(slid.minus(TOUCH_EVERY))) {
                repository.touchSession(idHash, now, slid);
            }
        });
        return found.map(s -> new SignedIn(s.user(), idHash));
    }

    /** Deletes the request's session, if it has one. */
    public void close(HttpRequest<?> request) {
        id(request).ifPresent(id -> repository.deleteSession(hash(id)));
    }

    public Cookie cookie(String id, HttpRequest<?> request) {
        return Cookie.of(COOKIE, id).path(PATH).httpOnly(true).sameSite(SameSite.Lax).secure(secure(request));
    }

    /** Tells the browser to drop the cookie. */
    public Cookie expired(HttpRequest<?> request) {
        return Cookie.of(COOKIE, "").path(PATH).httpOnly(true).sameSite(SameSite.Lax).secure(secure(request))
                .maxAge(0);
    }

    public boolean secure(HttpRequest<?> request) {
        return secureCookies || request.isSecure()
                || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    }

    private static Optional<String> id(HttpRequest<?> request) {
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue)
                .filter(v -> ID.matcher(v).matches());
    }

    static String hash(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
