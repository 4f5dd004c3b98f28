package com.ipledge.service.monitoring;

import com.ipledge.rules.MonitoringEventType;
import com.ipledge.service.csv.Csv;
import com.ipledge.service.identifier.PatentNumber;
import com.ipledge.service.identifier.TrademarkNumber;
import com.ipledge.service.ipasset.IpType;
import com.ipledge.service.problem.FieldError;
import com.ipledge.service.problem.InvalidInput;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks reported events and reads the registry's CSV feed. A patent number is matched in canonical form (digits,
 * dot, check character; a {@code ZL} or {@code CN} prefix is dropped); a mark's registration number as digits. Without
 * an {@code assetType} the number's shape says which kinds of right it can name.
 */
final class EventParser {
    static final int MAX_BATCH = 1000;
    static final int MAX_CSV_ROWS = 10_000;
    static final List<String> CSV_COLUMNS = List.of("assetNumber", "type", "occurredOn", "assetType");

    /** An event that passed every check. */
    record Checked(String assetNumber, Set<IpType> assetTypes, IpType assetType, MonitoringEventType type,
                   LocalDate occurredOn) {
    }

    /** One row or element: either checked, or the reasons it was not (field names relative to {@code prefix}). */
    record Parsed(int index, Integer line, EventReport.Event raw, Checked checked, List<FieldError> errors) {
        boolean ok() {
            return checked != null;
        }
    }

    private EventParser() {
    }

    /** Checks one event; {@code prefix} is prepended to field names ({@code events[3].}). */
    static Parsed check(int index, Integer line, String prefix, EventReport.Event e, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (e.type() == null) {
            errors.add(new FieldError(prefix + "type", "is required: one of "
                    + Arrays.toString(MonitoringEventType.values())));
        }
        if (e.occurredOn() == null) {
            errors.add(new FieldError(prefix + "occurredOn", "is required (YYYY-MM-DD)"));
        } else if (e.occurredOn().isAfter(today)) {
            errors.add(new FieldError(prefix + "occurredOn", "is in the future"));
        } else if (e.occurredOn().getYear() < 1980) {
            errors.add(new FieldError(prefix + "occurredOn", "is before 1980"));
        }
        String number = null;
        Set<IpType> types = EnumSet.noneOf(IpType.class);
        String text = e.assetNumber() == null ? null : e.assetNumber().strip();
        if (text == null || text.isEmpty()) {
            errors.add(new FieldError(prefix + "assetNumber", "is required"));
        } else if (e.assetType() != null ? e.assetType().isPatent() : looksLikePatent(text)) {
            PatentNumber.Result parsed = PatentNumber.parse(text);
            if (parsed.problem().isPresent()) {
                errors.add(new FieldError(prefix + "assetNumber", parsed.problem().get()));
            } else {
                PatentNumber p = parsed.number().orElseThrow();
                IpType byNumber = switch (p.kind().orElseThrow()) {
                    case INVENTION -> IpType.INVENTION_PATENT;
                    case UTILITY_MODEL -> IpType.UTILITY_MODEL;
                    case DESIGN -> IpType.DESIGN_PATENT;
                };
                if (e.assetType() != null && e.assetType() != byNumber) {
                    errors.add(new FieldError(prefix + "assetType", "is " + e.assetType() + " but type digit "
                            + p.typeDigit() + " of the number denotes " + byNumber));
                }
                number = p.canonical();
                types.add(byNumber);
            }
        } else {
            var problem = TrademarkNumber.problem(text);
            if (problem.isPresent()) {
                errors.add(new FieldError(prefix + "assetNumber", e.assetType() == null ? "must be a CN patent "
                        + "number such as ZL201710601862.3 or a trademark registration number (digits)"
                        : problem.get()));
            } else {
                number = text;
                if (e.assetType() != null) {
                    types.add(e.assetType());
                } else {
                    types.addAll(EnumSet.of(IpType.TRADEMARK, IpType.GEOGRAPHICAL_INDICATION));
                }
            }
        }
        if (number != null && e.type() != null) {
            boolean patent = types.stream().allMatch(IpType::isPatent);
            if (patent && e.type() == MonitoringEventType.RENEWED) {
                errors.add(new FieldError(prefix + "type", "RENEWED applies to marks; a patent's term is not "
                        + "renewed"));
            }
            if (!patent && (e.type() == MonitoringEventType.FEE_OVERDUE
                    || e.type() == MonitoringEventType.FEE_PAID)) {
                errors.add(new FieldError(prefix + "type", e.type() + " applies to patents (annual fees); "
                        + "a mark is renewed"));
            }
        }
        if (!errors.isEmpty()) {
            return new Parsed(index, line, e, null, List.copyOf(errors));
        }
        IpType single = types.size() == 1 ? types.iterator().next() : null;
        return new Parsed(index, line, e, new Checked(number, Set.copyOf(types), single, e.type(),
                e.occurredOn()), List.of());
    }

