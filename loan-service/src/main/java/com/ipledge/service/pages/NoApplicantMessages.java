package com.ipledge.service.pages;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;

/** Banks cannot message applicants yet: the status page shows the status and its dates only. */
@Singleton
@Secondary
class NoApplicantMessages implements ApplicantMessages {
    @Override
    public List<Message> forApplication(UUID applicationId) {
        return List.of();
    }
}
