package com.ipledge.service.batch;

import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.csv.Csv;
import com.ipledge.service.problem.CapacityExceeded;
import com.ipledge.service.problem.FieldError;
import com.ipledge.service.problem.FieldErrors;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.problem.NotFound;
import com.ipledge.service.problem.UnsupportedFormat;
import com.ipledge.service.security.Caller;
import com.ipledge.service.web.Page;
import com.ipledge.service.web.RequestIdFilter;
import com.ipledge.valuation.ValuationEngine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.MDC;

/**
 * Accepts batch uploads and answers their progress and results. An upload is checked as a whole before anything is
 * written (content type, encoding, header, row count and length): a bad file is one 400 naming what is wrong, and no
 * job. Row contents are checked later, row by row, by the worker ({@link BatchWorker}).
 */
@Singleton
public class BatchService {
    /** Rows (not counting the header) one file may hold. */
    public static final int MAX_ROWS = 5_000;
    /** Characters one row may hold (the {@code raw} column). */
    public static final int MAX_ROW_CHARS = 10_000;
    static final int MAX_ERRORS_SHOWN = 20;
    static final MediaType CSV = MediaType.of("text/csv");

    private final BatchRepository jobs;
    private final AuditLog audit;
    private final Clock clock;
    private final long maxQueuedRows;
    private final long maxQueuedPaths;

    public BatchService(BatchRepository jobs, AuditLog audit, Clock clock,
                        BatchSettings settings) {
        this.jobs = jobs;
        this.audit = audit;
        this.clock = clock;
        this.maxQueuedRows = settings.maxQueuedRowsPerBank();
        this.maxQueuedPaths = settings.maxQueuedPathsPerBank();
    }

    /** Stores the file's rows as a QUEUED job (joining the caller's transaction) and answers its view. */
    @Transactional
    public BatchJobView create(Caller caller, BatchKind kind, @Nullable MediaType contentType, @Nullable byte[] body) {
        String text = decode(contentType, body);
        List<Csv.Row> records;
        try {
            records = Csv.read(text);
        } catch (Csv.Malformed e) {
            throw InvalidInput.of("body", "line " + e.line() + ": " + e.getMessage());
        }
        if (records.isEmpty()) {
            throw InvalidInput.of("body", "is empty: send a header line and at least one row");
        }
        List<String> header = header(kind, records.get(0));
        int rows = records.size() - 1;
        if (rows == 0) {
            throw InvalidInput.of("rows", "the file has a header but no rows");
        }
        if (rows > MAX_ROWS) {
            throw InvalidInput.of("rows", "at most " + MAX_ROWS + " rows per file; this one has " + rows
                    + " (split it into several uploads)");
        }
        FieldErrors errors = new FieldErrors();
        int keyIndex = header.indexOf(kind.keyColumn());
        List<BatchRepository.NewRow> newRows = new ArrayList<>(rows);
        for (Csv.Row r : records.subList(1, records.size())) {
            // stored as one CSV line (re-printed: a quoted line break stays inside its quotes) and re-read by the
            // worker with Csv.values
            String raw = Csv.line(r.values());
            if (raw.length() > MAX_ROW_CHARS) {
                errors.add("line " + r.line(), "is longer than " + MAX_ROW_CHARS + " characters");
                continue;
            }
            List<String> fields = r.values();
            String key = fields.size() == header.size() ? fields.get(keyIndex).strip() : null;
            if (key != null && (key.isEmpty() || key.length() > 100)) {
                key = key.isEmpty() ? null : key.substring(0, 100);
            }
            newRows.add(new BatchRepository.NewRow(r.line(), raw, key));
        }
        errors.throwIfAny();
        long paths = kind == BatchKind.VALUATION ? monteCarloPaths(header, records.subList(1, records.size())) : 0;
        checkQueueRoom(caller, rows, paths);
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        BatchJob job = new BatchJob(UUID.randomUUID(), caller.bankScope().orElse(null), kind, BatchJob.Status.QUEUED,
                header, rows, 0, 0, caller.principalId(), caller.role(), requestId, now, null, null);
        jobs.insert(job, newRows, paths);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", kind.name());
        payload.put("total", rows);
        payload.put("columns", header);
        if (requestId != null) {
            payload.put("requestId", requestId);
        }
        audit.append(caller, "batch.created", "batch_job", job.id(), job.bankId(), payload);
        return BatchJobView.of(job, List.of(), false);
    }

    /**
     * One bank's queue is bounded (rows, and Monte Carlo paths) so that it cannot fill the workers' days: an upload
     * that would take it over either cap is refused with 429, naming the cap, what is queued and what was sent.
     * Fairness between banks is the workers' (they take jobs round robin).
     */
    private void checkQueueRoom(Caller caller, int rows, long paths) {
        String scope = caller.bankScope().map(UUID::toString).orElse("principal:" + caller.principalId());
        jobs.lockQueueOf(scope);
        BatchRepository.QueuedWork queued = jobs.queued(caller.bankScope(), caller.principalId());
        List<FieldError> over = new ArrayList<>();
        if (queued.rows() + rows > maxQueuedRows) {
            over.add(new FieldError("rows", "at most " + maxQueuedRows + " rows may wait per bank; "
                    + queued.rows() + " are queued and this file has " + rows));
        }
        if (queued.paths() + paths > maxQueuedPaths) {
            over.add(new FieldError("paths", "at most " + maxQueuedPaths + " Monte Carlo paths may wait per bank; "
                    + queued.paths() + " are queued and this file asks for " + paths));
        }
        if (!over.isEmpty()) {
            throw new CapacityExceeded("batch-queue-full", "This bank's batch queue is full: "
                    + "wait for its jobs to finish, or send a smaller file.", over,
                    Map.of("queuedRows", queued.rows(), "queuedPaths", queued.paths(),
                            "maxQueuedRows", maxQueuedRows, "maxQueuedPaths", maxQueuedPaths));
        }
    }

