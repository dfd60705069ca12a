package org.workrelief.attendance.web;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Sign-in times are shown in the project's zone (the clock's), whatever the browser's or server's zone. */
@ControllerAdvice(basePackageClasses = ZoneAdvice.class)
class ZoneAdvice {

    private final Clock clock;

    ZoneAdvice(Clock clock) {
        this.clock = clock;
    }

    @ModelAttribute("zone")
    ZoneId zone() {
        return clock.getZone();
    }
}
