package com.ipledge.service.pages;

import com.ipledge.service.TimeFactory;
import com.ipledge.service.admin.Bank;
import com.ipledge.service.application.ApplicationService;
import com.ipledge.service.application.ApplicationView;
import com.ipledge.service.idempotency.IdempotentRequests;
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
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.text.NumberFormat;
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
            return sticky(formPage(request, chosen, typed, List.of()), request, switchTo);
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
        ApplyForm.Read read = form.read();
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
            return formPage(request, locale, form, rejected.errors());
        } catch (DomainProblem problem) {
            String key = "idempotency-key-reused".equals(problem.type()) ? "error.alreadySubmitted"
                    : problem instanceof Conflict ? "error.conflict" : "error.other";
            return formPage(request, locale, form,
                    List.of(FormError.of("form", key, problem.getMessage())));
        }
        // a replayed submission (double click) lands on the same status page: the token follows from the form's
        return pages.secured(HttpResponse.<String>seeOther(URI.create("/status/" + statusToken)),
                MediaType.TEXT_PLAIN);
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
        Optional<StatusTokenRepository.Entry> entry = intake.byStatusToken(token);
        Optional<PublicIntake> filed = entry.isPresent() ? Optional.empty() : intake.intakeByStatusToken(token);
        if (entry.isEmpty() && filed.isEmpty()) {
            return sticky(pages.problem(HttpStatus.NOT_FOUND, locale, "problem.notFound"), request, lang);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        UUID bankId = entry.map(StatusTokenRepository.Entry::bankId).orElseGet(() -> filed.get().bankId());
        UUID applicationId = entry.map(StatusTokenRepository.Entry::applicationId)
                .orElseGet(() -> filed.get().applicationId());
        model.put("bankName", banks.accepting(bankId).map(Bank::name).orElse(""));
        model.put("contactName", entry.map(StatusTokenRepository.Entry::contactName)
                .orElseGet(() -> filed.get().contactName()));
        if (applicationId != null) {
            ApplicationView application = applications.get(WebFormCaller.forBank(bankId), applicationId);
            model.put("status", application.status().name());
            model.put("reference", application.id().toString());
            model.put("requestedAmount", amount(application.requestedAmount(), locale));
            model.put("termMonths", application.termMonths());
            model.put("submittedAt", dateTime(filed.map(PublicIntake::submittedAt).orElse(application.createdAt())));
            model.put("updatedAt", dateTime(application.updatedAt()));
            model.put("messages", applicantMessages.forApplication(application.id()).stream()
                    .map(m -> new Choice(dateTime(m.sentAt()), m.text())).toList());
        } else {
            // not yet an application: the bank's officer has still to check the facts (or has turned them down)
            PublicIntake i = filed.get();
            model.put("status", i.status() == IntakeStatus.REJECTED ? "NOT_ACCEPTED" : "RECEIVED");
            model.put("reference", i.id().toString());
            model.put("requestedAmount", amount(i.requestedAmount(), locale));
            model.put("termMonths", i.termMonths());
            model.put("submittedAt", dateTime(i.submittedAt()));
            model.put("updatedAt", dateTime(i.decidedAt() == null ? i.submittedAt() : i.decidedAt()));
            model.put("messages", List.of());
        }
        model.put("selfLink", "/status/" + token);
        // the address is the applicant's key to the page: search engines must not keep it
        return sticky(pages.page(HttpStatus.OK, "apply/status", locale, model), request, lang)
                .header("X-Robots-Tag", "noindex, nofollow");
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
                .map(e -> new Choice(e.code(), e.code() + " " + e.name(locale))).toList());
        model.put("regions", catalog.regions().stream()
                .map(e -> new Choice(e.code(), e.code() + " " + e.name(locale))).toList());
        model.put("assetTypes", Arrays.stream(IpType.values()).map(IpType::name).toList());
        model.put("rows", IntStream.range(0, ApplyForm.ASSET_ROWS).boxed().toList());
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
