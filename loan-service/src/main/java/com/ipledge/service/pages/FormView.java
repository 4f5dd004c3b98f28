package com.ipledge.service.pages;

import java.util.List;
import java.util.Map;

/**
 * The form as its template sees it: what was typed, and each field's error already in the page's language,
 * with the ids that tie a label, a hint and an error to their input.
 */
public final class FormView {
    /** One line of the error summary at the top of the page, linking to the field. */
    public record SummaryLine(String inputId, String label, String message) {
    }

    private final ApplyForm form;
    private final Map<String, String> errors;
    private final Map<String, String> labels;

    /** {@code labels}: each field's label in the page's language, so a summary line says which field it is about. */
    FormView(ApplyForm form, Map<String, String> errors, Map<String, String> labels) {
        this.form = form;
        this.errors = Map.copyOf(errors);
        this.labels = Map.copyOf(labels);
    }

    public String value(String field) {
        return form.value(field);
    }

    public boolean checked(String field) {
        return !form.value(field).isEmpty();
    }

    public String id(String field) {
        return ApplyForm.id(field);
    }

    public String asset(int row, String field) {
        return ApplyForm.assetField(row, field);
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean invalid(String field) {
        return errors.containsKey(field);
    }

    public String errorId(String field) {
        return id(field) + "-error";
    }

    public String hintId(String field) {
        return id(field) + "-hint";
    }

    /** The ids that describe an input: its hint (when it has one) and its error (when there is one). */
    public String describedBy(String field, boolean hasHint) {
        String ids = (hasHint ? hintId(field) : "") + (invalid(field) ? " " + errorId(field) : "");
        return ids.isBlank() ? null : ids.strip();
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Errors in form order, each pointing at its input. */
    public List<SummaryLine> summary() {
        return ApplyForm.allFieldNames().stream()
                .filter(errors::containsKey)
                .map(f -> new SummaryLine(id(f), labels.getOrDefault(f, ""), errors.get(f)))
                .toList();
    }

    /** Errors that belong to no single input (the asset list as a whole, the form as a whole). */
    public String generalError(String field) {
        return errors.get(field);
    }
}
