package vn.gov.bvhttdl.dvc.api.admin;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import vn.gov.bvhttdl.dvc.api.AdminCaller;
import vn.gov.bvhttdl.dvc.application.ManageOfficials;
import vn.gov.bvhttdl.dvc.application.OfficialAccounts;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Administrators manage the officials' and administrators' accounts: HTTP in, one {@link ManageOfficials} call, a
 * view out. Who changed what and when is each account's trail ({@code GET …/officials/{subject}}).
 */
@Controller("/api/admin/officials")
@SecurityRequirement(name = "cognito")
final class OfficialsController {
    private final Later<ManageOfficials> manage; // made at its first request, not at the cold start (bench/README.md, issue #28)

    OfficialsController(Later<ManageOfficials> manage) {
        this.manage = manage;
    }

    /** An account as the administrators' page shows it. */
    @io.micronaut.serde.annotation.Serdeable
    record AccountView(String subject, String name, String email, String agency, String unit, String role, String post,
                       String status, long version, Instant changedAt, String changedBy, String title, String signMode, String signFor) {
        static AccountView of(OfficialAccounts.Account a) {
            return new AccountView(a.subject(), a.name(), a.email(), a.agency(), a.unit(), a.role().name(),
                    a.role().post() == null ? null : a.role().post().name(), a.status().name(), a.version(), a.changedAt(), a.changedBy(),
                    a.title(), a.delegation() == null ? null : a.delegation().mode(), a.delegation() == null ? null : a.delegation().forName());
        }
    }

    @io.micronaut.serde.annotation.Serdeable
    record ChangeView(long version, Instant at, String by, String action, String before, String after) {}

    @io.micronaut.serde.annotation.Serdeable
    record AccountPage(AccountView account, List<ChangeView> history) {}

    /** A unit an official may be assigned to, with its name in both languages. */
    @io.micronaut.serde.annotation.Serdeable
    record UnitView(String code, vn.gov.bvhttdl.dvc.api.Views.I18n name) {}

    @io.micronaut.serde.annotation.Serdeable
    record AgencyView(String code, vn.gov.bvhttdl.dvc.api.Views.I18n name, List<UnitView> units) {}

    /** The accounts and what they may be assigned to (the organisation's agencies and units, rules/organisation.json). */
    @io.micronaut.serde.annotation.Serdeable
    record AccountsPage(List<AccountView> accounts, List<AgencyView> agencies, List<String> roles) {}

    @Get
    @Operation(summary = "Tài khoản cán bộ và quản trị viên, các cơ quan và đơn vị / officials' and administrators' accounts, the agencies and units")
    AccountsPage list(@Parameter(hidden = true) AdminCaller admin) {
        var org = vn.gov.bvhttdl.dvc.domain.Organisation.standard();
        return new AccountsPage(manage.get().list().stream().map(AccountView::of).toList(),
                org.agencies().values().stream().map(a -> new AgencyView(a.code(), vn.gov.bvhttdl.dvc.api.Views.I18n.of(a.name()),
                        a.units().stream().map(u -> new UnitView(u.code(), vn.gov.bvhttdl.dvc.api.Views.I18n.of(u.name()))).toList())).toList(),
                java.util.Arrays.stream(OfficialAccounts.AccountRole.values()).map(Enum::name).toList());
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Tạo tài khoản cán bộ: họ tên, thư điện tử, cơ quan, đơn vị, vai trò, chức danh, cách ký / create an official's account")
    HttpResponse<AccountView> create(@Parameter(hidden = true) AdminCaller admin, @Body String body) {
        Map<String, Object> in = object(body);
        return HttpResponse.created(AccountView.of(manage.get().create(admin.subject(), assignment(in))));
    }

    @Get("/{subject}")
    @Operation(summary = "Một tài khoản và nhật ký thay đổi / an account and its trail")
    AccountPage account(@Parameter(hidden = true) AdminCaller admin, @PathVariable String subject) {
        var p = manage.get().account(subject);
        return new AccountPage(AccountView.of(p.account()), p.history().stream()
                .map(c -> new ChangeView(c.version(), c.at(), c.by(), c.action(), c.before(), c.after())).toList());
    }

    @Put("/{subject}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Đổi cơ quan, đơn vị, vai trò, chức danh, cách ký (KT./TL.) / change the assignment, title and signing delegation (version: the one read)")
    AccountView assign(@Parameter(hidden = true) AdminCaller admin, @PathVariable String subject, @Body String body) {
        Map<String, Object> in = object(body);
        return AccountView.of(manage.get().assign(admin.subject(), subject, version(in), assignment(in)));
    }

    @Post("/{subject}/deactivate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Vô hiệu hóa tài khoản: có hiệu lực ngay / deactivate an account, at once")
    AccountView deactivate(@Parameter(hidden = true) AdminCaller admin, @PathVariable String subject, @Body String body) {
        return AccountView.of(manage.get().deactivate(admin.subject(), subject, version(object(body))));
    }

    private static ManageOfficials.Assignment assignment(Map<String, Object> in) {
        String role = text(in, "role");
        OfficialAccounts.AccountRole r = OfficialAccounts.AccountRole.parse(role);
        if (role != null && r == null) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-field",
                    new Text("Vai trò không hợp lệ.", "Unknown role."), List.of(new Text("Chọn vai trò: một cửa, chuyên viên, lãnh đạo hoặc quản trị.",
                            "Choose a role: desk, specialist, leader or admin.", "role")));
        }
        return new ManageOfficials.Assignment(text(in, "name"), text(in, "email"), text(in, "agency"), text(in, "unit"), r,
                text(in, "title"), text(in, "signMode"), text(in, "signFor"), text(in, "signForAccount"));
    }

    private static long version(Map<String, Object> in) {
        Object v = in.get("version");
        if (v instanceof Number n && n.longValue() > 0) return n.longValue();
        throw new DomainException(DomainException.Kind.MALFORMED, "invalid-field",
                new Text("Thiếu phiên bản của tài khoản đã đọc (version).", "The version of the account read is missing (version)."));
    }

    private static String text(Map<String, Object> in, String k) {
        Object v = in.get(k);
        if (v == null) return null;
        if (!(v instanceof String s)) {
            throw new DomainException(DomainException.Kind.MALFORMED, "invalid-field",
                    new Text("Trường \"" + k + "\" phải là chuỗi.", "The field \"" + k + "\" must be a string."));
        }
        return s.length() > 300 ? s.substring(0, 300) : s;
    }

    private static Map<String, Object> object(String body) {
        Object parsed;
        try {
            parsed = Json.parse(body == null ? "" : body);
        } catch (IllegalArgumentException e) {
            throw DomainException.of("malformed-body");
        }
        if (!(parsed instanceof Map<?, ?>)) throw DomainException.of("malformed-body");
        return Json.obj(parsed);
    }
}
