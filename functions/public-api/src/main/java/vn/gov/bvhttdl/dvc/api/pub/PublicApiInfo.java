package vn.gov.bvhttdl.dvc.api.pub;

import vn.gov.bvhttdl.dvc.api.*;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The OpenAPI document is generated from the controllers at compile time (META-INF/swagger). */
@OpenAPIDefinition(info = @Info(title = "dvc-public-api", version = "0.1",
        description = "Cổng Dịch vụ công Bộ VHTTDL – API công khai: danh mục thủ tục, lịch, tra cứu hồ sơ, xác minh kết quả. Public API: catalogue, calendar, dossier look-up, verification of results. "
                + "Errors are application/problem+json with a Vietnamese and an English message."))
@SecurityScheme(name = "cognito", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
final class PublicApiInfo {
    private PublicApiInfo() {}
}
