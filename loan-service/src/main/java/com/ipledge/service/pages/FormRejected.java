package com.ipledge.service.pages;

import java.util.List;

/** The form cannot be accepted; thrown inside the submission's transaction so that nothing is written. */
final class FormRejected extends RuntimeException {
    private final List<FormError> errors;

    FormRejected(List<FormError> errors) {
        super(errors.size() + " form fields rejected", null, false, false);
        this.errors = List.copyOf(errors);
    }

    List<FormError> errors() {
        return errors;
    }
}
