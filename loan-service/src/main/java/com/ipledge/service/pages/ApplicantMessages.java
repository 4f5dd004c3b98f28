package com.ipledge.service.pages;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The hook for what a bank tells an applicant on its status page. The status page lists whatever the bean of
 * this type returns; {@link NoApplicantMessages} (none yet) stands in until the bank-side messaging feature
 * provides a bean that replaces it.
 */
public interface ApplicantMessages {
    /** One message from the bank, already in the language it was written in. */
    record Message(OffsetDateTime sentAt, String text) {
    }

    List<Message> forApplication(UUID applicationId);
}
