package com.ipledge.service.monitoring;

import com.ipledge.service.security.Roles;
import com.ipledge.service.idempotency.Idempotent;
import com.ipledge.service.idempotency.IdempotentRequests;
import com.ipledge.service.problem.FieldError;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.security.Caller;
import com.ipledge.service.web.Page;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Controller("/api/v1")
@Tag(name = "monitoring")
public class MonitoringController {
    /** Body of an acknowledgement or a resolution. */
    @Introspected
    public record AlertNote(@Nullable String note) {
    }

    static final String TEXT_CSV = "text/csv";

    private final MonitoringService monitoring;
    private final AlertService alerts;

    public MonitoringController(MonitoringService monitoring, AlertService alerts) {
        this.monitoring = monitoring;
        this.alerts = alerts;
    }

    /**
     * One event {@code {assetNumber, type, occurredOn, assetType?}} (201, or 200 with {@code duplicate: true} when
     * the same source reported it before) or a batch {@code {events: [...]}} (200 with one result per event; any
     * bad event rejects the batch with 400 naming {@code events[i].field}).
     */
    @Post("/monitoring/events")
    @Consumes(MediaType.APPLICATION_JSON)
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "reportMonitoringEvents",
            summary = "Report registry events (JSON, or CSV one event a line)")
    @Idempotent
    public HttpResponse<?> report(@Body EventReport body, Caller caller,
                                  @Nullable @Header(IdempotentRequests.HEADER) String key) {
        checkShape(body);
        if (body.isBatch()) {
            return HttpResponse.ok(monitoring.reportAll(caller, body.events()));
        }
        EventResult r = monitoring.report(caller, new EventReport.Event(body.assetNumber(), body.type(),
                body.occurredOn(), body.assetType()));
        return HttpResponse.status(r.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(r);
    }

    /**
     * A registry feed as CSV: header {@code assetNumber,type,occurredOn[,assetType]}, one event a line. Answers 200
     * with one result per row; a bad row is REJECTED with its line number and errors, the others go in.
     */
    @Post("/monitoring/events")
    @Consumes(TEXT_CSV)
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "reportMonitoringEvents",
            summary = "Report registry events (JSON, or CSV one event a line)")
    @Idempotent(variant = "csv")
    public HttpResponse<?> reportCsv(@Nullable @Body String body, Caller caller,
                                     @Nullable @Header(IdempotentRequests.HEADER) String key) {
        String csv = body == null ? "" : body;
        return HttpResponse.ok(monitoring.reportCsv(caller, csv));
    }

    @Get("/alerts")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "listAlerts", summary = "List monitoring alerts")
    public Page<LoanAlert> list(@Nullable @QueryValue String status, @Nullable @QueryValue String severity,
                                @Nullable @QueryValue String loanId, @QueryValue(defaultValue = "0") int page,
                                @QueryValue(defaultValue = "20") int size, Caller caller) {
        return alerts.list(caller, status, severity, loanId, page, size);
    }

    @Get("/alerts/{id}")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "getAlert", summary = "Get a monitoring alert")
    public LoanAlert get(UUID id, Caller caller) {
        return alerts.get(caller, id);
    }

    @Post("/alerts/{id}/acknowledgement")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "acknowledgeAlert", summary = "Acknowledge an alert")
    @Idempotent
    public HttpResponse<?> acknowledge(UUID id, @Nullable @Body AlertNote body, Caller caller,
                                       @Nullable @Header(IdempotentRequests.HEADER) String key) {
        AlertNote n = body == null ? new AlertNote(null) : body;
        return HttpResponse.ok(alerts.acknowledge(caller, id, n.note()));
    }

    @Post("/alerts/{id}/resolution")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "resolveAlert", summary = "Resolve an alert")
    @Idempotent
    public HttpResponse<?> resolve(UUID id, @Nullable @Body AlertNote body, Caller caller,
                                   @Nullable @Header(IdempotentRequests.HEADER) String key) {
        AlertNote n = body == null ? new AlertNote(null) : body;
        return HttpResponse.ok(alerts.resolve(caller, id, n.note()));
    }

    /** A body is one event or a batch, not both, and not neither. */
    private static void checkShape(EventReport body) {
        if (body == null) {
            throw InvalidInput.of("body", "is required: {assetNumber, type, occurredOn} or {events: [...]}");
        }
        if (body.isBatch()) {
            List<FieldError> errors = new ArrayList<>();
            if (body.assetNumber() != null) {
                errors.add(new FieldError("assetNumber", "goes inside events[] in a batch"));
            }
            if (body.type() != null) {
                errors.add(new FieldError("type", "goes inside events[] in a batch"));
            }
            if (body.occurredOn() != null) {
                errors.add(new FieldError("occurredOn", "goes inside events[] in a batch"));
            }
            if (body.assetType() != null) {
                errors.add(new FieldError("assetType", "goes inside events[] in a batch"));
            }
            if (!errors.isEmpty()) {
                throw InvalidInput.of(errors);
            }
        }
    }
}
