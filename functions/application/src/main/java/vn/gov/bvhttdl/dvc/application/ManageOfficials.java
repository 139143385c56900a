package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Organisation;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Administrators create officials' and administrators' accounts, change their assignment (agency, unit, role) and
 * deactivate them: the user pool first ({@link StaffDirectory}), then the account and its trail entry
 * ({@link OfficialAccounts}), so that an account the table shows exists in the pool. A deactivation disables the
 * pool's user and signs it out first; the table's record, which the APIs check on each request, refuses the
 * account's tokens from the moment it is written. Every change is one trail entry: who, when, before and after.
 */
public final class ManageOfficials {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,}");

    /**
     * What an administrator asks for: a new account, or a new assignment of one. {@code title} the official's own title
     * (chức danh), {@code signMode} {@code KT}, {@code TL} or empty (in their own right), and for KT./TL. for whom:
     * {@code signFor} the superior's name, or {@code signForAccount} the subject of the superior's account (its name is
     * taken).
     */
    public record Assignment(String name, String email, String agency, String unit, OfficialAccounts.AccountRole role,
                             String title, String signMode, String signFor, String signForAccount) {
        /** An assignment that signs in its own right, without a title. */
        public Assignment(String name, String email, String agency, String unit, OfficialAccounts.AccountRole role) {
            this(name, email, agency, unit, role, null, null, null, null);
        }
    }

    /** The title and delegation an assignment asks for, checked. */
    private record Signing(String title, Actor.Delegation delegation) {}

    /** An account and its trail, for the administrators' page. */
    public record AccountPage(OfficialAccounts.Account account, List<OfficialAccounts.Change> history) {}

    private final OfficialAccounts accounts;
    private final StaffDirectory directory;
    private final Organisation organisation;
    private final Clock clock;

    public ManageOfficials(OfficialAccounts accounts, StaffDirectory directory, Organisation organisation, Clock clock) {
        this.accounts = accounts;
        this.directory = directory;
        this.organisation = organisation;
        this.clock = clock;
    }

    public List<OfficialAccounts.Account> list() { return accounts.all(); }

    public AccountPage account(String subject) {
        OfficialAccounts.Account a = accounts.find(subject).orElseThrow(() -> DomainException.of("official-not-found"));
        return new AccountPage(a, accounts.history(subject));
    }

    /** A new account, active, version 1. */
    public OfficialAccounts.Account create(String admin, Assignment in) {
        String name = in.name() == null ? "" : in.name().strip();
        String email = in.email() == null ? "" : in.email().strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty() || name.length() > 120) throw invalid("name", "Nhập họ và tên (tối đa 120 ký tự).", "Enter a name (at most 120 characters).");
        if (!EMAIL.matcher(email).matches() || email.length() > 254) throw invalid("email", "Thư điện tử không hợp lệ.", "The e-mail address is not valid.");
        checkAssignment(in);
        Signing signing = signing(null, in);
        if (accounts.all().stream().anyMatch(a -> a.email() != null && a.email().equalsIgnoreCase(email))) {
            throw DomainException.of("official-exists");
        }
        String agency = blank(in.agency());
        String unit = in.role() == OfficialAccounts.AccountRole.ADMIN ? null : blank(in.unit());
        StaffDirectory.User user = directory.create(name, email, in.role(), agency, unit, signing.title(), signing.delegation());
        var now = clock.instant();
        var account = new OfficialAccounts.Account(user.subject(), user.username(), name, email, agency, unit, in.role(),
                OfficialAccounts.Status.ACTIVE, 1, now, admin, signing.title(), signing.delegation());
        accounts.save(account, new OfficialAccounts.Change(user.subject(), 1, now, admin, "CREATED", null, describe(account)));
        return account;
    }

    /** A new agency, unit, role, title or signing delegation for an active account. */
    public OfficialAccounts.Account assign(String admin, String subject, long expectedVersion, Assignment in) {
        OfficialAccounts.Account a = current(subject, expectedVersion);
        if (!a.active()) throw DomainException.of("official-deactivated");
        checkAssignment(in);
        Signing signing = signing(subject, in);
        String agency = blank(in.agency());
        String unit = in.role() == OfficialAccounts.AccountRole.ADMIN ? null : blank(in.unit());
        if (java.util.Objects.equals(agency, a.agency()) && java.util.Objects.equals(unit, a.unit()) && in.role() == a.role()
                && java.util.Objects.equals(signing.title(), a.title()) && java.util.Objects.equals(signing.delegation(), a.delegation())) {
            throw DomainException.of("official-unchanged");
        }
        directory.assign(a.username(), a.role(), in.role(), agency, unit, signing.title(), signing.delegation());
        var now = clock.instant();
        var next = new OfficialAccounts.Account(a.subject(), a.username(), a.name(), a.email(), agency, unit, in.role(), a.status(),
                a.version() + 1, now, admin, signing.title(), signing.delegation());
        accounts.save(next, new OfficialAccounts.Change(subject, next.version(), now, admin, "ASSIGNED", describe(a), describe(next)));
        return next;
    }

    /** Deactivates an account: the pool's user disabled and signed out, the account refused by the APIs from now on. */
    public OfficialAccounts.Account deactivate(String admin, String subject, long expectedVersion) {
        OfficialAccounts.Account a = current(subject, expectedVersion);
        if (!a.active()) throw DomainException.of("official-deactivated");
        if (a.subject().equals(admin)) throw DomainException.of("official-self");
        directory.deactivate(a.username());
        var now = clock.instant();
        var next = new OfficialAccounts.Account(a.subject(), a.username(), a.name(), a.email(), a.agency(), a.unit(), a.role(),
                OfficialAccounts.Status.DEACTIVATED, a.version() + 1, now, admin, a.title(), a.delegation());
        accounts.save(next, new OfficialAccounts.Change(subject, next.version(), now, admin, "DEACTIVATED", "ACTIVE", "DEACTIVATED"));
        return next;
    }

    private OfficialAccounts.Account current(String subject, long expectedVersion) {
        OfficialAccounts.Account a = accounts.find(subject).orElseThrow(() -> DomainException.of("official-not-found"));
        if (expectedVersion > 0 && a.version() != expectedVersion) throw new vn.gov.bvhttdl.dvc.domain.ConcurrentChange("official " + subject);
        return a;
    }

    private void checkAssignment(Assignment in) {
        if (in.role() == null) throw invalid("role", "Chọn vai trò: một cửa, chuyên viên, lãnh đạo hoặc quản trị.", "Choose a role: desk, specialist, leader or admin.");
        String agency = blank(in.agency());
        if (in.role() == OfficialAccounts.AccountRole.ADMIN) {
            if (agency != null && organisation.agency(agency).isEmpty()) throw invalid("agency", "Không có cơ quan này.", "No such agency.");
            return;
        }
        if (agency == null || organisation.agency(agency).isEmpty()) throw invalid("agency", "Chọn cơ quan của cán bộ.", "Choose the official's agency.");
        if (!organisation.hasUnit(agency, blank(in.unit()))) throw invalid("unit", "Chọn đơn vị thuộc cơ quan đã chọn.", "Choose a unit of the chosen agency.");
    }

    /**
     * The title and delegation of {@code in} for the account {@code self} (null when new): a title of at most 80
     * characters; KT./TL. only for an official, with their title and for whom (a name, or another active account's).
     */
    private Signing signing(String self, Assignment in) {
        String title = blank(in.title());
        if (title != null && title.length() > 80) throw invalid("title", "Chức danh tối đa 80 ký tự.", "A title has at most 80 characters.");
        String raw = blank(in.signMode());
        String mode = raw == null ? null : raw.toUpperCase(Locale.ROOT).replace(".", "");
        if (mode != null && (mode.equals("OWN") || mode.equals("NONE"))) mode = null;
        if (mode != null && !vn.gov.bvhttdl.dvc.domain.Signature.MODES.contains(mode)) {
            throw invalid("signMode", "Chọn cách ký: tự ký, ký thay (KT.) hoặc thừa lệnh (TL.).", "Choose how they sign: in their own right, KT. or TL.");
        }
        String forName = blank(in.signFor());
        String forAccount = blank(in.signForAccount());
        if (mode == null) {
            if (forName != null || forAccount != null) {
                throw invalid("signFor", "Chỉ ghi người được ký thay khi ký thay (KT.) hoặc thừa lệnh (TL.).", "Name a superior only for KT. or TL.");
            }
            return new Signing(title, null);
        }
        if (in.role() == OfficialAccounts.AccountRole.ADMIN) {
            throw invalid("signMode", "Quản trị viên không ký văn bản.", "An administrator does not sign documents.");
        }
        if (title == null) throw invalid("title", "Nhập chức danh của người ký thay (ví dụ: Phó Cục trưởng).", "Enter the signer's own title (e.g. Deputy Director General).");
        if (forAccount != null) {
            if (forAccount.equals(self)) throw invalid("signForAccount", "Không thể ký thay chính mình.", "An official cannot sign on behalf of themselves.");
            OfficialAccounts.Account superior = accounts.find(forAccount).filter(OfficialAccounts.Account::active)
                    .orElseThrow(() -> invalid("signForAccount", "Không có tài khoản cấp trên này (hoặc đã vô hiệu hóa).", "No such superior's account (or it is deactivated)."));
            if (forName != null && !forName.equals(superior.name())) {
                throw invalid("signFor", "Tên cấp trên khác với tài khoản đã chọn.", "The superior's name differs from the chosen account's.");
            }
            forName = superior.name();
        }
        if (forName == null) {
            throw invalid("signFor", "Ký thay hoặc thừa lệnh cần tên cấp trên (hoặc tài khoản của cấp trên).", "KT. and TL. need the superior's name (or their account).");
        }
        if (forName.length() > 120) throw invalid("signFor", "Tên cấp trên tối đa 120 ký tự.", "The superior's name has at most 120 characters.");
        return new Signing(title, new Actor.Delegation(mode, forName, title));
    }

    /** The assignment as the trail keeps it: {@code ROLE agency/unit}, then the title and a KT./TL. delegation if any. */
    static String describe(OfficialAccounts.Account a) {
        Actor.Delegation d = a.delegation();
        return a.role() + " " + (a.agency() == null ? "-" : a.agency()) + "/" + (a.unit() == null ? "-" : a.unit())
                + (a.title() == null ? "" : " «" + a.title() + "»")
                + (d == null ? "" : " " + d.mode() + ". " + d.forName());
    }

    private static String blank(String s) { return s == null || s.isBlank() ? null : s.strip(); }

    private static DomainException invalid(String field, String vi, String en) {
        return new DomainException(DomainException.Kind.INVALID, "invalid-field", new Text(vi, en),
                List.of(new Text(vi, en, field)));
    }
}
