package com.ipledge.service.batch;

import com.ipledge.service.application.ApplicationService;
import com.ipledge.service.application.ApplicationView;
import com.ipledge.service.application.NewApplication;
import com.ipledge.service.csv.Csv;
import com.ipledge.service.problem.DomainProblem;
import com.ipledge.service.problem.FieldError;
import com.ipledge.service.problem.FieldErrors;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.problem.NotFound;
import com.ipledge.service.security.Caller;
import com.ipledge.service.valuation.ValuationInput;
import com.ipledge.service.valuation.ValuationInput.AssumptionsInput;
import com.ipledge.service.valuation.ValuationInput.LifeInput;
import com.ipledge.service.valuation.ValuationInput.RateInput;
import com.ipledge.service.valuation.ValuationService;
import com.ipledge.service.valuation.ValuationView;
import com.ipledge.valuation.Discounting;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Does one row of a batch: reads its cells into the single-item request and sends it through the very service
 * method {@code POST /valuations} or {@code POST /applications} uses (same validation, same storage, same audit).
 * Joins the caller's transaction. A bad row throws a {@link DomainProblem} whose errors name CSV columns.
 */
@Singleton
public class BatchRows {
    /** What a processed row produced. */
    record Result(UUID entityId, String entityStatus, BigDecimal reconciledValue, BigDecimal collateralValue) {
    }

    private final ValuationService valuations;
    private final ApplicationService applications;

    public BatchRows(ValuationService valuations, ApplicationService applications) {
        this.valuations = valuations;
        this.applications = applications;
    }

    Result process(BatchKind kind, Caller caller, List<String> header, String raw) {
        Cells cells = Cells.of(header, raw);
        try {
            return switch (kind) {
                case VALUATION -> valuation(caller, cells);
                case APPLICATION -> application(caller, cells);
            };
        } catch (DomainProblem p) {
            throw inColumns(kind, p);
        }
    }

    private Result valuation(Caller caller, Cells c) {
        UUID assetId = c.uuid("assetId");
        AssumptionsInput assumptions = new AssumptionsInput(c.date("valuationDate"), c.decimal("baseRevenue"),
                new RateInput(c.number("revenueGrowthMean"), c.number("revenueGrowthSd")),
                new RateInput(c.number("royaltyRateMean"), c.number("royaltyRateSd")),
                new RateInput(c.number("discountRateMean"), c.number("discountRateSd")),
                c.number("taxRate"),
                new LifeInput(c.number("economicLifeMin"), c.number("economicLifeMode"), c.number("economicLifeMax")),
                c.discounting("discounting"), c.number("collateralQuantile"), c.number("renewalSurvivalProbability"),
                c.bool("applyValueScore"));
        ValuationInput in = new ValuationInput(assetId, null, assumptions, c.integer("paths"), c.integer("seed"),
                null, null, null);
        if (assetId == null && !c.errors.has("assetId")) {
            c.errors.add("assetId", "is required");
        }
        c.errors.throwIfAny();
        ValuationView v = valuations.value(caller, in).view();
        return new Result(v.id(), null, v.reconciledValue(), v.collateralValue());
    }

