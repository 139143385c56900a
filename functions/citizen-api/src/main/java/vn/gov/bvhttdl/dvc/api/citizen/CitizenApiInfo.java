package vn.gov.bvhttdl.dvc.api.citizen;

import vn.gov.bvhttdl.dvc.api.*;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The OpenAPI document is generated from the controllers at compile time (META-INF/swagger). */
@OpenAPIDefinition(info = @Info(title = "dvc-citizen-api", version = "0.1",
        description = "Cổng Dịch vụ công Bộ VHTTDL – API cho công dân và doanh nghiệp. "
                + "Citizen API of the Ministry of Culture, Sports and Tourism public-service portal. "
                + "Errors are application/problem+json with a Vietnamese and an English message."))
@SecurityScheme(name = "cognito", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
final class CitizenApiInfo {
    private CitizenApiInfo() {}
}
