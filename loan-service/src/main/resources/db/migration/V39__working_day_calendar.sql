-- Issue 19: the official working-day calendar. Claim windows count working days: Monday to Friday, less the public
-- holidays, plus the weekend days made working days (调休). The bureau keeps one calendar per year; each change
-- raises its version and is audited with the whole list.
CREATE TABLE working_day_calendar (
    calendar_year   integer       NOT NULL PRIMARY KEY,
    version         integer       NOT NULL,
    source          varchar(500)  NOT NULL,
    changed_by      varchar(200)  NOT NULL,
    changed_at      timestamp with time zone NOT NULL
);

-- A day that is not what its weekday says: a HOLIDAY off work, or a WORKING_DAY on a weekend.
CREATE TABLE working_day_exception (
    day             date          NOT NULL PRIMARY KEY,
    calendar_year   integer       NOT NULL REFERENCES working_day_calendar (calendar_year),
    kind            varchar(20)   NOT NULL,
    name            varchar(100)  NOT NULL
);

CREATE INDEX working_day_exception_year ON working_day_exception (calendar_year);

-- 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04, published by Xinhua).
INSERT INTO working_day_calendar (calendar_year, version, source, changed_by, changed_at) VALUES
    (2026, 1, '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', 'SYSTEM:seed', '2025-11-05T00:00:00+08:00');

INSERT INTO working_day_exception (day, calendar_year, kind, name) VALUES
    ('2026-01-01', 2026, 'HOLIDAY', '元旦'),
    ('2026-01-02', 2026, 'HOLIDAY', '元旦'),
    ('2026-01-03', 2026, 'HOLIDAY', '元旦'),
    ('2026-01-04', 2026, 'WORKING_DAY', '元旦调休上班'),
    ('2026-02-14', 2026, 'WORKING_DAY', '春节调休上班'),
    ('2026-02-15', 2026, 'HOLIDAY', '春节'),
    ('2026-02-16', 2026, 'HOLIDAY', '春节'),
    ('2026-02-17', 2026, 'HOLIDAY', '春节'),
    ('2026-02-18', 2026, 'HOLIDAY', '春节'),
    ('2026-02-19', 2026, 'HOLIDAY', '春节'),
    ('2026-02-20', 2026, 'HOLIDAY', '春节'),
    ('2026-02-21', 2026, 'HOLIDAY', '春节'),
    ('2026-02-22', 2026, 'HOLIDAY', '春节'),
    ('2026-02-23', 2026, 'HOLIDAY', '春节'),
    ('2026-02-28', 2026, 'WORKING_DAY', '春节调休上班'),
    ('2026-04-04', 2026, 'HOLIDAY', '清明节'),
    ('2026-04-05', 2026, 'HOLIDAY', '清明节'),
    ('2026-04-06', 2026, 'HOLIDAY', '清明节'),
    ('2026-05-01', 2026, 'HOLIDAY', '劳动节'),
    ('2026-05-02', 2026, 'HOLIDAY', '劳动节'),
    ('2026-05-03', 2026, 'HOLIDAY', '劳动节'),
    ('2026-05-04', 2026, 'HOLIDAY', '劳动节'),
    ('2026-05-05', 2026, 'HOLIDAY', '劳动节'),
    ('2026-05-09', 2026, 'WORKING_DAY', '劳动节调休上班'),
    ('2026-06-19', 2026, 'HOLIDAY', '端午节'),
    ('2026-06-20', 2026, 'HOLIDAY', '端午节'),
    ('2026-06-21', 2026, 'HOLIDAY', '端午节'),
    ('2026-09-20', 2026, 'WORKING_DAY', '国庆节调休上班'),
    ('2026-09-25', 2026, 'HOLIDAY', '中秋节'),
    ('2026-09-26', 2026, 'HOLIDAY', '中秋节'),
    ('2026-09-27', 2026, 'HOLIDAY', '中秋节'),
    ('2026-10-01', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-02', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-03', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-04', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-05', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-06', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-07', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-10', 2026, 'WORKING_DAY', '国庆节调休上班');
