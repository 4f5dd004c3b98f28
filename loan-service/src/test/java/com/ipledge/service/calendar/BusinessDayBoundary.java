package com.ipledge.service.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ipledge.service.TimeFactory;
import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A loan's whole life at one hour of the Beijing day, with the service's clock fixed to start there: every date
 * the test sends comes from that clock, and every date the service answers is that business date, not the
 * machine's. The subclasses pick 23:30 (the machine's UTC date is the same) and 00:30 (it is still yesterday in
 * UTC, and two days behind in Honolulu).
 */
abstract class BusinessDayBoundary extends ApiTestBase {
    private final ZonedDateTime start;

    BusinessDayBoundary(LocalTime beijingTime) {
        // an hour near now, so that the fixtures' patents (filed three business years ago) stay young
        this.start = ZonedDateTime.of(LocalDate.now(TimeFactory.BUSINESS_ZONE), beijingTime, TimeFactory.BUSINESS_ZONE);
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false", StartedClock.PROPERTY, start.toOffsetDateTime().toString());
    }

    @Test
    void aLoanFromApplicationToClosedOnTheBusinessDate() {
        LocalDate businessDate = start.toLocalDate();
        assertEquals(businessDate, today(), "the test's today is the service's clock");
        Answer calendar = get("/api/v1/business-date", null);
        assertEquals(200, calendar.status(), calendar::toString);
        assertEquals(businessDate.toString(), calendar.text("businessDate"));
        assertEquals("Asia/Shanghai", calendar.text("zone"));
        assertEquals("Asia/Shanghai", calendar.headers().get("X-Business-Zone"));

        UUID bank = createBank("EDGE" + start.getHour());
        String officer = apiKey("BANK_OFFICER", bank);
        String approver = apiKey("BANK_APPROVER", bank);
        assertEquals(201, post("/api/v1/quota-plans", Map.of("bankId", bank, "year", thisYear(),
                "amount", "100000000"), apiKey("BUREAU", null)).status());
        String app = fileStrongApplication(officer, "300000");
        Answer decision = post("/api/v1/applications/" + app + "/evaluation", Map.of(), officer);
        assertEquals("APPROVE", decision.text("decision"), decision::toString);
        Answer approved = post("/api/v1/applications/" + app + "/approval", Map.of("approve", true), approver);
        assertEquals(201, approved.status(), approved::toString);
        String loan = approved.text("loanId");

        Answer pledge = post("/api/v1/loans/" + loan + "/pledge-registration",
                Map.of("registrationNo", "Y" + start.getHour(), "registeredOn", today().toString()), officer);
        assertEquals(200, pledge.status(), "registered on the business date the loan was approved: " + pledge);
        Answer tomorrow = post("/api/v1/loans/" + loan + "/disbursement",
                Map.of("disbursedOn", today().plusDays(1).toString()), officer);
        assertEquals(400, tomorrow.status(), "tomorrow is in the future: " + tomorrow);
        Answer disbursed = post("/api/v1/loans/" + loan + "/disbursement", Map.of(), officer);
        assertEquals(200, disbursed.status(), disbursed::toString);
        assertEquals(businessDate.toString(), disbursed.text("disbursedOn"));
        Map<?, ?> first = (Map<?, ?>) ((List<?>) disbursed.get("schedule")).get(0);
        assertEquals(businessDate.plusMonths(1).toString(), first.get("dueOn"), "first instalment a month on");

        Answer payoff = post("/api/v1/loans/" + loan + "/repayments",
                Map.of("amount", disbursed.text("principal"), "paidOn", today().toString()), officer);
        assertEquals(201, payoff.status(), payoff::toString);
        assertEquals("CLOSED", payoff.text("status"));
        assertEquals(businessDate, today(), "the whole life ran inside one business day");
    }
}
