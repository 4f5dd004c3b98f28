package com.ipledge.service.calendar;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.LocalTime;

@MicronautTest(transactional = false)
class At0030BeijingTest extends BusinessDayBoundary {
    At0030BeijingTest() {
        super(LocalTime.of(0, 30));
    }
}
