package com.ipledge.service.closeofbusiness;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** Where the business date is adjustable, each instance follows the stored shift: at start and every few seconds. */
@Singleton
@Requires(property = "ipledge.business-date.adjustable", value = "true")
class BusinessDateRefresh {
    private final BusinessDates dates;

    BusinessDateRefresh(BusinessDates dates) {
        this.dates = dates;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        dates.refresh();
    }

    @Scheduled(fixedDelay = "${ipledge.business-date.refresh-interval:2s}", initialDelay = "2s")
    void refresh() {
        dates.refresh();
    }
}
