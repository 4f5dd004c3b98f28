package com.ipledge.service.bureau;

import com.ipledge.service.pages.CsrfTokens;
import com.ipledge.service.pages.PageResponses;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipledge.service.portfolio.PortfolioCsv;
import com.ipledge.service.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The finance bureau's dashboard ({@code /bureau}) and its sign-in. Anonymous at the security layer: a request is
 * signed in by its {@code ipledge_session} cookie ({@link WebSessions}), not by an API key; pages without a session
 * lead to {@code /bureau/login}, data without one answers 401. The bureau sees every bank; a bank's staff see their
 * bank's book only (the same scoping as the bank's API key).
 */
@Controller("/bureau")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
public class BureauController {
    private static final Pattern EXPORT = Pattern.compile("([A-Za-z]{1,30})\\.csv");
    private static final String CSV_UTF8 = "text/csv; charset=utf-8";

    private final BureauPages pages;
    private final WebSessions sessions;
    private final UserService users;
    private final Dashboard dashboard;
    private final PortfolioCsv portfolio;
    private final ObjectMapper json;
    private final LoginThrottle throttle;
    private final long failureDelayMillis;
    private final String script;
    private final String css;

    public BureauController(BureauPages pages, WebSessions sessions, UserService users, Dashboard dashboard,
                            PortfolioCsv portfolio, ObjectMapper json, ResourceResolver resources,
                            LoginThrottle throttle, LoginSettings loginSettings) {
        this.pages = pages;
        this.sessions = sessions;
        this.users = users;
        this.dashboard = dashboard;
        this.portfolio = portfolio;
        this.json = json;
        this.throttle = throttle;
        this.failureDelayMillis = loginSettings.loginFailureDelayMs();
        this.script = PageResponses.resource(resources, "classpath:static/bureau/bureau.js");
        this.css = PageResponses.resource(resources, "classpath:static/bureau/bureau.css");
    }

    // -------------------------------------------------------------------------------------------------- sign-in

