package org.workrelief.common.db;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * True when no database server is configured ({@code SPRING_DATASOURCE_URL} / {@code spring.datasource.url}
 * unset): the application then runs on its own embedded PostgreSQL under the data directory, and
 * only then loads demo data and demo accounts. With a URL set it is false, so a deployment can never
 * receive demo passwords.
 */
public class OwnEmbeddedDatabaseCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
    }
}
