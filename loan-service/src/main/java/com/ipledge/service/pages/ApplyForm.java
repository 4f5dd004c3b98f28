package com.ipledge.service.pages;

import com.ipledge.service.borrower.NewBorrower;
import com.ipledge.service.ipasset.IpType;
import com.ipledge.service.ipasset.LegalStatus;
import com.ipledge.service.ipasset.NewIpAsset;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a person typed into the form: kept as text (so that a rejected form comes back exactly as typed) and read
 * into the services' request records. Reading checks only what the text itself must be (a number, a date, a
 * ticked box); every business check is left to the services the API uses.
 */
final class ApplyForm {
    static final int ASSET_ROWS = 5;
    static final int MAX_FIELD_LENGTH = 1000;
    static final List<String> FIELDS = List.of("bankId", "name", "creditCode", "industryCode", "regionCode",
            "employees", "operatingRevenue", "totalAssets", "foundedOn", "contactName", "contactPhone",
            "requestedAmount", "termMonths", "purpose", "consent");
    static final List<String> ASSET_FIELDS = List.of("type", "number", "title", "filingDate", "grantDate",
            "registrationDate", "niceClasses");
    /** A phone as people write it: digits with spaces, hyphens, parentheses round an area code, a leading +. */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]+");
    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);

    private final Map<String, String> values;

    private ApplyForm(Map<String, String> values) {
        this.values = values;
    }

    /** The form's fields from a posted body; unknown fields are dropped and every value is stripped. */
    static ApplyForm of(Map<String, ?> body) {
        Map<String, String> values = new TreeMap<>();
        for (String name : allFieldNames()) {
            Object v = body.get(name);
            if (v instanceof List<?> list) {
                v = list.isEmpty() ? null : list.get(0);
            }
            if (v != null && !v.toString().isBlank()) {
                String s = v.toString().strip();
                values.put(name, s.length() > MAX_FIELD_LENGTH ? s.substring(0, MAX_FIELD_LENGTH) : s);
            }
        }
        return new ApplyForm(values);
    }

    /** The fields holding a NUL character: no person types one, and PostgreSQL would refuse it (a 500). */
    List<FormError> nulErrors() {
        return values.entrySet().stream().filter(e -> e.getValue().indexOf('\0') >= 0)
                .map(e -> FormError.of(e.getKey(), "error.nul")).toList();
    }

    /** The form as typed less its NUL characters, to show again (an HTML page cannot carry them). */
    ApplyForm withoutNul() {
        Map<String, String> clean = new TreeMap<>();
        values.forEach((name, value) -> clean.put(name, value.replace("\0", "")));
        return new ApplyForm(clean);
    }

    static ApplyForm empty() {
        return new ApplyForm(new TreeMap<>());
    }

    static List<String> allFieldNames() {
        List<String> names = new ArrayList<>(FIELDS);
        for (int i = 0; i < ASSET_ROWS; i++) {
            for (String f : ASSET_FIELDS) {
                names.add(assetField(i, f));
            }
        }
        return names;
    }

    static String assetField(int row, String field) {
        return "assets[" + row + "]." + field;
    }

    /** What the person typed, or "" (templates show it as the field's value). */
    String value(String field) {
        return values.getOrDefault(field, "");
    }

    /** The fields as typed, for the idempotency fingerprint: a double click posts the same map. */
    Map<String, String> values() {
        return Map.copyOf(values);
    }

    boolean consented() {
        return values.containsKey("consent");
    }

    /** The form read into the services' records, with the problems of reading it. */
    record Read(UUID bankId, NewBorrower borrower, List<AssetRow> assets, BigDecimal requestedAmount,
                Integer termMonths, String purpose, String contactName, String contactPhone,
                List<FormError> errors) {
    }

    /** One filled asset row of the form (rows left empty are skipped). */
    record AssetRow(int row, NewIpAsset asset) {
    }

    /**
     * How many asset rows to show: one on an empty form (a person adds more with "添加一项"), and every row up to
     * the last one typed in, so that nothing typed is hidden.
     */
    int filledRows() {
        int rows = 1;
        for (int i = 0; i < ASSET_ROWS; i++) {
            int row = i;
            if (ASSET_FIELDS.stream().anyMatch(f -> values.containsKey(assetField(row, f)))) {
                rows = i + 1;
            }
        }
        return rows;
    }

    /** The form read with the pickers' names and suggestions turned into codes (see {@link ApplyCatalog}). */
    Read read(ApplyCatalog catalog) {
        List<FormError> errors = new ArrayList<>();
        UUID bankId = null;
        if (!values.containsKey("bankId")) {
            errors.add(FormError.of("bankId", "error.bank.required"));
        } else {
            try {
                bankId = UUID.fromString(value("bankId"));
            } catch (IllegalArgumentException e) {
                errors.add(FormError.of("bankId", "error.bank.unknown"));
            }
        }
        String industry = text("industryCode");
        String region = text("regionCode");
        NewBorrower borrower = new NewBorrower(text("name"), code("creditCode"),
                industry == null ? null : catalog.industryCode(industry), null,
                region == null ? null : catalog.regionCode(region), integer("employees", errors), yuan("operatingRevenue", errors),
                yuan("totalAssets", errors), date("foundedOn", errors));
        List<AssetRow> assets = new ArrayList<>();
        for (int i = 0; i < ASSET_ROWS; i++) {
            readAsset(i, borrower.creditCode(), errors).ifPresent(assets::add);
        }
        String contactName = text("contactName");
        String contactPhone = phone(text("contactPhone"));
        if (contactName == null) {
            errors.add(FormError.of("contactName", "error.required"));
        } else if (contactName.length() > 100) {
            errors.add(FormError.of("contactName", "error.maxLength", "100"));
        }
        if (contactPhone == null) {
            errors.add(FormError.of("contactPhone", "error.required"));
        } else if (contactPhone.isEmpty()) {
            errors.add(FormError.of("contactPhone", "error.phone"));
        }
        if (!consented()) {
            errors.add(FormError.of("consent", "error.consent"));
        }
        return new Read(bankId, borrower, assets, yuan("requestedAmount", errors), integer("termMonths", errors),
                text("purpose"), contactName, contactPhone, errors);
    }

    /** A row read from the form, or none when the person left it empty. */
    private Optional<AssetRow> readAsset(int i, String ownerCreditCode, List<FormError> errors) {
        boolean empty = ASSET_FIELDS.stream().noneMatch(f -> values.containsKey(assetField(i, f)));
        if (empty) {
            return Optional.empty();
        }
        IpType type = null;
        String typeText = text(assetField(i, "type"));
        if (typeText == null) {
            errors.add(FormError.of(assetField(i, "type"), "error.required"));
        } else {
            try {
                type = IpType.valueOf(typeText);
                if (!type.isPatent() && !type.isMark()) {
                    type = null;
                    errors.add(FormError.of(assetField(i, "type"), "error.asset.type"));
                }
            } catch (IllegalArgumentException e) {
                errors.add(FormError.of(assetField(i, "type"), "error.asset.type"));
            }
        }
        List<Integer> classes = null;
        if (type != null && type.isMark()) {
            classes = niceClasses(assetField(i, "niceClasses"), errors);
        }
        String number = text(assetField(i, "number"));
        NewIpAsset asset = new NewIpAsset(type, number == null ? null : rightNumber(number),
                text(assetField(i, "title")), ownerCreditCode, date(assetField(i, "filingDate"), errors),
                type != null && type.isPatent() ? date(assetField(i, "grantDate"), errors) : null,
                type != null && type.isMark() ? date(assetField(i, "registrationDate"), errors) : null,
                LegalStatus.VALID, null, null, null, classes);
        return Optional.of(new AssetRow(i, asset));
    }

    private String text(String field) {
        return values.get(field);
    }

    /**
     * A credit code as pasted: full-width characters, stray spaces and lower case are how a
     * licence copied from a PDF or typed with a Chinese input method comes, not mistakes to send back.
     */
    private String code(String field) {
        String v = values.get(field);
        return v == null ? null : halfWidth(v).replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    /**
     * A patent or trademark number as printed on its certificate ({@code ZL 2017 1 0601862.3}, often with a
     * full-width dot): spaces and the ZL prefix dropped, so the services see {@code 201710601862.3}.
     */
    static String rightNumber(String typed) {
        String s = halfWidth(typed).replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        return s.startsWith("ZL") ? s.substring(2) : s;
    }

    /** Digits with a leading + kept, or "" when the text is not a phone number at all (then the error says so). */
    static String phone(String typed) {
        if (typed == null) {
            return null;
        }
        String s = halfWidth(typed).strip();
        if (!PHONE.matcher(s).matches() || s.indexOf('+', 1) >= 0) {
            return "";
        }
        String digits = s.replaceAll("[^0-9]", "");
        return digits.length() < 5 || digits.length() > 20 ? "" : (s.startsWith("+") ? "+" : "") + digits;
    }

    /**
     * Full-width ASCII (U+FF01 to U+FF5E, from Chinese input methods), the ideographic space and the ideographic
     * full stop (。, typed for a dot) as their ASCII characters.
     */
    static String halfWidth(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c >= '\uFF01' && c <= '\uFF5E') {
                b.append((char) (c - 0xFEE0));
            } else if (c == '\u3000') {
                b.append(' ');
            } else if (c == '\u3002') {
                b.append('.');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private Integer integer(String field, List<FormError> errors) {
        String v = values.get(field);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(halfWidth(v).replaceAll("[,\\s]", ""));
        } catch (NumberFormatException e) {
            errors.add(FormError.of(field, "error.integer"));
            return null;
        }
    }

    /**
     * Yuan as people write them: thousands separators (, or space), full-width digits, a ¥ sign, a trailing 元,
     * and a trailing 万 (or 万元) meaning ten thousand, the unit Chinese firms think in ({@code 1850万}).
     */
    static BigDecimal yuan(String typed) {
        String s = halfWidth(typed).replaceAll("[,\\s]", "").replace("\u00A5", "").replace("\uFFE5", "");
        if (s.endsWith("元")) {
            s = s.substring(0, s.length() - 1);
        }
        boolean wan = s.endsWith("万");
        if (wan) {
            s = s.substring(0, s.length() - 1);
        }
        BigDecimal amount = new BigDecimal(s);
        return wan ? amount.multiply(WAN) : amount;
    }

    private BigDecimal yuan(String field, List<FormError> errors) {
        String v = values.get(field);
        if (v == null) {
            return null;
        }
        try {
            return yuan(v);
        } catch (NumberFormatException e) {
            errors.add(FormError.of(field, "error.number"));
            return null;
        }
    }

    private LocalDate date(String field, List<FormError> errors) {
        String v = values.get(field);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(FormError.of(field, "error.date"));
            return null;
        }
    }

    private List<Integer> niceClasses(String field, List<FormError> errors) {
        String v = values.get(field);
        if (v == null) {
            return List.of();
        }
        List<Integer> classes = new ArrayList<>();
        for (String part : v.split("[,，、;；\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            try {
                classes.add(Integer.valueOf(part));
            } catch (NumberFormatException e) {
                errors.add(FormError.of(field, "error.nice.format"));
                return null;
            }
        }
        return classes;
    }

    /** Field name to the id of its input: ids may not hold brackets or dots in CSS selectors and label targets. */
    static String id(String field) {
        return "f-" + field.replace("[", "-").replace("].", "-").replace(".", "-").replace("]", "");
    }

    /** Keeps the first error of each field: it is the one to fix first (a number that is not a number, ...). */
    static Map<String, FormError> firstPerField(List<FormError> errors) {
        Map<String, FormError> first = new LinkedHashMap<>();
        for (FormError e : errors) {
            first.putIfAbsent(e.field(), e);
        }
        return first;
    }
}
