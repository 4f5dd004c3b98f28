package com.ipledge.service.ipasset;

import com.ipledge.service.identifier.CopyrightNumber;
import com.ipledge.service.identifier.Province;
import com.ipledge.service.identifier.SoftwareCopyrightNumber;
import com.ipledge.service.problem.FieldErrors;
import java.time.LocalDate;

/**
 * The checks of a copyright, software copyright or data-IP certificate put on file, and of the facts only they
 * carry (which a patent or a mark must not send).
 */
final class WiderCollateralChecks {
    static final int MAX_VERSION = 40;
    static final int MAX_DATA_IP_NUMBER = 60;
    static final int EARLIEST_YEAR = 1900;
    /** Beijing's platform grants a certificate for 3 years from its announcement (北京市数据知识产权登记管理办法). */
    static final int BEIJING_VALIDITY_YEARS = 3;
    static final int MAX_VALIDITY_YEARS = 10;

    private WiderCollateralChecks() {
    }

    /** Checks {@code r} (a COPYRIGHT, SOFTWARE_COPYRIGHT or DATA_IP) into {@code errors}; its number as stored. */
    static String check(FieldErrors errors, NewIpAsset r, LocalDate today) {
        if (r.grantDate() != null) {
            errors.add("grantDate", "applies to patents; a " + r.type() + " has a registrationDate");
        }
        if (r.niceClasses() != null) {
            errors.add("niceClasses", "apply to marks only");
        }
        if (r.registrationDate() == null) {
            errors.add("registrationDate", "is required for a " + r.type());
        }
        return r.type() == IpType.DATA_IP ? checkDataIp(errors, r) : checkCopyright(errors, r, today);
    }

    /** A patent or a mark sends none of the copyright and data-IP facts. */
    static void noneOf(FieldErrors errors, NewIpAsset r) {
        String copyrights = "applies to copyrights and software copyrights only";
        String dataIp = "applies to data IP only";
        absent(errors, "authorKind", r.authorKind(), copyrights);
        absent(errors, "createdOn", r.createdOn(), copyrights);
        absent(errors, "firstPublishedOn", r.firstPublishedOn(), copyrights);
        absent(errors, "authorDeathYear", r.authorDeathYear(), copyrights);
        absent(errors, "certificateNumber", r.certificateNumber(), "applies to software copyrights only");
        absent(errors, "version", r.version(), "applies to software copyrights only");
        absent(errors, "issuingPlatform", r.issuingPlatform(), dataIp);
        absent(errors, "validUntil", r.validUntil(), dataIp);
    }

    /** The facts kept, with a Beijing certificate's validity derived when the bank leaves it out. */
    static RegistrationFacts facts(NewIpAsset r) {
        RegistrationFacts f = r.facts();
        if (r.type() == IpType.DATA_IP && f.validUntil() == null) {
            return new RegistrationFacts(null, null, null, null, null, null, f.issuingPlatform(),
                    r.registrationDate().plusYears(BEIJING_VALIDITY_YEARS).minusDays(1));
        }
        return f;
    }