    static boolean looksLikePatent(String text) {
        String s = text.toUpperCase(Locale.ROOT);
        return s.contains(".") || s.startsWith("ZL") || s.startsWith("CN") || s.replace(" ", "").length() > 10;
    }

    /**
     * Reads a CSV feed: a header naming {@code assetNumber,type,occurredOn[,assetType]} (in any order), then one
     * event per record. Blank lines are skipped; every other record is checked on its own and reported by the line
     * it starts on (the header is line 1). A missing or wrong header, or a file that is not CSV (a quote not closed),
     * rejects the whole upload (400).
     */
    static List<Parsed> csv(String body, LocalDate today) {
        if (body == null || body.isBlank()) {
            throw InvalidInput.of("body", "is empty: expected a header line "
                    + "assetNumber,type,occurredOn[,assetType] and one event per line");
        }
        List<Csv.Row> records;
        try {
            records = Csv.read(body);
        } catch (Csv.Malformed e) {
            throw InvalidInput.of("body", "line " + e.line() + ": " + e.getMessage());
        }
        if (records.isEmpty()) { // a BOM and blank lines
            throw InvalidInput.of("body", "is empty: expected a header line "
                    + "assetNumber,type,occurredOn[,assetType] and one event per line");
        }
        Csv.Row headerRow = records.get(0);
        List<String> header = headerRow.values().stream().map(String::strip).toList();
        int[] column = new int[CSV_COLUMNS.size()];
        Arrays.fill(column, -1);
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            int known = indexOfIgnoreCase(header.get(i));
            if (known < 0 || column[known] >= 0) {
                unknown.add(header.get(i));
            } else {
                column[known] = i;
            }
        }
        if (!unknown.isEmpty() || column[0] < 0 || column[1] < 0 || column[2] < 0) {
            throw InvalidInput.of("header", "line " + headerRow.line()
                    + " must name the columns assetNumber,type,occurredOn and optionally assetType, each once; got "
                    + header);
        }
        List<Parsed> rows = new ArrayList<>();
        for (Csv.Row record : records.subList(1, records.size())) {
            if (rows.size() == MAX_CSV_ROWS) {
                throw InvalidInput.of("body", "has more than " + MAX_CSV_ROWS
                        + " rows; split the feed");
            }
            rows.add(row(rows.size(), record.line(), record.values(), header.size(), column, today));
        }
        if (rows.isEmpty()) {
            throw InvalidInput.of("body", "has a header but no events");
        }
        return rows;
    }

    private static Parsed row(int index, int lineNo, List<String> cells, int width, int[] column, LocalDate today) {
        String number = cell(cells, column[0]);
        EventReport.Event raw = new EventReport.Event(number, null, null, null);
        if (cells.size() != width) {
            return new Parsed(index, lineNo, raw, null, List.of(new FieldError("line", "has " + cells.size()
                    + " columns, the header " + width)));
        }
        List<FieldError> errors = new ArrayList<>();
        MonitoringEventType type = null;
        String typeText = cell(cells, column[1]);
        if (typeText != null && !typeText.isEmpty()) {
            try {
                type = MonitoringEventType.valueOf(typeText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("type", "must be one of " + Arrays.toString(MonitoringEventType.values())
                        + ", not " + typeText));
            }
        }
        LocalDate occurredOn = null;
        String dateText = cell(cells, column[2]);
        if (dateText != null && !dateText.isEmpty()) {
            try {
                occurredOn = LocalDate.parse(dateText);
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("occurredOn", "must be an ISO-8601 date (YYYY-MM-DD), not " + dateText));
            }
        }
        IpType assetType = null;
        String assetTypeText = cell(cells, column[3]);
        if (assetTypeText != null && !assetTypeText.isEmpty()) {
            try {
                assetType = IpType.valueOf(assetTypeText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("assetType", "must be one of " + Arrays.toString(IpType.values())
                        + ", not " + assetTypeText));
            }
        }
        EventReport.Event event = new EventReport.Event(number, type, occurredOn, assetType);
        Parsed checked = check(index, lineNo, "", event, today);
        if (errors.isEmpty()) {
            return checked;
        }
        // a cell that could not be read is reported once, not also as "is required"
        Set<String> unreadable = errors.stream().map(FieldError::field).collect(Collectors.toSet());
        checked.errors().stream().filter(f -> !unreadable.contains(f.field())).forEach(errors::add);
        return new Parsed(index, lineNo, event, null, List.copyOf(errors));
    }

    private static String cell(List<String> cells, int column) {
        if (column < 0 || column >= cells.size()) {
            return null;
        }
        return cells.get(column).strip();
    }

    private static int indexOfIgnoreCase(String name) {
        for (int i = 0; i < CSV_COLUMNS.size(); i++) {
            if (CSV_COLUMNS.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
