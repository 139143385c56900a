package vn.gov.bvhttdl.dvc.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.swagger.v3.oas.annotations.Operation;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;

import java.util.List;

/** The public catalogue of procedures (no sign-in). */
@Controller("/api/procedures")
final class ProcedureController {
    private final ProcedureCatalogue catalogue;

    ProcedureController(ProcedureCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Get
    @Operation(summary = "Danh sách thủ tục / list procedures")
    List<Views.ProcedureSummary> list() {
        return catalogue.all().stream().map(Views.ProcedureSummary::of).toList();
    }

    @Get("/{code}")
    @Operation(summary = "Chi tiết thủ tục / procedure detail")
    Views.ProcedureView get(@PathVariable String code) {
        return catalogue.find(code).map(Views.ProcedureView::of).orElseThrow(() -> ApiException.notFound("procedure",
                "Không có thủ tục mã \"" + code + "\".", "No procedure with code \"" + code + "\"."));
    }
}
