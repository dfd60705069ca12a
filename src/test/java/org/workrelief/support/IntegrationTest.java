package org.workrelief.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application on the test PostgreSQL with a settable clock and MockMvc. All classes
 * with this annotation share one application context (and so one start-up).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestClockConfiguration.class, RegistryFixtures.class, org.workrelief.supervision.SupervisedSites.class,
        org.workrelief.payout.PayoutFlow.class })
public @interface IntegrationTest {
}
