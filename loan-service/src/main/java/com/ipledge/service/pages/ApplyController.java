package com.ipledge.service.pages;

import com.ipledge.service.TimeFactory;
import com.ipledge.service.admin.Bank;
import com.ipledge.service.application.ApplicationService;
import com.ipledge.service.application.ApplicationStatus;
import com.ipledge.service.application.ApplicationView;
import com.ipledge.service.idempotency.IdempotentRequests;
import com.ipledge.service.intake.IntakeDocument;
import com.ipledge.service.intake.IntakeService;
import com.ipledge.service.intake.IntakeStatus;
import com.ipledge.service.intake.PublicIntake;
import com.ipledge.service.ipasset.IpType;
import com.ipledge.service.problem.Conflict;
import com.ipledge.service.problem.DomainProblem;
import com.ipledge.service.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.inject.Named;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The pages for people: {@code /} (choose a language), {@code /apply} (the SME application form) and
 * {@code /status/{token}} (an applicant's status). Anonymous by design: the form keeps an intake for the chosen
 * bank's officer (issue 17) as that bank's {@link WebFormCaller}, guarded by a CSRF token, and a status page opens
 * only with its unguessable token.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
public class ApplyController {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String ADD_ASSET = "addAsset";
    /** This browser's last filing's status token, for a repeated submission to point at (path /apply only). */
    static final String FILED_COOKIE = "ipledge_filed";
    private static final long FILED_COOKIE_AGE = Duration.ofDays(90).toSeconds();
    private static final List<String> DOCUMENT_KINDS = Arrays.stream(IntakeDocument.Kind.values())
            .map(Enum::name).toList();

    private final PageResponses pages;
    private final CsrfTokens csrf;
    private final ApplyBanks banks;
    private final ApplyCatalog catalog;
    private final ApplicationIntake intake;
    private final IdempotentRequests idempotent;
    private final ApplicationService applications;
    private final ApplicantMessages applicantMessages;
    private final ApplyThrottle throttle;
    private final String css;
    private final String icon;

    public ApplyController(@Named(PageResponsesFactory.APPLY) PageResponses pages, @Named(CsrfTokensFactory.APPLY) CsrfTokens csrf, ApplyBanks banks, ApplyCatalog catalog,
                           ApplicationIntake intake, IdempotentRequests idempotent,
                           ApplicationService applications,
                           ApplicantMessages applicantMessages, ApplyThrottle throttle,
                           ResourceResolver resources) {
        this.pages = pages;
        this.csrf = csrf;
        this.banks = banks;
        this.catalog = catalog;
        this.intake = intake;
        this.idempotent = idempotent;
        this.applications = applications;
        this.applicantMessages = applicantMessages;
        this.throttle = throttle;
        this.css = PageResponses.resource(resources, "classpath:static/apply/apply.css");
        this.icon = PageResponses.resource(resources, "classpath:static/apply/icon.svg");
    }

    @Get(uri = "/", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> home(HttpRequest<?> request, @Nullable @QueryValue String lang) {
        Locale locale = PageLocales.resolve(request, lang);
        return sticky(pages.page(HttpStatus.OK, "apply/home", locale, Map.of()), request, lang);
    }

    @Get(uri = "/apply", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> form(HttpRequest<?> request, @Nullable @QueryValue String lang) {
        Locale locale = PageLocales.resolve(request, lang);
        return sticky(formPage(request, locale, ApplyForm.empty(), List.of()), request, lang);
    }

    @Post(uri = "/apply", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<String> submit(HttpRequest<?> request, @Body Map<String, Object> body) {
        Locale locale = PageLocales.resolve(request, null);
        String clientAddress = request.getRemoteAddress().getAddress().getHostAddress();
        double addressWait = throttle.fromAddress(clientAddress);
        if (addressWait > 0) {
            return tooMany(locale, addressWait);
        }
        boolean csrfAccepted = csrf.accepts(request, text(body.get(CsrfTokens.FIELD)));
        String switchTo = text(body.get("lang"));
        if (switchTo != null) {
            // the language switch on a filled form: the same fields in the other language, nothing checked or
            // kept; without a valid CSRF token (a post from elsewhere) the form comes back empty
            Locale chosen = PageLocales.resolve(request, switchTo);
            ApplyForm typed = csrfAccepted ? ApplyForm.of(body).withoutNul() : ApplyForm.empty();
            return sticky(formPage(request, chosen, typed, List.of(), HttpStatus.OK,
                    csrfAccepted ? rows(body, typed) : 1, false, null), request, switchTo);
        }
        if (body.containsKey(ADD_ASSET)) {
            // "添加一项" without script: the form as typed, one asset row more, nothing checked or kept
            ApplyForm typed = csrfAccepted ? ApplyForm.of(body).withoutNul() : ApplyForm.empty();
            int rows = csrfAccepted ? Math.min(ApplyForm.ASSET_ROWS, rows(body, typed) + 1) : 1;
            return formPage(request, locale, typed, List.of(), HttpStatus.OK, rows, csrfAccepted, null);
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
            return tooMany(locale, bankWait);
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
        // a replayed submission (double click) lands on the same status page: the token follows from the form's.
        // The cookie remembers the filing for this browser only (HttpOnly, sent back to /apply alone), so that a
        // second submission of the same facts can point at the first one's page.
        return pages.secured(HttpResponse.<String>seeOther(URI.create("/status/" + statusToken)),
                MediaType.TEXT_PLAIN).cookie(Cookie.of(FILED_COOKIE, statusToken).path("/apply").httpOnly(true)
                .sameSite(SameSite.Strict).secure(PageResponses.secure(request)).maxAge(FILED_COOKIE_AGE));
    }

    private MutableHttpResponse<String> tooMany(Locale locale, double waitSeconds) {
        long retryAfter = Math.max(1, (long) Math.ceil(waitSeconds));
        return pages.problem(HttpStatus.TOO_MANY_REQUESTS, locale, "problem.tooMany", retryAfter)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
    }

    @Get(uri = "/status/{token}", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> status(HttpRequest<?> request, @PathVariable String token,
                                       @Nullable @QueryValue String lang) {
        Locale locale = PageLocales.resolve(request, lang);
        return sticky(statusPage(request, token, locale, null), request, lang);
    }

    /**
     * A document for the bank from the status page (multipart: {@code kind}, {@code file}, the CSRF token): kept
     * with the intake, then back to the page, which lists it; a problem is shown beside the upload form.
     */
    @Post(uri = "/status/{token}/documents", consumes = MediaType.MULTIPART_FORM_DATA,
            produces = MediaType.TEXT_HTML)
    public HttpResponse<String> upload(HttpRequest<?> request, @PathVariable String token,
                                       @Nullable @Part(CsrfTokens.FIELD) String csrfToken,
                                       @Nullable @Part("kind") String kind,
                                       @Nullable @Part("file") CompletedFileUpload file) {
        Locale locale = PageLocales.resolve(request, null);
        double wait = throttle.fromAddress(request.getRemoteAddress().getAddress().getHostAddress());
        if (wait > 0) {
            return tooMany(locale, wait);
        }
        if (!csrf.accepts(request, csrfToken)) {
            return pages.problem(HttpStatus.FORBIDDEN, locale, "problem.csrf");
        }
        Optional<PublicIntake> filed = intake.intakeByStatusToken(token);
        if (filed.isEmpty()) {
            return pages.problem(HttpStatus.NOT_FOUND, locale, "problem.notFound");
        }
        String problemKey = null;
        try {
            byte[] content = file == null ? new byte[0] : file.getBytes();
            intake.addDocument(filed.get(), kind, file == null ? null : file.getFilename(), content);
        } catch (IOException e) {
            problemKey = "document.error.read";
        } catch (DomainProblem problem) {
            problemKey = problem.errors().isEmpty() ? "document.error.closed"
                    : "document.error." + problem.errors().get(0).field() + ("file".equals(problem.errors().get(0)
                    .field()) && problem.errors().get(0).message().startsWith("must be at most") ? ".size" : "");
        }
        if (problemKey != null) {
            return statusPage(request, token, locale, pages.message(problemKey, locale,
                    IntakeService.MAX_DOCUMENT_BYTES / (1024 * 1024)));
        }
        return pages.secured(HttpResponse.<String>seeOther(URI.create("/status/" + token + "#documents")),
                MediaType.TEXT_PLAIN);
    }

    private MutableHttpResponse<String> statusPage(HttpRequest<?> request, String token, Locale locale,
                                                   @Nullable String uploadError) {
        Optional<StatusTokenRepository.Entry> entry = intake.byStatusToken(token);
        Optional<PublicIntake> filed = entry.isPresent() ? Optional.empty() : intake.intakeByStatusToken(token);
        if (entry.isEmpty() && filed.isEmpty()) {
            return pages.problem(HttpStatus.NOT_FOUND, locale, "problem.notFound");
        }
        Map<String, Object> model = new LinkedHashMap<>();
        UUID bankId = entry.map(StatusTokenRepository.Entry::bankId).orElseGet(() -> filed.get().bankId());
        UUID applicationId = entry.map(StatusTokenRepository.Entry::applicationId)
                .orElseGet(() -> filed.get().applicationId());
        String bankName = banks.accepting(bankId).map(Bank::name).orElse("");
        model.put("bankName", bankName);
        model.put("contactName", entry.map(StatusTokenRepository.Entry::contactName)
                .orElseGet(() -> filed.get().contactName()));
        List<Choice> history = new ArrayList<>();
        String status;
        if (filed.isPresent()) {
            PublicIntake i = filed.get();
            model.put("reference", i.reference());
            model.put("requestedAmount", amount(i.requestedAmount(), locale));
            model.put("termMonths", i.termMonths());
            model.put("submittedAt", dateTime(i.submittedAt()));
            model.put("updatedAt", dateTime(i.decidedAt() == null ? i.submittedAt() : i.decidedAt()));
            history.add(new Choice(dateTime(i.submittedAt()), pages.message("history.RECEIVED", locale)));
            if (i.decidedAt() != null) {
                history.add(new Choice(dateTime(i.decidedAt()), pages.message("history." + i.status(), locale,
                        i.rejectReason() == null ? "" : i.rejectReason())));
            }
            model.put("summary", summary(i, locale));
            model.put("summaryAssets", i.assets().stream().map(a -> pages.message("ipType." + a.type(), locale)
                    + " " + a.number() + " " + a.title()).toList());
            model.put("documents", intake.documents(i).stream().map(d -> new Choice(
                    pages.message("document.kind." + d.kind(), locale),
                    d.fileName() + " (" + kilobytes(d.fileSize()) + ", " + dateTime(d.uploadedAt()) + ")")).toList());
            model.put("uploads", i.status() != IntakeStatus.REJECTED);
            model.put("phoneEnd", i.contactPhone().length() > 4
                    ? i.contactPhone().substring(i.contactPhone().length() - 4) : i.contactPhone());
            status = i.status() == IntakeStatus.REJECTED ? "NOT_ACCEPTED" : "RECEIVED";
        } else {
            status = null;
        }
        if (applicationId != null) {
            ApplicationView application = applications.get(WebFormCaller.forBank(bankId), applicationId);
            status = application.status().name();
            if (filed.isEmpty()) {
                // filed before intakes (V25): the application is all there is
                model.put("reference", application.id().toString());
                model.put("requestedAmount", amount(application.requestedAmount(), locale));
                model.put("termMonths", application.termMonths());
                model.put("submittedAt", dateTime(application.createdAt()));
                history.add(new Choice(dateTime(application.createdAt()),
                        pages.message("applicationStatus.SUBMITTED", locale)));
            }
            model.put("updatedAt", dateTime(application.updatedAt()));
            if (application.status() != ApplicationStatus.SUBMITTED) {
                history.add(new Choice(dateTime(application.updatedAt()),
                        pages.message("applicationStatus." + application.status(), locale)));
            }
            model.put("messages", applicantMessages.forApplication(application.id()).stream()
                    .map(m -> new Choice(dateTime(m.sentAt()), m.text())).toList());
        } else {
            model.put("messages", List.of());
        }
        model.put("status", status);
        model.put("history", history);
        model.put("selfLink", "/status/" + token);
        model.put("uploadAction", "/status/" + token + "/documents");
        model.put("uploadError", uploadError);
        model.put("documentKinds", DOCUMENT_KINDS);
        model.put("maxDocumentMegabytes", IntakeService.MAX_DOCUMENT_BYTES / (1024 * 1024));
        model.put("noindex", true);
        CsrfTokens.Issued csrfToken = csrf.issue(request, PageResponses.secure(request));
        model.put("csrfToken", csrfToken.formToken());
        // the address is the applicant's key to the page: search engines must not keep it
        MutableHttpResponse<String> response = pages.page(HttpStatus.OK, "apply/status", locale, model)
                .header("X-Robots-Tag", "noindex, nofollow");
        return csrfToken.newCookie() == null ? response : response.cookie(csrfToken.newCookie());
    }

    /** What was submitted, label and value in the page's language, for the printable summary. */
    private List<Choice> summary(PublicIntake i, Locale locale) {
        var f = i.firm();
        List<Choice> rows = new ArrayList<>();
        rows.add(new Choice(pages.message("apply.name", locale), f.name()));
        rows.add(new Choice(pages.message("apply.creditCode", locale), f.creditCode()));
        rows.add(new Choice(pages.message("apply.industryCode", locale), f.industryCode()
                + catalog.industry(f.industryCode()).map(e -> " " + e.name(locale)).orElse("")));
        rows.add(new Choice(pages.message("apply.regionCode", locale), f.regionCode()
                + catalog.region(f.regionCode()).map(e -> " " + catalog.regionContext(e, locale) + " "
                + e.name(locale)).orElse("")));
        rows.add(new Choice(pages.message("apply.employees", locale), String.valueOf(f.employees())));
        rows.add(new Choice(pages.message("status.revenue", locale), amount(f.operatingRevenue(), locale)));
        rows.add(new Choice(pages.message("status.totalAssets", locale), amount(f.totalAssets(), locale)));
        rows.add(new Choice(pages.message("apply.foundedOn", locale), f.foundedOn().toString()));
        rows.add(new Choice(pages.message("apply.contactName", locale), i.contactName()));
        rows.add(new Choice(pages.message("apply.contactPhone", locale), i.contactPhone()));
        rows.add(new Choice(pages.message("apply.purpose", locale), i.purpose()));
        return rows;
    }

    private static String kilobytes(int bytes) {
        return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
    }

    @Get(uri = "/apply/apply.css", produces = "text/css")
    public HttpResponse<String> stylesheet() {
        return pages.secured(HttpResponse.ok(css), "text/css;charset=utf-8");
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
        model.put("documentKinds", DOCUMENT_KINDS);
        model.put("addedRow", addedRow ? rows - 1 : -1);
        model.put("existingStatus", existingStatus);
        // The form asks for patent and mark facts only; copyrights and data IP come through the API.
        model.put("assetTypes", Arrays.stream(IpType.values()).filter(t -> t.isPatent() || t.isMark())
                .map(IpType::name).toList());
        model.put("rows", IntStream.range(0, rows).boxed().toList());
        model.put("moreRows", rows < ApplyForm.ASSET_ROWS);
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

    private static MutableHttpResponse<String> sticky(MutableHttpResponse<String> response, HttpRequest<?> request,
                                                      @Nullable String lang) {
        PageLocales.stickyCookie(lang, PageResponses.secure(request)).ifPresent(response::cookie);
        return response;
    }

    private static String text(@Nullable Object value) {
        if (value instanceof List<?> list) {
            value = list.isEmpty() ? null : list.get(0);
        }
        return value == null ? null : value.toString();
    }

    /** zh-CN readers think in 万元; others read yuan. */
    static String amount(BigDecimal yuan, Locale locale) {
        if (locale.equals(PageLocales.EN)) {
            NumberFormat f = NumberFormat.getNumberInstance(Locale.US);
            f.setMinimumFractionDigits(2);
            f.setMaximumFractionDigits(2);
            return "CNY " + f.format(yuan);
        }
        NumberFormat f = NumberFormat.getNumberInstance(Locale.SIMPLIFIED_CHINESE);
        f.setMaximumFractionDigits(2);
        f.setMinimumFractionDigits(0);
        return f.format(yuan.divide(BigDecimal.valueOf(10_000), 6, RoundingMode.HALF_EVEN)) + " 万元";
    }

    private static String dateTime(OffsetDateTime t) {
        return t.atZoneSameInstant(TimeFactory.BUSINESS_ZONE).format(DATE_TIME);
    }
}
