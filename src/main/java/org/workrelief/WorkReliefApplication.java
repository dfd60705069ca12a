package org.workrelief;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class WorkReliefApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(WorkReliefApplication.class);
        application.run(org.workrelief.accountability.AuditVerifyCommand.prepare(application, args));
    }
}
