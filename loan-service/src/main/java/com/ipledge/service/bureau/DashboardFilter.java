package com.ipledge.service.bureau;

import com.ipledge.rules.EcoIndustry;
import com.ipledge.rules.Severity;
import com.ipledge.service.admin.AdminService;
import com.ipledge.service.admin.Bank;
import com.ipledge.service.portfolio.BookFilter;
import com.ipledge.service.portfolio.BookNames;
import com.ipledge.service.problem.InvalidInput;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * The dashboard's filters as the URL carries them ({@code /bureau?bank=<bank code>&from=&to=&industry=&region=
 * &ipType=}), plus the drill-down's own ({@code eco}, {@code npl=true}, {@code alert=<severity>}, {@code month=YYYY-MM}:
 * loans disbursed in that month of the trends, within the period). An empty value is no filter. Every page, chart, drill-down and export of one view uses the same {@link BookFilter}.
 */
record DashboardFilter(Map<String, String> values, @Nullable Bank bank, BookFilter book, @Nullable String alert) {
    /** The parameters, in the order a URL names them. */
    static final java.util.List<String> PARAMETERS = java.util.List.of("bank", "from", "to", "industry", "region",
            "ipType", "eco", "npl", "alert", "month");
    /** No filter (the API's export). */
    static final DashboardFilter NONE = new DashboardFilter(Map.of(), null, BookFilter.NONE, null);
    /** The longest period the trends draw (months). */
    static final int MAX_MONTHS = 60;

    /** Reads and checks the request's filters. @throws InvalidInput naming the first wrong one */
    static DashboardFilter of(HttpRequest<?> request, AdminService banks) {
        return of(request.getParameters()::get, banks);
    }

    /** Checks the filters {@code parameter} gives by name. @throws InvalidInput naming the first wrong one */
    static DashboardFilter of(Function<String, String> parameter, AdminService banks) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String p : PARAMETERS) {
            String v = parameter.apply(p);
            if (v != null && !v.isBlank()) {
                values.put(p, v.strip());
            }
        }
        Bank bank = null;
        if (values.containsKey("bank")) {
            bank = banks.findByCode(values.get("bank"))
                    .orElseThrow(() -> InvalidInput.of("bank", "is not a bank's code"));
        }
        LocalDate from = date(values, "from");
        LocalDate to = date(values, "to");
        if (from != null && to != null && from.isAfter(to)) {
            throw InvalidInput.of("from", "is after to");
        }
        if (from != null && to != null && from.plusMonths(MAX_MONTHS).isBefore(to)) {
            throw InvalidInput.of("from", "is more than " + MAX_MONTHS + " months before to");
        }
        String industry = oneOf(values, "industry", BookNames.SECTIONS);
        String ipType = oneOf(values, "ipType", BookNames.IP_TYPES);
        String eco = oneOf(values, "eco", java.util.Arrays.stream(EcoIndustry.values()).map(Enum::name).toList());
        String region = values.get("region");
        if (region != null && !region.equals(BookFilter.UNSPECIFIED) && !region.matches("\\d{6}")) {
            throw InvalidInput.of("region", "must be a 6-digit region code or UNSPECIFIED");
        }
        String npl = values.get("npl");
        if (npl != null && !npl.equals("true")) {
            throw InvalidInput.of("npl", "must be true or absent");
        }
        String alert = values.get("alert");
        if (alert != null && java.util.Arrays.stream(Severity.values()).noneMatch(s -> s.name().equals(alert))) {
            throw InvalidInput.of("alert", "must be a severity");
        }
        YearMonth month = month(values);
        if (month != null) {
            // the month narrows the period: a month outside it lists nothing
            from = from == null || from.isBefore(month.atDay(1)) ? month.atDay(1) : from;
            to = to == null || to.isAfter(month.atEndOfMonth()) ? month.atEndOfMonth() : to;
        }
        BookFilter book = new BookFilter(bank == null ? null : bank.id(), from, to, industry, region, ipType, eco,
                npl != null);
        return new DashboardFilter(values, bank, book, alert);
    }

    /** Nothing narrowed. */
    boolean isEmpty() {
        return values.isEmpty();
    }

    @Nullable
    String get(String parameter) {
        return values.get(parameter);
    }

    /** The query string of these filters ("" or "?bank=..."), with {@code extra} set or replaced. */
    String query(String... extra) {
        Map<String, String> all = new LinkedHashMap<>(values);
        for (int i = 0; i + 1 < extra.length; i += 2) {
            all.put(extra[i], extra[i + 1]);
        }
        StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
        all.forEach((k, v) -> q.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return q.toString();
    }

    /** These filters without the drill-down's own (what the dashboard itself filters by). */
    String dashboardQuery() {
        Map<String, String> base = new LinkedHashMap<>(values);
        base.remove("npl");
        base.remove("alert");
        base.remove("eco");
        base.remove("month");
        StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
        base.forEach((k, v) -> q.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return q.toString();
    }

    private static LocalDate date(Map<String, String> values, String name) {
        String v = values.get(name);
        if (v == null) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(v);
            if (d.getYear() < 1990 || d.getYear() > 2199) {
                throw InvalidInput.of(name, "must be a date between 1990 and 2199");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(name, "must be a date YYYY-MM-DD");
        }
    }

    private static YearMonth month(Map<String, String> values) {
        String v = values.get("month");
        if (v == null) {
            return null;
        }
        try {
            YearMonth m = YearMonth.parse(v);
            if (m.getYear() < 1990 || m.getYear() > 2199) {
                throw InvalidInput.of("month", "must be a month between 1990 and 2199");
            }
            return m;
        } catch (DateTimeParseException e) {
            throw InvalidInput.of("month", "must be a month YYYY-MM");
        }
    }

    private static String oneOf(Map<String, String> values, String name, java.util.List<String> allowed) {
        String v = values.get(name);
        if (v != null && !v.equals(BookFilter.UNSPECIFIED) && !allowed.contains(v)) {
            throw InvalidInput.of(name, "must be one of " + String.join(", ", allowed) + " or UNSPECIFIED");
        }
        return v;
    }
}
