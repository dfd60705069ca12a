package org.workrelief.attendance.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and purpose shown at /swagger-ui.html for the terminal makers who integrate with us. */
@Configuration(proxyBeanMethods = false)
class OpenApiDescription {

    @Bean
    OpenAPI deviceApi() {
        return new OpenAPI().info(new Info().title("WorkRelief 考勤设备接口 (attendance terminal API)").version("v1")
                .description("考勤机上报签到：每个项目的设备令牌（Authorization: Bearer），每次签到按实名务工规则校验。"
                        + " Terminals post sign-ins with a per-project bearer token; every sign-in is checked by the work rules."));
    }
}
