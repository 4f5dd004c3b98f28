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
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{4,28}[0-9]");

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

    Read read() {
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
        NewBorrower borrower = new NewBorrower(text("name"), upper("creditCode"), upper("industryCode"), null,
                text("regionCode"), integer("employees", errors), yuan("operatingRevenue", errors),
                yuan("totalAssets", errors), date("foundedOn", errors));
        List<AssetRow> assets = new ArrayList<>();
        for (int i = 0; i < ASSET_ROWS; i++) {
            readAsset(i, borrower.creditCode(), errors).ifPresent(assets::add);
        }
        String contactName = text("contactName");
        String contactPhone = text("contactPhone");
        if (contactName == null) {
            errors.add(FormError.of("contactName", "error.required"));
        } else if (contactName.length() > 100) {
            errors.add(FormError.of("contactName", "error.maxLength", "100"));
        }
        if (contactPhone == null) {
            errors.add(FormError.of("contactPhone", "error.required"));
        } else if (!PHONE.matcher(contactPhone).matches()) {
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
            } catch (IllegalArgumentException e) {
                errors.add(FormError.of(assetField(i, "type"), "error.asset.type"));
            }
        }
        List<Integer> classes = null;
        if (type != null && type.isMark()) {
            classes = niceClasses(assetField(i, "niceClasses"), errors);
        }
        String number = text(assetField(i, "number"));
        NewIpAsset asset = new NewIpAsset(type, number == null ? null : number.toUpperCase(Locale.ROOT),
                text(assetField(i, "title")), ownerCreditCode, date(assetField(i, "filingDate"), errors),
                type != null && type.isPatent() ? date(assetField(i, "grantDate"), errors) : null,
                type != null && type.isMark() ? date(assetField(i, "registrationDate"), errors) : null,
                LegalStatus.VALID, null, null, null, classes);
        return Optional.of(new AssetRow(i, asset));
    }

    private String text(String field) {
        return values.get(field);
    }

    private String upper(String field) {
        String v = values.get(field);
        return v == null ? null : v.toUpperCase(Locale.ROOT);
    }

    private Integer integer(String field, List<FormError> errors) {
        String v = values.get(field);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v.replace(",", "").replace(" ", ""));
        } catch (NumberFormatException e) {
            errors.add(FormError.of(field, "error.integer"));
            return null;
        }
    }

    /** Yuan as typed: thousands separators (, or space) allowed. */
    private BigDecimal yuan(String field, List<FormError> errors) {
        String v = values.get(field);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v.replace(",", "").replace(" ", ""));
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