    private static String checkCopyright(FieldErrors errors, NewIpAsset r, LocalDate today) {
        absent(errors, "issuingPlatform", r.issuingPlatform(), "applies to data IP only");
        absent(errors, "validUntil", r.validUntil(), "applies to data IP only");
        String number = null;
        Integer numberYear = null;
        if (r.type() == IpType.SOFTWARE_COPYRIGHT) {
            SoftwareCopyrightNumber.Result parsed = SoftwareCopyrightNumber.parse(r.number());
            parsed.problem().ifPresent(p -> errors.add("number", p));
            if (parsed.number().isPresent()) {
                number = parsed.number().get().canonical();
                numberYear = parsed.number().get().year();
            }
            SoftwareCopyrightNumber.certificateProblem(r.certificateNumber())
                    .ifPresent(p -> errors.add("certificateNumber", p));
            if (r.version() == null || r.version().isBlank()) {
                errors.add("version", "is required for a software copyright, e.g. V1.0");
            } else if (r.version().length() > MAX_VERSION) {
                errors.add("version", "must be at most " + MAX_VERSION + " characters");
            }
        } else {
            CopyrightNumber.Result parsed = CopyrightNumber.parse(r.number());
            parsed.problem().ifPresent(p -> errors.add("number", p));
            if (parsed.number().isPresent()) {
                number = parsed.number().get().written();
                numberYear = parsed.number().get().year();
            }
            absent(errors, "certificateNumber", r.certificateNumber(),
                    "applies to software copyrights; a work's registration number is its certificate's");
            absent(errors, "version", r.version(), "applies to software copyrights only");
        }
        if (numberYear != null && r.registrationDate() != null && r.registrationDate().getYear() != numberYear) {
            errors.add("registrationDate", "is in " + r.registrationDate().getYear()
                    + " but the registration number says " + numberYear);
        }
        if (r.authorKind() == null) {
            errors.add("authorKind", "is required for a " + r.type() + ": NATURAL_PERSON or ORGANISATION "
                    + "(the term runs from the author's death or from first publication)");
        }
        if (r.createdOn() == null) {
            errors.add("createdOn", "is required for a " + r.type());
        } else if (r.createdOn().isAfter(today)) {
            errors.add("createdOn", "is in the future");
        } else if (r.createdOn().getYear() < EARLIEST_YEAR) {
            errors.add("createdOn", "is before " + EARLIEST_YEAR);
        } else if (r.registrationDate() != null && r.createdOn().isAfter(r.registrationDate())) {
            errors.add("createdOn", "is after the registration date: a work is registered once created");
        }
        if (r.firstPublishedOn() != null) {
            if (r.firstPublishedOn().isAfter(today)) {
                errors.add("firstPublishedOn", "is in the future");
            } else if (r.createdOn() != null && r.firstPublishedOn().isBefore(r.createdOn())) {
                errors.add("firstPublishedOn", "is before the work was created (" + r.createdOn() + ")");
            }
        }
        if (r.authorDeathYear() != null) {
            if (r.authorKind() == AuthorKind.ORGANISATION) {
                errors.add("authorDeathYear", "applies to a natural person's work only; an organisation's term "
                        + "runs from first publication");
            } else if (r.authorDeathYear() > today.getYear()) {
                errors.add("authorDeathYear", "is in the future (leave it out while the author lives)");
            } else if (r.createdOn() != null && r.authorDeathYear() < r.createdOn().getYear()) {
                errors.add("authorDeathYear", "is before the work was created (" + r.createdOn().getYear() + ")");
            }
        }
        return number;
    }

    private static String checkDataIp(FieldErrors errors, NewIpAsset r) {
        noneOfCopyright(errors, r);
        String number = null;
        if (r.number() == null || r.number().isBlank()) {
            errors.add("number", "is required: the certificate number exactly as the platform issued it");
        } else if (r.number().strip().length() > MAX_DATA_IP_NUMBER) {
            errors.add("number", "must be at most " + MAX_DATA_IP_NUMBER + " characters");
        } else if (r.number().codePoints().anyMatch(Character::isISOControl)) {
            errors.add("number", "must not contain control characters or line breaks");
        } else {
            number = r.number().strip();
        }
        var platform = Province.regionCodeProblem(r.issuingPlatform());
        platform.ifPresent(p -> errors.add("issuingPlatform", p));
        boolean beijing = platform.isEmpty() && Province.BEIJING.regionCode().equals(r.issuingPlatform());
        if (r.validUntil() == null) {
            if (platform.isEmpty() && !beijing) {
                errors.add("validUntil", "is required: the certificate's validity as the platform states it, or "
                        + "the end of the data-licence agreement if sooner");
            }
        } else if (r.registrationDate() != null) {
            if (!r.validUntil().isAfter(r.registrationDate())) {
                errors.add("validUntil", "must be after the registration date " + r.registrationDate());
            } else if (beijing && r.validUntil().isAfter(
                    r.registrationDate().plusYears(BEIJING_VALIDITY_YEARS).minusDays(1))) {
                errors.add("validUntil", "is later than a Beijing certificate's 3 years from announcement ("
                        + r.registrationDate().plusYears(BEIJING_VALIDITY_YEARS).minusDays(1) + ")");
            } else if (r.validUntil().isAfter(r.registrationDate().plusYears(MAX_VALIDITY_YEARS))) {
                errors.add("validUntil", "is more than " + MAX_VALIDITY_YEARS + " years after registration");
            }
        }
        return number;
    }

    private static void noneOfCopyright(FieldErrors errors, NewIpAsset r) {
        String message = "applies to copyrights and software copyrights only";
        absent(errors, "authorKind", r.authorKind(), message);
        absent(errors, "createdOn", r.createdOn(), message);
        absent(errors, "firstPublishedOn", r.firstPublishedOn(), message);
        absent(errors, "authorDeathYear", r.authorDeathYear(), message);
        absent(errors, "certificateNumber", r.certificateNumber(), "applies to software copyrights only");
        absent(errors, "version", r.version(), "applies to software copyrights only");
    }

    private static void absent(FieldErrors errors, String field, Object value, String message) {
        if (value != null) {
            errors.add(field, message);
        }
    }
}
