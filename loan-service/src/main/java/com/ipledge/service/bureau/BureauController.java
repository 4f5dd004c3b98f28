package com.ipledge.service.bureau;

import com.ipledge.service.pages.CsrfTokens;
import com.ipledge.service.pages.PageResponses;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipledge.service.admin.AdminService;
import com.ipledge.service.portfolio.BookFilter;
import com.ipledge.service.portfolio.BookNames;
import com.ipledge.service.problem.InvalidInput;
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
    private static final Pattern EXPORT = Pattern.compile("([A-Za-z]{1,30})\\.(csv|xlsx)");
    /** The glossary's terms, in the page's order (bureau.glossary.<term>.term / .text). */
    private static final List<String> GLOSSARY = List.of("balance", "npl", "limit", "el", "var", "es", "stress", "hhi",
            "filters", "trends");
    private static final String CSV_UTF8 = "text/csv; charset=utf-8";

    private final BureauPages pages;
    private final WebSessions sessions;
    private final UserService users;
    private final Dashboard dashboard;
    private final DashboardRisk risk;
    private final DashboardExports exports;
    private final LoanList loanList;
    private final AdminService banks;
    private final ObjectMapper json;
    private final LoginThrottle throttle;
    private final long failureDelayMillis;
    private final String script;
    private final String css;

    public BureauController(BureauPages pages, WebSessions sessions, UserService users, Dashboard dashboard,
                            DashboardRisk risk, DashboardExports exports, LoanList loanList, AdminService banks, ObjectMapper json, ResourceResolver resources,
                            LoginThrottle throttle, LoginSettings loginSettings) {
        this.pages = pages;
        this.sessions = sessions;
        this.users = users;
        this.dashboard = dashboard;
        this.risk = risk;
        this.exports = exports;
        this.loanList = loanList;
        this.banks = banks;
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

    /** The dashboard, narrowed by the URL's filters ({@link DashboardFilter}). */
    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<String> dashboard(HttpRequest<?> request, @Nullable @QueryValue String lang) {
        Locale locale = pages.locale(request, lang);
        Optional<WebSessions.SignedIn> signedIn = sessions.find(request);
        if (signedIn.isEmpty()) {
            return pages.sticky(redirect("/bureau/login"), request, lang, sessions.secure(request));
        }
        AppUser user = signedIn.get().user();
        DashboardFilter filter;
        try {
            filter = DashboardFilter.of(request, banks);
        } catch (InvalidInput e) {
            return badFilter(locale, e);
        }
        Dashboard.View view = dashboard.view(user.caller(), locale, filter);
        CsrfTokens.Issued csrf = pages.csrf(request, sessions.secure(request));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("view", view);
        model.put("filter", filter.values());
        model.put("options", filterOptions(user, locale));
        // resolved here, not in the template: the template's message path drops a doubled apostrophe ("bank's")
        model.put("glossary", GLOSSARY.stream().map(g -> List.of(pages.message("bureau.glossary." + g + ".term",
                locale), pages.message("bureau.glossary." + g + ".text", locale))).toList());
        model.put("langHref", langHref(filter.dashboardQuery(), locale));
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

    /** The drill-down: the loans behind a figure, a page at a time. */
    @Get(uri = "/loans", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> loans(HttpRequest<?> request, @Nullable @QueryValue String lang,
                                      @Nullable @QueryValue String page) {
        Locale locale = pages.locale(request, lang);
        Optional<WebSessions.SignedIn> signedIn = sessions.find(request);
        if (signedIn.isEmpty()) {
            return pages.sticky(redirect("/bureau/login"), request, lang, sessions.secure(request));
        }
        AppUser user = signedIn.get().user();
        DashboardFilter filter;
        LoanList.Page list;
        try {
            filter = DashboardFilter.of(request, banks);
            list = loanList.page(user.caller(), locale, filter, page);
        } catch (InvalidInput e) {
            return badFilter(locale, e);
        }
        Dashboard.View view = dashboard.header(user.caller(), locale, filter);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("view", view);
        model.put("list", list);
        model.put("query", filter.query());
        model.put("dashboardQuery", filter.dashboardQuery());
        model.put("langHref", langHref(filter.query("page", String.valueOf(list.page())), locale));
        model.put("previous", filter.query("page", String.valueOf(list.page() - 1)));
        model.put("next", filter.query("page", String.valueOf(list.page() + 1)));
        return pages.sticky(pages.page(HttpStatus.OK, "bureau/loans", locale, model), request, lang,
                sessions.secure(request));
    }

    /** The risk section (a Monte Carlo run of the filtered book): fetched by the page after it has rendered. */
    @Get(uri = "/risk.json", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> risk(HttpRequest<?> request) {
        Optional<WebSessions.SignedIn> signedIn = sessions.find(request);
        if (signedIn.isEmpty()) {
            return pages.secured(HttpResponse.<String>status(HttpStatus.UNAUTHORIZED)
                    .body("{\"status\":401,\"title\":\"Unauthorized\",\"detail\":\"sign in at /bureau/login\"}"),
                    "application/problem+json");
        }
        Locale locale = pages.locale(request, null);
        DashboardFilter filter;
        try {
            filter = DashboardFilter.of(request, banks);
        } catch (InvalidInput e) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("status", 400);
            problem.put("title", "Bad Request");
            problem.put("detail", e.errors().get(0).field() + ": " + e.errors().get(0).message());
            problem.put("errors", e.errors());
            return pages.secured(HttpResponse.<String>status(HttpStatus.BAD_REQUEST).body(write(problem)),
                    "application/problem+json");
        }
        return pages.secured(HttpResponse.ok(write(risk.risk(signedIn.get().user().caller(), locale, filter))),
                MediaType.APPLICATION_JSON);
    }

    /**
     * The page's tables as files, from the session, with the page's filters: {@code all.xlsx} (every table, the
     * risk run's too), {@code <table>.csv} or {@code <table>.xlsx} (one table), {@code loans.csv|xlsx} (the
     * drill-down's whole list). As shown: the page's headings, units and formatting, its date and filters on top.
     */
    @Get(uri = "/export/{file}")
    public HttpResponse<?> export(HttpRequest<?> request, @PathVariable String file) {
        Optional<WebSessions.SignedIn> signedIn = sessions.find(request);
        if (signedIn.isEmpty()) {
            return redirect("/bureau/login");
        }
        Locale locale = pages.locale(request, null);
        Matcher m = EXPORT.matcher(file);
        String table = m.matches() ? m.group(1) : "";
        boolean xlsx = m.matches() && m.group(2).equals("xlsx");
        if (!table.equals("all") && !table.equals("loans") && !Dashboard.TABLES.contains(table)
                || table.equals("all") && !xlsx) {
            return pages.problem(HttpStatus.NOT_FOUND, locale, "bureau.problem.notFound");
        }
        var caller = signedIn.get().user().caller();
        DashboardFilter filter;
        Dashboard.View view;
        List<Dashboard.Section> sections;
        try {
            filter = DashboardFilter.of(request, banks);
            if (table.equals("loans")) {
                view = dashboard.header(caller, locale, filter);
                LoanList.Page list = loanList.page(caller, locale, filter, null);
                sections = List.of(new Dashboard.Section("loans", pages.message("bureau.loans.heading", locale),
                        "", list.all(), List.of(), List.of()));
            } else {
                view = dashboard.view(caller, locale, filter);
                boolean risk = table.equals("all") || table.equals("risk") || table.equals("stress");
                sections = exports.exportSections(caller, locale, filter, view, risk).stream()
                        .filter(s -> table.equals("all") || s.id().equals(table)).toList();
            }
        } catch (InvalidInput e) {
            return badFilter(locale, e);
        }
        String name = "ipledge-" + table + "-" + view.asOf() + (xlsx ? ".xlsx" : ".csv");
        byte[] bytes = xlsx ? exports.workbook(view, sections, locale)
                : exports.csv(view, sections.get(0), locale);
        return pages.secured(HttpResponse.ok(bytes), xlsx ? DashboardExportController.XLSX : CSV_UTF8)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
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

    /** A filter the page cannot use: 400, naming the parameter. */
    private MutableHttpResponse<String> badFilter(Locale locale, InvalidInput e) {
        return pages.problem(HttpStatus.BAD_REQUEST, locale, "bureau.problem.filter", e.errors().get(0).field(),
                e.errors().get(0).message());
    }

    /** The language link keeps the filters. */
    private static String langHref(String query, Locale locale) {
        String other = BureauPages.tag(BureauPages.other(locale));
        return (query.isEmpty() ? "?" : query + "&") + "lang=" + other;
    }

    /** The choices of the filter form, named in the page's language; banks only for the bureau. */
    private Map<String, Object> filterOptions(AppUser user, Locale locale) {
        boolean en = locale.equals(BureauPages.EN);
        Map<String, Object> options = new LinkedHashMap<>();
        Map<String, String> bankNames = new LinkedHashMap<>();
        if (user.role() == Role.BUREAU) {
            banks.all().forEach(b -> bankNames.put(b.code(), b.name()));
        }
        options.put("banks", bankNames);
        Map<String, String> sections = new LinkedHashMap<>();
        BookNames.SECTIONS.forEach(k -> sections.put(k, k + " " + BookNames.section(k).in(en)));
        sections.put(BookFilter.UNSPECIFIED, BookNames.section(BookFilter.UNSPECIFIED).in(en));
        options.put("industries", sections);
        Map<String, String> regions = new LinkedHashMap<>();
        regions.put("620000", "620000 " + pages.message("bureau.region.gansu", locale));
        BookNames.GANSU_PREFECTURES.forEach(k -> regions.put(k, k + " " + BookNames.region(k).in(en)));
        regions.put(BookFilter.UNSPECIFIED, BookNames.region(BookFilter.UNSPECIFIED).in(en));
        options.put("regions", regions);
        Map<String, String> ipTypes = new LinkedHashMap<>();
        BookNames.IP_TYPES.forEach(k -> ipTypes.put(k, BookNames.ipType(k).in(en)));
        ipTypes.put(BookFilter.UNSPECIFIED, BookNames.ipType(BookFilter.UNSPECIFIED).in(en));
        options.put("ipTypes", ipTypes);
        return options;
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
