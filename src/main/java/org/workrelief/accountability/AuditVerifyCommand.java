package org.workrelief.accountability;

import java.io.PrintStream;
import java.util.Arrays;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
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
 * scheduled jobs and with its web server on a free loopback port ({@link #prepare}), on the database the
 * application is configured with. The check is stored and audited like any other.
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

    /**
     * The arguments to start with: for the command, the scheduled jobs off and the web server on a free
     * port of the loopback interface only (the security configuration needs the servlet stack's session
     * repository, so the context is the application's own; nothing listens where the instances do).
     */
    public static String[] prepare(String[] args) {
        if (Arrays.stream(args).noneMatch(arg -> arg.equals(OPTION) || arg.equals(OPTION + "=true"))) {
            return args;
        }
        // a bare --option is an empty value to Spring, which no boolean condition takes for true
        java.util.List<String> command = new java.util.ArrayList<>(Arrays.stream(args)
                .filter(arg -> !arg.equals(OPTION) && !arg.equals(OPTION + "=true")).toList());
        command.addAll(java.util.List.of(OPTION + "=true", "--workrelief.jobs.enabled=false", "--server.port=0",
                "--server.address=127.0.0.1"));
        return command.toArray(String[]::new);
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
