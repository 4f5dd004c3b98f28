package com.ipledge.service.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Sql;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The official working-day calendar over HTTP: the State Council's 2026 arrangement as seeded, windows that span 国庆
 * and a 调休 Saturday, the bureau's changes (versioned, audited) and their bad input.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkingDayCalendarApiTest extends ApiTestBase {
    private String bureau;
    private String officer;
    private Sql sql;

    @BeforeAll
    void setUp() {
        sql = new Sql(databaseUrl());
        bureau = apiKey("BUREAU", null);
        officer = apiKey("BANK_OFFICER", createBank("CALBANK"));
    }

    private String endsOn(String from, int days) {
        Answer w = get("/api/v1/calendar/working-day-windows?from=" + from + "&days=" + days, officer);
        assertEquals(200, w.status(), w::toString);
        return w.text("endsOn");
    }

    @SuppressWarnings("unchecked")
    private static List<String> dates(Answer a, String list) {
        return ((List<Map<String, Object>>) a.get(list)).stream().map(d -> (String) d.get("date")).toList();
    }

    @Test
    void the2026ArrangementIsSeeded() {
        Answer y = get("/api/v1/calendar/working-days?year=2026", officer);
        assertEquals(200, y.status(), y::toString);
        assertEquals(1, ((Number) y.get("version")).intValue());
        assertTrue(y.text("source").contains("2026年部分节假日安排"), y::toString);
        // 元旦 3 + 春节 9 + 清明 3 + 劳动节 5 + 端午 3 + 中秋 3 + 国庆 7 = 33 days off
        List<String> off = dates(y, "holidays");
        assertEquals(33, off.size(), off::toString);
        assertTrue(off.containsAll(List.of("2026-01-01", "2026-02-15", "2026-02-23", "2026-04-06", "2026-05-05",
                "2026-06-19", "2026-09-25", "2026-10-01", "2026-10-07")), off::toString);
        assertEquals(List.of("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"),
                dates(y, "workingDays"));
        assertEquals(404, get("/api/v1/calendar/working-days?year=2031", officer).status());
    }

    @Test
    void aWindowSpanningGuoqingEndsOnTheRightDayAndATiaoxiuSaturdayCounts() {
        // from Wed 2026-09-30: Oct 1-7 off; Thu 8 (1), Fri 9 (2), Sat 10 worked (3), Mon 12 .. Fri 16 (4..8),
        // Mon 19 (9), Tue 20 (10). Monday to Friday alone would give Wed Oct 14.
        assertEquals("2026-10-20", endsOn("2026-09-30", 10));
        // the 调休 Saturday after 国庆 is the first working day after Fri Oct 9
        assertEquals("2026-10-10", endsOn("2026-10-09", 1));
        // 春节: Fri Feb 13 -> Sat Feb 14 (worked), then Feb 15-23 off -> Tue Feb 24 is the second
        assertEquals("2026-02-14", endsOn("2026-02-13", 1));
        assertEquals("2026-02-24", endsOn("2026-02-13", 2));
        // a Sunday worked (Sep 20, before 国庆): from Fri Sep 18, the first working day is Sun Sep 20
        assertEquals("2026-09-20", endsOn("2026-09-18", 1));
        assertEquals(true, get("/api/v1/calendar/working-day-windows?from=2026-09-30&days=10", officer)
                .get("official"), "2026's arrangement is entered");
        // a year nobody has entered counts Monday to Friday, and says so: Tue 2031-06-03 + 10 -> Tue Jun 17
        Answer unofficial = get("/api/v1/calendar/working-day-windows?from=2031-06-03&days=10", officer);
        assertEquals("2031-06-17", unofficial.text("endsOn"), unofficial::toString);
        assertEquals(false, unofficial.get("official"), unofficial::toString);
        Answer outOfRange = get("/api/v1/calendar/working-day-windows?from=1999-12-30&days=3", officer);
        assertEquals(400, outOfRange.status(), outOfRange::toString);
        assertEquals(List.of("from"), outOfRange.errorFields());
        Answer bad = get("/api/v1/calendar/working-day-windows?from=2026-09-30&days=0", officer);
        assertEquals(400, bad.status(), bad::toString);
        assertEquals(List.of("days"), bad.errorFields());
        Answer missing = get("/api/v1/calendar/working-day-windows?days=3", officer);
        assertEquals(400, missing.status(), missing::toString);
        assertEquals(List.of("from"), missing.errorFields());
    }

    @Test
    void theBureauEntersAYearEachChangeAVersionAudited() {
        Map<String, Object> body = Map.of("year", 2030, "source", "演练安排 / rehearsal arrangement",
                "holidays", List.of(Map.of("date", "2030-01-01", "name", "元旦")),
                "workingDays", List.of(Map.of("date", "2030-01-05", "name", "元旦调休上班")));
        assertEquals(403, put("/api/v1/calendar/working-days", body, officer).status());
        Answer first = put("/api/v1/calendar/working-days", body, bureau);
        assertEquals(200, first.status(), first::toString);
        assertEquals(1, ((Number) first.get("version")).intValue());
        // Mon 2029-12-31 + 1: Tue Jan 1 is off, Wed Jan 2 is the first working day; from Fri Jan 4 the Saturday
        assertEquals("2030-01-02", endsOn("2029-12-31", 1));
        assertEquals("2030-01-05", endsOn("2030-01-04", 1));

        Answer second = put("/api/v1/calendar/working-days", Map.of("year", 2030, "source", "演练安排（更正）",
                "holidays", List.of(Map.of("date", "2030-01-01", "name", "元旦"),
                        Map.of("date", "2030-01-02", "name", "元旦")), "workingDays", List.of()), bureau);
        assertEquals(200, second.status(), second::toString);
        assertEquals(2, ((Number) second.get("version")).intValue());
        assertEquals(List.of("2030-01-01", "2030-01-02"), dates(second, "holidays"));
        assertEquals(List.of(), dates(second, "workingDays"));
        // Jan 1 and 2 off: from Mon Dec 31 the first working day is Thu Jan 3; Sat Jan 5 is no longer worked
        assertEquals("2030-01-03", endsOn("2029-12-31", 1));
        assertEquals("2030-01-07", endsOn("2030-01-04", 1));
        assertEquals(2, sql.count("SELECT count(*) FROM audit_entry WHERE action = 'working-day-calendar.changed'"
                + " AND entity_id = '2030'"));
        assertEquals(1, sql.count("SELECT count(*) FROM audit_entry WHERE action = 'working-day-calendar.changed'"
                + " AND entity_id = '2030' AND payload LIKE '%2030-01-05 元旦调休上班%' AND payload LIKE '%\"version\":1%'"));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndWritesNothing() {
        Answer bad = put("/api/v1/calendar/working-days", Map.of("year", 2031, "source", "",
                "holidays", List.of(Map.of("date", "2032-01-01", "name", "元旦"),
                        Map.of("date", "2031-01-01", "name", "")),
                "workingDays", List.of(Map.of("date", "2031-01-06", "name", "周一"),
                        Map.of("date", "2031-01-01", "name", "元旦"))), bureau);
        assertEquals(400, bad.status(), bad::toString);
        assertEquals(List.of("source", "holidays[0].date", "holidays[1].name", "workingDays[0].date",
                "workingDays[1].date").stream().sorted().toList(), bad.errorFields().stream().sorted().toList());
        assertEquals(404, get("/api/v1/calendar/working-days?year=2031", bureau).status());
        assertEquals(0, sql.count("SELECT count(*) FROM working_day_calendar WHERE calendar_year = 2031"));
        Answer noYear = put("/api/v1/calendar/working-days", Map.of("source", "x", "holidays", List.of()), bureau);
        assertEquals(List.of("year"), noYear.errorFields(), noYear::toString);
        Answer farYear = put("/api/v1/calendar/working-days", Map.of("year", 1999, "source", "x"), bureau);
        assertEquals(List.of("year"), farYear.errorFields(), farYear::toString);
        assertEquals(List.of("year"), get("/api/v1/calendar/working-days", bureau).errorFields());
    }
}
