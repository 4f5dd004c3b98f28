package com.ipledge.service.metrics;

import static com.ipledge.service.db.Tables.QUOTA_PLAN;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.impl.DSL;

/**
 * Gauges read from the database (the book is shared by every instance, so each instance reports the same):
 * the province's quota utilisation by year and segment (no bank's figures: see issue 17), and open alerts by
 * severity. Refreshed every 30 s, not per scrape.
 */
@Singleton
public class BookGauges {
    private final DSLContext db;
    private final MultiGauge quotaUtilisation;
    private final MultiGauge openAlerts;

    public BookGauges(DSLContext db, MeterRegistry registry) {
        this.db = db;
        this.quotaUtilisation = MultiGauge.builder("ipledge.quota.utilisation")
                .description("(reserved + drawn) / amount of the earmarked credit plans of all banks").register(registry);
        this.openAlerts = MultiGauge.builder("ipledge.alerts.open")
                .description("Open monitoring alerts by severity").register(registry);
    }

    @Scheduled(fixedDelay = "30s", initialDelay = "5s")
    @Connectable
    public void refresh() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        // the province's use of each year's plans, never a bank's: a scrape must not publish a bank's business
        for (Record3<Integer, String, BigDecimal> r : db.select(QUOTA_PLAN.PLAN_YEAR, QUOTA_PLAN.SEGMENT,
                        DSL.sum(QUOTA_PLAN.RESERVED.plus(QUOTA_PLAN.DRAWN)).div(DSL.sum(QUOTA_PLAN.AMOUNT)))
                .from(QUOTA_PLAN).groupBy(QUOTA_PLAN.PLAN_YEAR, QUOTA_PLAN.SEGMENT).fetch()) {
            rows.add(MultiGauge.Row.of(Tags.of("year", String.valueOf(r.value1()), "segment", r.value2()),
                    r.value3().setScale(6, RoundingMode.HALF_EVEN).doubleValue()));
        }
        quotaUtilisation.register(rows, true);
        List<MultiGauge.Row<?>> alerts = new ArrayList<>();
        // the alert table belongs to monitoring (V5); read it by name so this gauge does not depend on its classes
        if (db.meta().getTables("alert").size() > 0) {
            for (var r : db.select(DSL.field("severity", String.class), DSL.count()).from(DSL.table("alert"))
                    .where(DSL.field("status", String.class).eq("OPEN"))
                    .groupBy(DSL.field("severity")).fetch()) {
                alerts.add(MultiGauge.Row.of(Tags.of("severity", r.value1()), r.value2()));
            }
        }
        openAlerts.register(alerts, true);
    }
}
