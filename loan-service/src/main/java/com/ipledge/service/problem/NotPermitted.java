package com.ipledge.service.problem;

import java.util.List;
import java.util.Map;

/** The caller is who they say, but this act is not theirs to do (four eyes, a switched-off feature). */
public final class NotPermitted extends DomainProblem {
    public NotPermitted(String type, String detail, List<FieldError> errors, Map<String, Object> extensions) {
        super(type, detail, errors, extensions);
    }

    public static NotPermitted of(String type, String detail) {
        return new NotPermitted(type, detail, List.of(), Map.of());
    }

    @Override
    public NotPermitted withErrors(List<FieldError> renamed) {
        return new NotPermitted(type(), getMessage(), renamed, extensions());
    }
}
