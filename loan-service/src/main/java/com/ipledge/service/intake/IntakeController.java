package com.ipledge.service.intake;

import com.ipledge.service.security.Roles;
import com.ipledge.service.idempotency.Idempotent;
import com.ipledge.service.idempotency.IdempotentRequests;
import com.ipledge.service.security.Caller;
import com.ipledge.service.web.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/** A bank's officer works through the filings of the public form addressed to the bank. */
@Controller("/api/v1/intakes")
@Tag(name = "intakes")
@Secured(Roles.BANK_OFFICER)
@SecurityRequirement(name = "bearerAuth")
public class IntakeController {
    private final IntakeService intakes;

    public IntakeController(IntakeService intakes) {
        this.intakes = intakes;
    }

    @Get
    @Operation(operationId = "listIntakes", summary = "List intakes awaiting or past confirmation")
    public Page<IntakeView> list(@Nullable @QueryValue IntakeStatus status,
                                 @QueryValue(defaultValue = "0") int page,
                                 @QueryValue(defaultValue = "20") int size, Caller caller) {
        return intakes.list(caller, Optional.ofNullable(status), page, size);
    }

    @Get("/{id}")
    @Operation(operationId = "getIntake", summary = "Get an intake")
    public IntakeView get(UUID id, Caller caller) {
        return intakes.get(caller, id);
    }

    @Get(value = "/{id}/documents/{documentId}",
            produces = {"application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_JSON})
    @Operation(operationId = "downloadIntakeDocument", summary = "Download a document the firm uploaded, byte for "
            + "byte, as the type its first bytes show (PDF, JPEG or PNG)")
    public HttpResponse<byte[]> document(UUID id, UUID documentId, Caller caller) {
        IntakeService.DocumentFile f = intakes.documentFile(caller, id, documentId);
        String extension = switch (f.document().contentType()) {
            case "application/pdf" -> ".pdf";
            case "image/jpeg" -> ".jpg";
            default -> ".png";
        };
        return HttpResponse.ok(f.content()).contentType(MediaType.of(f.document().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"intake-document-" + documentId
                        + extension + "\"; filename*=UTF-8''" + URLEncoder.encode(f.document().fileName(),
                        StandardCharsets.UTF_8).replace("+", "%20"));
    }

    @Post("/{id}/confirm")
    @Operation(operationId = "confirmIntake", summary = "Confirm an intake into an application")
    @Idempotent
    public HttpResponse<?> confirm(UUID id, @Body IntakeConfirmation body, Caller caller,
                                   @Nullable @Header(IdempotentRequests.HEADER) String key) {
        return HttpResponse.ok(intakes.confirm(caller, id, body));
    }

    @Post("/{id}/reject")
    @Operation(operationId = "rejectIntake", summary = "Reject an intake")
    @Idempotent
    public HttpResponse<?> reject(UUID id, @Body IntakeRejection body, Caller caller,
                                  @Nullable @Header(IdempotentRequests.HEADER) String key) {
        return HttpResponse.ok(intakes.reject(caller, id, body));
    }
}
