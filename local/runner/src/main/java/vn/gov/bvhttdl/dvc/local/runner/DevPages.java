package vn.gov.bvhttdl.dvc.local.runner;

import java.util.Map;

/** The development sign-in page (offline stand-in for the Cognito hosted UI of officials' and administrators' accounts; citizens come through {@link DevFederation}). */
final class DevPages {
    private DevPages() {}

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * Where the sign-in may send the browser (with the token in the fragment): a path on this origin only. Anything
     * a browser could read as another origin ({@code //host}, {@code /\\host}, a scheme) or that holds a control
     * character (TAB, CR, LF: header splitting, and browsers strip TAB and newlines from URLs) becomes {@code /}.
     */
    static String sameOriginPath(String redirect) {
        if (redirect == null || redirect.isEmpty() || redirect.length() > 500 || redirect.charAt(0) != '/') return "/";
        if (redirect.length() > 1 && (redirect.charAt(1) == '/' || redirect.charAt(1) == '\\')) return "/";
        for (int i = 0; i < redirect.length(); i++) {
            char c = redirect.charAt(i);
            if (c == '\\' || c < 0x20 || c == 0x7F || Character.isWhitespace(c) || Character.isISOControl(c)) return "/";
        }
        try {
            java.net.URI u = new java.net.URI(redirect);
            if (u.getScheme() != null || u.getRawAuthority() != null) return "/";
        } catch (java.net.URISyntaxException e) {
            return "/";
        }
        return redirect;
    }

    /**
     * The page: a citizen's development sign-in (name and ID number), and for officials and administrators a choice
     * among the accounts administrators made ({@code accounts}: active ones only) — the agency, unit and post are the
     * account's, not the visitor's choice.
     */
    static String signIn(String redirect, String error, Map<String, String> values,
                         java.util.List<vn.gov.bvhttdl.dvc.application.OfficialAccounts.Account> accounts) {
        String name = values.getOrDefault("name", "Nguyễn Văn An");
        String id = values.getOrDefault("idNumber", "001099012345");
        String email = values.getOrDefault("email", "an.nguyen@example.vn");
        return """
                <!doctype html>
                <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
                <title>Đăng nhập (môi trường phát triển)</title><link rel="stylesheet" href="/styles.css"></head>
                <body><main class="narrow">
                <h1>Đăng nhập thử nghiệm (phát triển)</h1>
                <p class="muted">Môi trường chạy offline: trang này thay cho tài khoản Cognito của cán bộ và quản trị viên, dùng để
                phát triển và kiểm thử. Development sign-in, offline only: stands in for the officials' and administrators'
                Cognito accounts, for development and tests.</p>
                <p class="muted">Công dân và tổ chức đăng nhập bằng VNeID qua Cổng DVC quốc gia (hộp cát): <a href="/#/sign-in">trang Đăng nhập</a>.
                Citizens and organisations sign in with VNeID through the national portal (sandbox) on the sign-in page.</p>
                %s
                <form method="post" action="/dev/sign-in" class="card">
                  <h2>Cán bộ, quản trị viên / Officials, administrators</h2>
                  <p class="muted">Tài khoản do quản trị viên tạo (Quản trị → Cán bộ); cơ quan, đơn vị và vai trò theo tài khoản.
                  Accounts made by administrators (Admin → Officials); the agency, unit and role are the account's.</p>
                  <input type="hidden" name="redirect" value="%s">
                  <label>Tài khoản / Account <select name="account" id="account">%s</select></label>
                  <button type="submit" id="sign-in-account">Đăng nhập bằng tài khoản / Sign in with the account</button>
                </form>
                <form method="post" action="/dev/sign-in" class="card">
                  <h2>Công dân (thử nghiệm) / Citizen (development)</h2>
                  <input type="hidden" name="redirect" value="%s">
                  <input type="hidden" name="role" value="citizen">
                  <label>Họ và tên <input name="name" required value="%s" autocomplete="name"></label>
                  <label>Số định danh cá nhân (12 chữ số) <input name="idNumber" required pattern="\\d{12}" value="%s" inputmode="numeric"></label>
                  <label>Thư điện tử <input name="email" type="email" value="%s"></label>
                  <button type="submit" id="sign-in">Đăng nhập</button>
                </form></main></body></html>
                """.formatted(error == null ? "" : "<p class=\"error\" role=\"alert\">" + esc(error) + "</p>",
                esc(redirect), accountOptions(accounts), esc(redirect), esc(name), esc(id), esc(email));
    }

    /** One option per account: name, role, agency/unit. */
    static String accountOptions(java.util.List<vn.gov.bvhttdl.dvc.application.OfficialAccounts.Account> accounts) {
        StringBuilder b = new StringBuilder();
        var org = vn.gov.bvhttdl.dvc.domain.Organisation.standard();
        for (var a : accounts) {
            String role = switch (a.role()) {
                case DESK -> "Một cửa / desk";
                case SPECIALIST -> "Chuyên viên / specialist";
                case LEADER -> "Lãnh đạo / leader";
                case ADMIN -> "Quản trị / admin";
            };
            String where = a.agency() == null ? "" : " — " + a.agency() + (a.unit() == null ? "" : "/" + org.agency(a.agency())
                    .flatMap(ag -> ag.unit(a.unit())).map(u -> u.name().vi()).orElse(a.unit()));
            b.append("<option value=\"").append(esc(a.subject())).append("\">").append(esc(a.name())).append(" (")
                    .append(esc(role)).append(")").append(esc(where)).append("</option>");
        }
        return b.toString();
    }
}
