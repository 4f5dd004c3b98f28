package com.ipledge.service.problem;

import java.util.List;
import java.util.Map;

/** The body is in a format or character set this operation does not read. */
public final class UnsupportedFormat extends DomainProblem {
    public UnsupportedFormat(String type, String detail, List<FieldError> errors, Map<String, Object> extensions) {
        super(type, detail, errors, extensions);
    }

    public static UnsupportedFormat of(String detail, FieldError error) {
        return new UnsupportedFormat("unsupported-media-type", detail, List.of(error), Map.of());
    }

    @Override
    public UnsupportedFormat withErrors(List<FieldError> renamed) {
        return new UnsupportedFormat(type(), getMessage(), renamed, extensions());
    }
}
