package org.workrelief.common.time;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one source of "now" for the whole application, in the project's zone (Asia/Shanghai by
 * default): day boundaries of attendance and notice periods are Chinese days, whatever the
 * server's own zone is ({@link ApplicationClock}). Tests replace this bean with a fixed clock.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    ApplicationClock clock(@Value("${workrelief.zone:Asia/Shanghai}") String zone) {
        return new ApplicationClock(Clock.system(ZoneId.of(zone)));
    }
}
