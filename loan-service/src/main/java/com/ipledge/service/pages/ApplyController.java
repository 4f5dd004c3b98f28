package com.ipledge.service.pages;

import com.ipledge.service.idempotency.IdempotentRequests;
import com.ipledge.service.intake.IntakeService;
import com.ipledge.service.ipasset.IpType;
import com.ipledge.service.problem.Conflict;
import com.ipledge.service.problem.DomainProblem;
import com.ipledge.service.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.inject.Named;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The pages for people: {@code /} (choose a language) and {@code /apply} (the SME application form; the status
 * page it leads to is {@link StatusPageController}). Anonymous by design: the form keeps an intake for the chosen
 * bank's officer (issue 17) as that bank's {@link WebFormCaller}, guarded by a CSRF token, and a status page opens
 * only with its unguessable token.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
public class ApplyController {
    private static final String ADD_ASSET = "addAsset";
    /** This browser's last filing's status token, for a repeated submission to point at (path /apply only). */
    static final String FILED_COOKIE = "ipledge_filed";
    private static final long FILED_COOKIE_AGE = Duration.ofDays(90).toSeconds();

    private final PageResponses pages;
    private final CsrfTokens csrf;
    private final ApplyBanks banks;
    private final ApplyCatalog catalog;
    private final ApplicationIntake intake;
    private final IdempotentRequests idempotent;
    private final ApplyThrottle throttle;
    private final FormDrafts drafts;
    private final String css;
    private final String icon;
    private final String script;

    public ApplyController(@Named(PageResponsesFactory.APPLY) PageResponses pages,
                           @Named(CsrfTokensFactory.APPLY) CsrfTokens csrf, ApplyBanks banks, ApplyCatalog catalog,
                           ApplicationIntake intake, IdempotentRequests idempotent, ApplyThrottle throttle,
                           FormDrafts drafts, ResourceResolver resources) {
        this.pages = pages;
        this.csrf = csrf;
        this.banks = banks;
        this.catalog = catalog;
        this.intake = intake;
        this.idempotent = idempotent;
        this.throttle = throttle;
        this.drafts = drafts;
        this.css = PageResponses.resource(resources, "classpath:static/apply/apply.css");
        this.icon = PageResponses.resource(resources, "classpath:static/apply/icon.svg");
        this.script = PageResponses.resource(resources, "classpath:static/apply/apply.js");
    }

