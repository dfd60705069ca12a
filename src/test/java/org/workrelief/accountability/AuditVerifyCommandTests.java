package org.workrelief.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The operator's command's arguments: a bare option counts, and the command runs no jobs and serves nobody. */
class AuditVerifyCommandTests {

    @Test
    void theBareOptionStartsTheCommandWithoutJobsOnALoopbackPort() {
        assertThat(AuditVerifyCommand.prepare(new String[] { "--workrelief.audit.verify", "--spring.profiles.active=x" }))
                .containsExactly("--spring.profiles.active=x", "--workrelief.audit.verify=true",
                        "--workrelief.jobs.enabled=false", "--server.port=0", "--server.address=127.0.0.1");
    }

    @Test
    void otherArgumentsAreLeftAsTheyAre() {
        String[] args = { "--server.port=9090" };
        assertThat(AuditVerifyCommand.prepare(args)).isSameAs(args);
    }
}
