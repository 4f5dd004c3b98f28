package com.ipledge.service.calendar;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.LocalTime;

@MicronautTest(transactional = false)
class At2330BeijingTest extends BusinessDayBoundary {
    At2330BeijingTest() {
        super(LocalTime.of(23, 30));
    }
}