    @Get(uri = "/", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> home(HttpRequest<?> request, @Nullable @QueryValue String lang) {
        Locale locale = PageLocales.resolve(request, lang);
        return PageLocales.sticky(pages.page(HttpStatus.OK, "apply/home", locale, Map.of()), request, lang);
    }

    /**
     * The form, empty, or as this browser kept it before asking for another row or the other language ({@code
     * draft}, see submit).
     */
    @Get(uri = "/apply", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> form(HttpRequest<?> request, @Nullable @QueryValue String lang,
                                     @Nullable @QueryValue String draft) {
        Locale locale = PageLocales.resolve(request, lang);
        Optional<FormDrafts.Draft> kept = draft == null ? Optional.empty()
                : csrf.browserKey(request).flatMap(key -> drafts.find(draft, key));
        // a draft kept by "添加一项" ends in the row just added, which takes the focus; one kept by the language
        // switch (which names the language) is the form as it was
        boolean addedRow = lang == null;
        MutableHttpResponse<String> page = kept.map(d -> formPage(request, locale, d.form(), List.of(),
                HttpStatus.OK, d.assetRows(), addedRow, null))
                .orElseGet(() -> formPage(request, locale, ApplyForm.empty(), List.of()));
        return PageLocales.sticky(page, request, lang);
    }

    @Post(uri = "/apply", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<String> submit(HttpRequest<?> request, @Body Map<String, Object> body) {
        Locale locale = PageLocales.resolve(request, null);
        String clientAddress = request.getRemoteAddress().getAddress().getHostAddress();
        double addressWait = throttle.fromAddress(clientAddress);
        if (addressWait > 0) {
            return pages.tooMany(locale, addressWait);
        }
        boolean csrfAccepted = csrf.accepts(request, text(body.get(CsrfTokens.FIELD)));
        String switchTo = text(body.get("lang"));
        if (switchTo != null) {
            // the language switch on a filled form: the same fields in the other language, nothing checked or
            // filed, kept for this browser and answered with a redirect (Post/Redirect/Get, as "添加一项": Back and
            // reload resubmit nothing); without a valid CSRF token (a post from elsewhere) the form comes back empty
            String target = "/apply?lang=" + PageLocales.tag(PageLocales.resolve(request, switchTo));
            Optional<String> browser = csrfAccepted ? csrf.browserKey(request) : Optional.empty();
            if (browser.isPresent()) {
                ApplyForm typed = ApplyForm.of(body).withoutNul();
                target += "&draft=" + drafts.keep(browser.get(), typed, rows(body, typed));
            }
            return pages.secured(HttpResponse.<String>seeOther(URI.create(target)), MediaType.TEXT_PLAIN);
        }
        if (body.containsKey(ADD_ASSET)) {
            // "添加一项" without script: the form as typed is kept for this browser alone, unchecked, and the answer
            // is a redirect to it with one asset row more (Post/Redirect/Get: Back and reload resubmit nothing).
            // Without a valid CSRF token (a post from elsewhere) it is the empty form.
            Optional<String> browser = csrfAccepted ? csrf.browserKey(request) : Optional.empty();
            String target = "/apply";
            if (browser.isPresent()) {
                ApplyForm typed = ApplyForm.of(body).withoutNul();
                int rows = Math.min(ApplyForm.ASSET_ROWS, rows(body, typed) + 1);
                target += "?draft=" + drafts.keep(browser.get(), typed, rows);
            }
            return pages.secured(HttpResponse.<String>seeOther(URI.create(target)), MediaType.TEXT_PLAIN);
        }
        if (!csrfAccepted) {
            return pages.problem(HttpStatus.FORBIDDEN, locale, "problem.csrf");
        }
        ApplyForm form = ApplyForm.of(body);
        List<FormError> nul = form.nulErrors();
        if (!nul.isEmpty()) {
            // a script's bytes, not a person's typing: the form with its summary, but as the 400 it is
            return formPage(request, locale, form.withoutNul(), nul, HttpStatus.BAD_REQUEST);
        }
        String formToken = text(body.get("formToken"));
        if (!StatusTokens.wellFormed(formToken)) {
            return formPage(request, locale, form,
                    List.of(FormError.of("form", "error.formToken")));
        }
        ApplyForm.Read read = form.read(catalog);
        if (read.bankId() == null || banks.accepting(read.bankId()).isEmpty()) {
            List<FormError> errors = new ArrayList<>(read.errors());
            if (read.bankId() != null) {
                errors.add(0, FormError.of("bankId", "error.bank.unknown"));
            }
            return formPage(request, locale, form, errors);
        }
        // only a filing that can go through counts against the bank: typing errors do not crowd out its applicants
        double bankWait = read.errors().isEmpty() ? throttle.forBank(read.bankId()) : 0;
        if (bankWait > 0) {
            return pages.tooMany(locale, bankWait);
        }
        Caller caller = WebFormCaller.forBank(read.bankId());
        String statusToken = StatusTokens.statusToken(formToken);
        try {
            idempotent.execute(caller, StatusTokens.idempotencyKey(formToken).toString(), "POST /apply",
                    form.values(), () -> HttpResponse.created(
                            Map.of("intakeId", intake.file(caller, read, statusToken, clientAddress))));
        } catch (FormRejected rejected) {
            return formPage(request, locale, form, rejected.errors(), HttpStatus.OK, rows(body, form), false, null);
        } catch (DomainProblem problem) {
            if (IntakeService.DUPLICATE.equals(problem.type())) {
                // back after a submit and the same filing again: say so, and lead the browser that filed the first
                // (it holds that filing's status token in a cookie) to its status page; a stranger learns no more
                // than that the bank has it
                String link = request.getCookies().findCookie(FILED_COOKIE).map(c -> c.getValue())
                        .filter(t -> intake.isStatusTokenOf(problem, t)).map(t -> "/status/" + t).orElse(null);
                return formPage(request, locale, form, List.of(FormError.of("form",
                        link == null ? "error.duplicate" : "error.duplicate.yours")), HttpStatus.OK,
                        rows(body, form), false, link);
            }
            String key = "idempotency-key-reused".equals(problem.type()) ? "error.alreadySubmitted"
                    : problem instanceof Conflict ? "error.conflict" : "error.other";
            return formPage(request, locale, form,
                    List.of(FormError.of("form", key, problem.getMessage())));
        }
        csrf.browserKey(request).ifPresent(drafts::forget);
        // a replayed submission (double click) lands on the same status page: the token follows from the form's.
        // The cookie remembers the filing for this browser only (HttpOnly, sent back to /apply alone), so that a
        // second submission of the same facts can point at the first one's page.
        return pages.secured(HttpResponse.<String>seeOther(URI.create("/status/" + statusToken)),
                MediaType.TEXT_PLAIN).cookie(Cookie.of(FILED_COOKIE, statusToken).path("/apply").httpOnly(true)
                .sameSite(SameSite.Strict).secure(PageResponses.secure(request)).maxAge(FILED_COOKIE_AGE));
    }


    @Get(uri = "/apply/apply.css", produces = "text/css")
    public HttpResponse<String> stylesheet() {
        return pages.secured(HttpResponse.ok(css), "text/css;charset=utf-8");
    }

    @Get(uri = "/apply/apply.js", produces = "text/javascript")
    public HttpResponse<String> javascript() {
        return pages.secured(HttpResponse.ok(script), "text/javascript;charset=utf-8");
    }

    @Get(uri = "/apply/icon.svg", produces = "image/svg+xml")
    public HttpResponse<String> favicon() {
        return pages.secured(HttpResponse.ok(icon), "image/svg+xml");
    }

    /**
     * The form, empty or as typed with its errors. A rejected form is answered 200 like any page that renders:
     * browsers log a 4xx document as a console error, and the person has nothing to fix but the fields shown.
     */
    private MutableHttpResponse<String> formPage(HttpRequest<?> request, Locale locale, ApplyForm form,
                                                 List<FormError> errors) {
        return formPage(request, locale, form, errors, HttpStatus.OK);
    }

    private MutableHttpResponse<String> formPage(HttpRequest<?> request, Locale locale, ApplyForm form,
                                                 List<FormError> errors, HttpStatus status) {
        return formPage(request, locale, form, errors, status, form.filledRows(), false, null);
    }

    /**
     * {@code rows}: the asset rows shown ({@code addedRow}: the last one was just added, and takes the focus);
     * {@code existingStatus}: the status page of the filing this one repeats, when this browser filed it.
     */
    private MutableHttpResponse<String> formPage(HttpRequest<?> request, Locale locale, ApplyForm form,
                                                 List<FormError> errors, HttpStatus status, int rows,
                                                 boolean addedRow, @Nullable String existingStatus) {
        CsrfTokens.Issued token = csrf.issue(request, PageResponses.secure(request));
        Map<String, String> messages = new LinkedHashMap<>();
        ApplyForm.firstPerField(errors).forEach((field, e) ->
                messages.put(field, pages.message(e.key(), locale, e.args().toArray())));
        Map<String, Object> model = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        messages.keySet().forEach(field -> labels.put(field, label(field, locale)));
        model.put("form", new FormView(form, messages, labels));
        model.put("csrfToken", token.formToken());
        model.put("formToken", StatusTokens.newFormToken());
        model.put("banks", banks.banksAcceptingApplications().stream()
                .map(b -> new Choice(b.id().toString(), b.name())).toList());
        model.put("industries", catalog.industries().stream()
                .map(e -> new Choice(ApplyCatalog.suggestion(e, locale), "")).toList());
        model.put("regions", catalog.suggestedRegions().stream()
                .map(e -> new Choice(ApplyCatalog.suggestion(e, locale), catalog.regionContext(e, locale))).toList());
        model.put("documentKinds", StatusPageController.DOCUMENT_KINDS);
        model.put("addedRow", addedRow ? rows - 1 : -1);
        model.put("existingStatus", existingStatus);
        // The form asks for patent and mark facts only; copyrights and data IP come through the API.
        model.put("assetTypes", Arrays.stream(IpType.values()).filter(t -> t.isPatent() || t.isMark())
                .map(IpType::name).toList());
        model.put("rows", IntStream.range(0, rows).boxed().toList());
        model.put("moreRows", rows < ApplyForm.ASSET_ROWS);
        model.put("maxRows", ApplyForm.ASSET_ROWS);
        MutableHttpResponse<String> response = pages.page(status, "apply/form", locale, model);
        return token.newCookie() == null ? response : response.cookie(token.newCookie());
    }

    /** A field's label as the form shows it; an asset row's fields are prefixed with the row's legend. */
    private String label(String field, Locale locale) {
        int dot = field.indexOf("].");
        if (field.startsWith("assets[") && dot > 0) {
            int row = Integer.parseInt(field.substring("assets[".length(), dot));
            return pages.message("apply.asset.legend", locale, row + 1) + " "
                    + pages.message("apply.asset." + field.substring(dot + 2), locale);
        }
        // the consent's label is its whole sentence: the section's name says which box it is
        return pages.message("consent".equals(field) ? "apply.section.consent" : "apply." + field, locale);
    }

    /** The asset rows the posted page showed (its hidden {@code assetRows}), and at least every row typed in. */
    private static int rows(Map<String, Object> body, ApplyForm form) {
        int shown = 1;
        String posted = text(body.get("assetRows"));
        if (posted != null && posted.matches("[1-9]")) {
            shown = Math.min(ApplyForm.ASSET_ROWS, Integer.parseInt(posted));
        }
        return Math.max(shown, form.filledRows());
    }


    private static String text(@Nullable Object value) {
        if (value instanceof List<?> list) {
            value = list.isEmpty() ? null : list.get(0);
        }
        return value == null ? null : value.toString();
    }

}
