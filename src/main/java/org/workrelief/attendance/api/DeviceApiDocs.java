package org.workrelief.attendance.api;

import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The published contract's frame (/v3/api-docs, shown at /swagger-ui.html for the terminal makers who
 * integrate with us): title and purpose in Chinese and English, the bearer token every operation needs
 * (the OpenAPI description covers /api/** only), and the 401 answer they share. Each operation's own
 * answers are on PunchApiController.
 */
@Configuration(proxyBeanMethods = false)
class DeviceApiDocs {

    static final String TAG = "attendance-terminals";
    static final String UNAUTHORIZED = "#/components/responses/Unauthorized";
    private static final String BEARER = "deviceToken";

    /**
     * The items' status as the integers they are (an annotation's allowable values are published as strings,
     * which no integer matches).
     */
    @Bean
    OpenApiCustomizer integerStatuses() {
        return openApi -> {
            setStatuses(openApi, "SignIn", 200, 201);
            setStatuses(openApi, "Refusal", 400, 403, 422, 500);
        };
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static void setStatuses(OpenAPI openApi, String schema, Integer... statuses) {
        Schema status = (Schema) openApi.getComponents().getSchemas().get(schema).getProperties().get("status");
        status.setEnum(new java.util.ArrayList<>(java.util.List.of(statuses)));
    }

    @Bean
    OpenAPI deviceApi() {
        return new OpenAPI()
                .info(new Info().title("WorkRelief 考勤设备接口 (attendance terminal API)").version("v1")
                        .description("考勤机上报签到：每个项目的设备令牌（Authorization: Bearer），每次签到按实名务工规则校验。"
                                + " Terminals post sign-ins with a per-project bearer token; every sign-in is checked by"
                                + " the work rules.")
                        .license(new License().name("Proprietary").identifier("LicenseRef-WorkRelief")))
                // relative: the server that published the document (what a request URL would say is the proxy's view)
                .addServersItem(new io.swagger.v3.oas.models.servers.Server().url("/")
                        .description("发布本文档的服务器。The server that published this document."))
                .addTagsItem(new Tag().name(TAG).description("考勤设备（人脸、刷卡）上报签到。"
                        + " Attendance terminals (face or card readers) at the site gate."))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("wrd_…").description("项目管理员在项目的“考勤设备”页为每台设备签发的令牌（只显示一次，可吊销）。"
                                        + " The token an administrator issues per terminal on the project's 考勤设备 page"
                                        + " (shown once, revocable)."))
                        .addResponses("Unauthorized", new ApiResponse()
                                .description("令牌缺失、无效或已吊销。Token missing, unknown or revoked.")
                                .addHeaderObject("WWW-Authenticate", new io.swagger.v3.oas.models.headers.Header()
                                        .description("Bearer").schema(new Schema<String>().type("string").types(java.util.Set.of("string"))))
                                .content(new Content().addMediaType("application/json", new MediaType()
                                        .schema(new Schema<>().$ref("#/components/schemas/Error"))
                                        .examples(Map.of("unauthorized", new Example().value(Map.of("code", "UNAUTHORIZED",
                                                "message", "设备令牌缺失、无效或已吊销")))))))) 
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
