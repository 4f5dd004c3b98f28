package com.ipledge.service.pages;

import com.ipledge.service.TimeFactory;
import com.ipledge.service.admin.Bank;
import com.ipledge.service.application.ApplicationService;
import com.ipledge.service.application.ApplicationStatus;
import com.ipledge.service.application.ApplicationView;
import com.ipledge.service.intake.IntakeDocument;
import com.ipledge.service.intake.IntakeService;
import com.ipledge.service.intake.IntakeStatus;
import com.ipledge.service.intake.PublicIntake;
import com.ipledge.service.problem.DomainProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.inject.Named;
import java.io.IOException;
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

/**
 * An applicant's status page ({@code /status/{token}}): "提交成功", what happens next, the reference, a printable
 * summary of what was submitted, the history in words, the bank's messages, and the documents uploaded from it.
 * It opens only with its unguessable token, and is kept out of search engines.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
public class StatusPageController {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final List<String> DOCUMENT_KINDS = Arrays.stream(IntakeDocument.Kind.values())
            .map(Enum::name).toList();

    private final PageResponses pages;
    private final CsrfTokens csrf;
    private final ApplyBanks banks;
    private final ApplyCatalog catalog;
    private final ApplicationIntake intake;
    private final ApplicationService applications;
    private final ApplicantMessages applicantMessages;
    private final ApplyThrottle throttle;

    public StatusPageController(@Named(PageResponsesFactory.APPLY) PageResponses pages,
                                @Named(CsrfTokensFactory.APPLY) CsrfTokens csrf, ApplyBanks banks,
                                ApplyCatalog catalog, ApplicationIntake intake, ApplicationService applications,
                                ApplicantMessages applicantMessages, ApplyThrottle throttle) {
        this.pages = pages;
        this.csrf = csrf;
        this.banks = banks;
        this.catalog = catalog;
        this.intake = intake;
        this.applications = applications;
        this.applicantMessages = applicantMessages;
        this.throttle = throttle;
    }

    @Get(uri = "/status/{token}", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> status(HttpRequest<?> request, @PathVariable String token,
                                       @Nullable @QueryValue String lang) {
        Locale locale = PageLocales.resolve(request, lang);
        return PageLocales.sticky(statusPage(request, token, locale, null), request, lang);
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
            return pages.tooMany(locale, wait);
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