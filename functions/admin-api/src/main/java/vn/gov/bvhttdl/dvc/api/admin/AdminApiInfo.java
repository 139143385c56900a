package vn.gov.bvhttdl.dvc.api.admin;

import vn.gov.bvhttdl.dvc.api.*;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The OpenAPI document is generated from the controllers at compile time (META-INF/swagger). */
@OpenAPIDefinition(info = @Info(title = "dvc-admin-api", version = "0.1",
        description = "Cổng Dịch vụ công Bộ VHTTDL – API quản trị danh mục và lịch. Administrators API: publishing the catalogue and the calendar. "
                + "Errors are application/problem+json with a Vietnamese and an English message."))
@SecurityScheme(name = "cognito", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
final class AdminApiInfo {
    private AdminApiInfo() {}
}