    private Result application(Caller caller, Cells c) {
        List<NewApplication.CollateralRef> collateral = new ArrayList<>();
        String ids = c.text("assetIds");
        if (ids != null) {
            String[] parts = ids.split(BatchKind.ASSET_ID_SEPARATOR, -1);
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i].strip();
                if (part.isEmpty() && parts.length == 1) {
                    break;
                }
                collateral.add(new NewApplication.CollateralRef(c.uuidText("assetIds[" + i + "]", part)));
            }
        }
        Boolean overdue = c.bool("currentlyOverdue");
        BigInteger years = c.integer("yearsSinceLastDefault");
        Boolean dishonest = c.bool("onDishonestyList");
        NewApplication.CreditHistory history = overdue == null && years == null && dishonest == null ? null
                : new NewApplication.CreditHistory(overdue, small(c, "yearsSinceLastDefault", years), dishonest);
        NewApplication in = new NewApplication(c.uuid("borrowerId"), c.decimal("requestedAmount"),
                small(c, "termMonths", c.integer("termMonths")), c.text("purpose"), collateral, c.bool("insurance"),
                history);
        c.errors.throwIfAny();
        ApplicationView v = applications.submit(caller, in);
        return new Result(v.id(), v.status().name(), null, null);
    }

    private static Integer small(Cells c, String column, BigInteger value) {
        if (value == null) {
            return null;
        }
        if (value.bitLength() > 31) {
            c.errors.add(column, "is out of range");
            return null;
        }
        return value.intValueExact();
    }

    /** The problem with each field renamed to its CSV column; a problem without fields names the key column. */
    static DomainProblem inColumns(BatchKind kind, DomainProblem p) {
        List<FieldError> errors = p.errors().stream()
                .map(e -> new FieldError(kind.column(e.field()), e.message())).toList();
        if (errors.isEmpty()) {
            errors = List.of(new FieldError(p instanceof NotFound ? kind.keyColumn() : "row", p.getMessage()));
        }
        return p.withErrors(errors);
    }

    /** One row's cells by column, with every unreadable cell named in {@code errors}. */
    static final class Cells {
        final FieldErrors errors = new FieldErrors();
        private final Map<String, String> values = new HashMap<>();

        static Cells of(List<String> header, String raw) {
            List<String> fields = Csv.values(raw).orElseThrow(
                    () -> InvalidInput.of("row", "is not valid CSV (check the quotes)"));
            Cells c = new Cells();
            if (fields.size() != header.size()) {
                throw InvalidInput.of("row", "has " + fields.size() + " fields; the header has " + header.size());
            }
            for (int i = 0; i < header.size(); i++) {
                String v = fields.get(i).strip();
                c.values.put(header.get(i), v.isEmpty() ? null : v);
            }
            return c;
        }

        String text(String column) {
            return values.get(column);
        }

        UUID uuid(String column) {
            return uuidText(column, values.get(column));
        }

        UUID uuidText(String column, String v) {
            if (v == null || v.isEmpty()) {
                return null;
            }
            try {
                if (v.length() == 36) {
                    return UUID.fromString(v);
                }
            } catch (IllegalArgumentException e) {
                // named below
            }
            errors.add(column, "must be a UUID");
            return null;
        }

        BigDecimal decimal(String column) {
            String v = values.get(column);
            if (v == null) {
                return null;
            }
            try {
                BigDecimal d = new BigDecimal(v);
                if (Math.abs((long) d.scale()) > 100 || d.precision() > 100) {
                    errors.add(column, "is not a plausible number");
                    return null;
                }
                return d;
            } catch (NumberFormatException e) {
                errors.add(column, "must be a number (plain digits, '.' for decimals)");
                return null;
            }
        }

        Double number(String column) {
            BigDecimal d = decimal(column);
            if (d == null) {
                return null;
            }
            double x = d.doubleValue();
            if (!Double.isFinite(x)) {
                errors.add(column, "is out of range");
                return null;
            }
            return x;
        }

        BigInteger integer(String column) {
            String v = values.get(column);
            if (v == null) {
                return null;
            }
            if (v.length() > 40 || !v.matches("[+-]?[0-9]+")) {
                errors.add(column, "must be a whole number");
                return null;
            }
            return new BigInteger(v);
        }

        LocalDate date(String column) {
            String v = values.get(column);
            if (v == null) {
                return null;
            }
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                errors.add(column, "must be an ISO-8601 date (YYYY-MM-DD)");
                return null;
            }
        }

        Boolean bool(String column) {
            String v = values.get(column);
            if (v == null) {
                return null;
            }
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> {
                    errors.add(column, "must be true or false");
                    yield null;
                }
            };
        }

        Discounting discounting(String column) {
            String v = values.get(column);
            if (v == null) {
                return null;
            }
            try {
                return Discounting.valueOf(v);
            } catch (IllegalArgumentException e) {
                errors.add(column, "must be one of " + Arrays.toString(Discounting.values()));
                return null;
            }
        }
    }
}