    /** The paths the valuation rows ask for: {@code paths} where it is a valid count, else the engine's default. */
    private static long monteCarloPaths(List<String> header, List<Csv.Row> rows) {
        int column = header.indexOf("paths");
        long total = 0;
        for (Csv.Row r : rows) {
            long paths = ValuationEngine.DEFAULT_PATHS;
            if (column >= 0 && column < r.values().size()) {
                try {
                    long asked = Long.parseLong(r.values().get(column).strip());
                    if (asked >= 1 && asked <= ValuationEngine.MAX_PATHS) {
                        paths = asked;
                    }
                } catch (NumberFormatException e) {
                    // an unreadable count is the row's own error when it is worked; it costs the default
                }
            }
            total += paths;
        }
        return total;
    }

    public BatchJobView get(Caller caller, UUID id) {
        BatchJob job = find(caller, id);
        List<BatchRow> bad = jobs.errors(id, MAX_ERRORS_SHOWN + 1);
        List<BatchJobView.RowError> errors = new ArrayList<>();
        for (BatchRow row : bad) {
            for (FieldError e : row.errors()) {
                errors.add(new BatchJobView.RowError(row.line(), e.field(), e.message()));
            }
        }
        boolean more = errors.size() > MAX_ERRORS_SHOWN || job.failed() > MAX_ERRORS_SHOWN;
        return BatchJobView.of(job, errors.size() > MAX_ERRORS_SHOWN ? errors.subList(0, MAX_ERRORS_SHOWN) : errors,
                more);
    }

    public Page<BatchJobView> list(Caller caller, int page, int size) {
        Page.check(page, size);
        List<BatchJobView> items = jobs.page(caller.bankScope(), page, size).stream()
                .map(j -> BatchJobView.of(j, null, null)).toList();
        return new Page<>(items, page, size, jobs.count(caller.bankScope()));
    }

    /** The results CSV: one line per input row, in file order; rows not yet processed say PENDING. */
    public String results(Caller caller, UUID id) {
        BatchJob job = find(caller, id);
        Csv.Writer csv = Csv.Writer.formulaSafe().row(job.kind().resultHeader());
        for (BatchRow r : jobs.rows(id)) {
            List<Object> line = new ArrayList<>();
            line.add(r.line());
            line.add(r.status().name());
            line.add(r.inputKey());
            line.add(r.entityId());
            if (job.kind() == BatchKind.VALUATION) {
                line.add(r.reconciledValue());
                line.add(r.collateralValue());
            } else {
                line.add(r.entityStatus());
            }
            line.add(r.errors().isEmpty() ? null
                    : String.join(";", r.errors().stream().map(FieldError::field).toList()));
            line.add(r.errors().isEmpty() ? null : r.errors().size() == 1 ? r.errors().get(0).message()
                    : String.join(" | ", r.errors().stream().map(e -> e.field() + ": " + e.message()).toList()));
            csv.row(line);
        }
        return csv.text();
    }

    private BatchJob find(Caller caller, UUID id) {
        return jobs.find(id, caller.bankScope()).orElseThrow(() -> NotFound.of("batch job " + id));
    }

    /** The body as text in the charset the Content-Type names (UTF-8 when it names none); Csv.read drops a BOM. */
    private static String decode(MediaType contentType, byte[] body) {
        if (contentType == null || !CSV.getName().equalsIgnoreCase(contentType.getName())) {
            throw UnsupportedFormat.of("Send the file as text/csv.", new FieldError("Content-Type", "must be text/csv (was "
                    + (contentType == null ? "missing" : contentType.getName()) + ")"));
        }
        Charset charset;
        try {
            charset = contentType.getCharset().orElse(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            throw UnsupportedFormat.of("Unknown charset.", new FieldError("Content-Type", "names a charset this service "
                    + "does not know; use UTF-8 (or GB18030 / GBK)"));
        }
        if (body == null || body.length == 0) {
            throw InvalidInput.of("body", "is empty: send a header line and at least one row");
        }
        String text;
        try {
            text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw InvalidInput.of("body", "is not " + charset.name() + " text (name the charset in Content-Type, "
                    + "e.g. text/csv; charset=GBK)");
        }
        return text;
    }

    /** The header's column names, each known to this kind, none twice, every required one present. */
    private static List<String> header(BatchKind kind, Csv.Row record) {
        List<String> fields = record.values();
        FieldErrors errors = new FieldErrors();
        List<String> header = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String f : fields) {
            String name = f.strip();
            if (name.isEmpty()) {
                errors.add("header", "has an empty column name");
            } else if (!kind.knows(name)) {
                errors.add(name.length() > 60 ? name.substring(0, 60) : name, "is not a column of a "
                        + kind.name().toLowerCase() + " batch; columns: " + kind.requiredColumns() + " (required), "
                        + kind.optionalColumns() + " (optional)");
            } else if (!seen.add(name)) {
                errors.add(name, "appears twice in the header");
            }
            header.add(name);
        }
        for (String required : kind.requiredColumns()) {
            if (!seen.contains(required)) {
                errors.add(required, "is a required column and is missing from the header");
            }
        }
        errors.throwIfAny();
        return header;
    }
}
