package org.workrelief;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class WorkReliefApplication {

    public static void main(String[] args) {
        SpringApplication.run(WorkReliefApplication.class, org.workrelief.accountability.AuditVerifyCommand.prepare(args));
    }
}
