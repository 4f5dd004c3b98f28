package com.ipledge.service.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The body limit, by declared length and before the body is read: 1 MB everywhere (the server's own
 * {@code micronaut.server.max-request-size} is 14 MB and bounds bodies sent without a length), except a portfolio
 * simulation, whose 100,000 exposures need up to 8 MB, and an appraisal report, whose PDF of up to 10 MB travels as
 * base64 (4/3 of it) inside JSON: 14 MB, and a document an SME uploads from its status page (5 MB and the
 * multipart envelope).
 */
@ServerFilter("/**")
class BodySizeLimit implements Ordered {
    static final String SIMULATIONS = "/api/v1/risk/portfolio-simulations";
    static final Pattern APPRAISAL_REPORTS = Pattern.compile("/api/v1/ip-assets/[^/]+/appraisal-reports");
    static final Pattern STATUS_DOCUMENTS = Pattern.compile("/status/[^/]+/documents");

    private final long limit;
    private final long simulationLimit;
    private final long appraisalLimit;
    private final long documentLimit;

    BodySizeLimit(BodyLimits limits) {
        this.limit = limits.maxBodyBytes();
        this.simulationLimit = limits.maxSimulationBodyBytes();
        this.appraisalLimit = limits.maxAppraisalBodyBytes();
        this.documentLimit = limits.maxDocumentBodyBytes();
    }

    @RequestFilter
    @Nullable
    MutableHttpResponse<?> check(HttpRequest<?> request) {
        long length = request.getContentLength();
        String path = request.getPath();
        long allowed = path.equals(SIMULATIONS) ? simulationLimit
                : APPRAISAL_REPORTS.matcher(path).matches() ? appraisalLimit
                : STATUS_DOCUMENTS.matcher(path).matches() ? documentLimit : limit;
        if (length <= allowed) {
            return null;
        }
        HttpStatus status = HttpStatus.REQUEST_ENTITY_TOO_LARGE;
        return Problems.respond(HttpResponse.status(status), Problems.body(status, Problems.typeFor(status),
                "The body is " + length + " bytes; this endpoint takes at most " + allowed + ".", List.of(),
                Map.of()));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