    @Get(uri = "/login", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> loginForm(HttpRequest<?> request, @Nullable @QueryValue String lang) {
        Locale locale = pages.locale(request, lang);
        if (sessions.find(request).isPresent()) {
            return pages.sticky(redirect("/bureau"), request, lang, sessions.secure(request));
        }
        return pages.sticky(loginPage(request, locale, null, null), request, lang, sessions.secure(request));
    }

    @Post(uri = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public CompletableFuture<HttpResponse<String>> login(HttpRequest<?> request,
                                                         @Nullable @Body Map<String, Object> form) {
        Locale locale = pages.locale(request, null);
        Map<String, Object> body = form == null ? Map.of() : form;
        if (!pages.csrfAccepts(request, text(body.get(BureauPages.CSRF_FIELD)))) {
            return done(pages.problem(HttpStatus.FORBIDDEN, locale, "bureau.problem.csrf"));
        }
        String username = text(body.get("username"));
        String account = UserService.normalise(username);
        String address = request.getRemoteAddress().getAddress().getHostAddress();
        long locked = throttle.secondsLocked(account, address);
        if (locked > 0) {
            // answered at once, the password unchecked: a locked guess costs neither hashing nor a waiting thread
            return done(pages.problem(HttpStatus.TOO_MANY_REQUESTS, locale, "bureau.login.locked", locked)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(locked)));
        }
        Optional<AppUser> user = users.authenticate(username, text(body.get("password")));
        if (user.isEmpty()) {
            throttle.failed(account, address);
            // one message whether the name is unknown, the password wrong or the account disabled, after the same
            // delay, which a timer ends: no worker thread sleeps through it
            HttpResponse<String> failed = loginPage(request, locale, username,
                    pages.message("bureau.login.failed", locale));
            return new CompletableFuture<HttpResponse<String>>()
                    .completeOnTimeout(failed, failureDelayMillis, TimeUnit.MILLISECONDS);
        }
        throttle.succeeded(account);
        String id = sessions.open(user.get(), request);
        return done(redirect("/bureau").cookie(sessions.cookie(id, request)));
    }

    @Post(uri = "/logout", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<String> logout(HttpRequest<?> request, @Nullable @Body Map<String, Object> form) {
        Locale locale = pages.locale(request, null);
        Map<String, Object> body = form == null ? Map.of() : form;
        if (!pages.csrfAccepts(request, text(body.get(BureauPages.CSRF_FIELD)))) {
            return pages.problem(HttpStatus.FORBIDDEN, locale, "bureau.problem.csrf");
        }
        sessions.close(request);
        return redirect("/bureau/login").cookie(sessions.expired(request));
    }

    // ------------------------------------------------------------------------------------------------ dashboard

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<String> dashboard(HttpRequest<?> request, @Nullable @QueryValue String lang) {
        Locale locale = pages.locale(request, lang);
        Optional<WebSessions.SignedIn> signedIn = sessions.find(request);
        if (signedIn.isEmpty()) {
            return pages.sticky(redirect("/bureau/login"), request, lang, sessions.secure(request));
        }
        AppUser user = signedIn.get().user();
        Dashboard.View view = dashboard.view(user.caller(), locale);
        CsrfTokens.Issued csrf = pages.csrf(request, sessions.secure(request));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("view", view);
        model.put("username", user.username());
        model.put("roleName", pages.message("bureau.role." + user.role().name(), locale));
        model.put("chartsJson", scriptSafe(write(view.charts())));
        model.put("csrfToken", csrf.formToken());
        model.put("bureauRole", user.role() == Role.BUREAU);
        MutableHttpResponse<String> response = pages.page(HttpStatus.OK, "bureau/dashboard", locale, model);
        if (csrf.newCookie() != null) {
            response.cookie(csrf.newCookie());
        }
        return pages.sticky(response, request, lang, sessions.secure(request));
    }

    /** The risk section (a Monte Carlo run): fetched by the page after it has rendered. */
    @Get(uri = "/risk.json", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> risk(HttpRequest<?> request) {
        Optional<WebSessions.SignedIn> signedIn = sessions.find(request);
        if (signedIn.isEmpty()) {
            return pages.secured(HttpResponse.<String>status(HttpStatus.UNAUTHORIZED)
                    .body("{\"status\":401,\"title\":\"Unauthorized\",\"detail\":\"sign in at /bureau/login\"}"),
                    "application/problem+json");
        }
        Locale locale = pages.locale(request, null);
        return pages.secured(HttpResponse.ok(write(dashboard.risk(signedIn.get().user().caller(), locale))),
                MediaType.APPLICATION_JSON);
    }

    /** Every table and figure of the page as one XLSX file, in the page's language, from the session. */
    @Get(uri = "/export/all.xlsx")
    public HttpResponse<?> exportAll(HttpRequest<?> request) {
        Optional<WebSessions.SignedIn> signedIn = sessions.find(request);
        if (signedIn.isEmpty()) {
            return redirect("/bureau/login");
        }
        PortfolioCsv.Export export = dashboard.workbook(signedIn.get().user().caller(), pages.locale(request, null));
        return pages.secured(HttpResponse.ok(export.bytes()), DashboardExportController.XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + export.filename() + "\"");
    }

    /** One table as CSV, from the session (the portfolio API's CSV needs an API key). */
    @Get(uri = "/export/{file}")
    public HttpResponse<?> export(HttpRequest<?> request, @PathVariable String file) {
        Optional<WebSessions.SignedIn> signedIn = sessions.find(request);
        if (signedIn.isEmpty()) {
            return redirect("/bureau/login");
        }
        Matcher m = EXPORT.matcher(file);
        String table = m.matches() ? m.group(1) : "";
        var caller = signedIn.get().user().caller();
        Optional<PortfolioCsv.Export> export = PortfolioCsv.TABLES.contains(table)
                ? Optional.of(portfolio.csv(caller.bankScope(), table))
                : Dashboard.OWN_TABLES.contains(table) ? dashboard.ownCsv(caller, table) : Optional.empty();
        if (export.isEmpty()) {
            return pages.problem(HttpStatus.NOT_FOUND, pages.locale(request, null), "bureau.problem.notFound");
        }
        return pages.secured(HttpResponse.ok(export.get().bytes()), CSV_UTF8)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + export.get().filename() + "\"");
    }

    @Get(uri = "/bureau.js", produces = "text/javascript")
    public HttpResponse<String> javascript() {
        return pages.secured(HttpResponse.ok(script), "text/javascript;charset=utf-8")
                .header("Cache-Control", "no-cache");
    }

    @Get(uri = "/bureau.css", produces = "text/css")
    public HttpResponse<String> stylesheet() {
        return pages.secured(HttpResponse.ok(css), "text/css;charset=utf-8")
                .header("Cache-Control", "no-cache");
    }

    // -------------------------------------------------------------------------------------------------- helpers

    private MutableHttpResponse<String> loginPage(HttpRequest<?> request, Locale locale, @Nullable String username,
                                                  @Nullable String error) {
        CsrfTokens.Issued csrf = pages.csrf(request, sessions.secure(request));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("csrfToken", csrf.formToken());
        model.put("username", username == null ? "" : username);
        model.put("error", error);
        // a failed sign-in is answered 200 like the form itself: browsers log a 4xx document as a console error
        MutableHttpResponse<String> response = pages.page(HttpStatus.OK, "bureau/login", locale, model);
        if (csrf.newCookie() != null) {
            response.cookie(csrf.newCookie());
        }
        return response;
    }

    /** The same short wait after every failed sign-in, whatever failed. */
    private static CompletableFuture<HttpResponse<String>> done(HttpResponse<String> response) {
        return CompletableFuture.completedFuture(response);
    }

    private MutableHttpResponse<String> redirect(String path) {
        return pages.secured(HttpResponse.<String>seeOther(URI.create(path)), MediaType.TEXT_PLAIN);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON inside a {@code <script type="application/json">} block: nothing in it may close the element. */
    static String scriptSafe(String jsonText) {
        return jsonText.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private static String text(@Nullable Object value) {
        if (value instanceof List<?> list) {
            value = list.isEmpty() ? null : list.get(0);
        }
        return value == null ? null : value.toString();
    }
}
