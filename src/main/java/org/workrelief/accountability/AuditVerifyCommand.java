package org.workrelief.accountability;

import java.io.PrintStream;
import java.util.Arrays;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.workrelief.accountability.AuditChainVerifier.Check;
import org.workrelief.accountability.AuditChainVerifier.Failure;

/**
 * The operator's command: {@code java -jar workrelief.jar --workrelief.audit.verify} verifies every chain
 * of the audit log, prints the result and exits with 0 (intact) or 1 (broken). It starts without the
 * web server and the scheduled jobs ({@link #prepare}), on the database the application is configured
 * with. The check is stored and audited like any other.
 */
@Component
@ConditionalOnBooleanProperty(name = "workrelief.audit.verify")
@Order(Ordered.LOWEST_PRECEDENCE)
public class AuditVerifyCommand implements ApplicationRunner {

    static final String OPTION = "--workrelief.audit.verify";
    static final String CHECKED_BY = "operator:command";

    private final AuditChainVerifier verifier;
    private final ConfigurableApplicationContext context;

    AuditVerifyCommand(AuditChainVerifier verifier, ConfigurableApplicationContext context) {
        this.verifier = verifier;
        this.context = context;
    }

    /** Whether these are the command's arguments; if so, no web server and no jobs (the arguments with the latter off). */
    public static String[] prepare(SpringApplication application, String[] args) {
        if (Arrays.stream(args).noneMatch(arg -> arg.equals(OPTION) || arg.equals(OPTION + "=true"))) {
            return args;
        }
        application.setWebApplicationType(WebApplicationType.NONE);
        String[] withoutJobs = Arrays.copyOf(args, args.length + 1);
        withoutJobs[args.length] = "--workrelief.jobs.enabled=false";
        return withoutJobs;
    }

    @Override
    public void run(ApplicationArguments args) {
        int code = verify(System.out);
        System.exit(SpringApplication.exit(context, () -> code));
    }

    /** Verifies, prints the result, and answers the exit code: 0 intact, 1 broken. */
    int verify(PrintStream out) {
        Check check = verifier.verifyAll(CHECKED_BY);
        out.printf("Audit log verification #%d: %s%n", check.id(), check.outcome());
        out.printf("  %d chains, %d entries, up to entry id %s, finished %s%n", check.chains(), check.entries(),
                check.lastEntryId(), check.finishedAt());
        for (Failure f : check.failures()) {
            out.printf("  BROKEN %s: entry id %s (no. %s in the chain): %s: %s%n", f.chain(), f.entryId(), f.chainSeq(),
                    f.problem(), f.describe());
        }
        return check.intact() ? 0 : 1;
    }
}
