package vn.gov.bvhttdl.dvc.local.runner;

import vn.gov.bvhttdl.dvc.application.OfficialAccounts;
import vn.gov.bvhttdl.dvc.application.OfficialAccounts.Account;
import vn.gov.bvhttdl.dvc.application.OfficialAccounts.AccountRole;
import vn.gov.bvhttdl.dvc.domain.ConcurrentChange;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The officials' and administrators' accounts the development sign-in offers (offline only): the accounts in the
 * runner's table — those administrators created on {@code /#/admin/officials}, and a few seeded here so that a fresh
 * runner has a desk, a specialist, a leader and an administrator. The sign-in issues a token with what the account
 * says ({@link DevIdentity#issue(Account)}); the APIs check the same account on every request.
 * <p>
 * The seeds' subjects are derived from their e-mail addresses ({@code adapters.LocalDirectory.subjectOf}, as for an
 * account an administrator creates offline), never from an ID number, so they are other people than the tokens
 * scripts name directly ({@link LocalRunner#devToken}: no account, taken as their claims say).
 */
final class DevAccounts {
    static final String SEEDER = "dev-seed";

    /** The seeded accounts: e-mail, name, role, agency, unit. */
    record Seed(String email, String name, AccountRole role, String agency, String unit) {}

    static final List<Seed> SEEDS = List.of(
            new Seed("motcua.cdlqg@example.vn", "Nguyễn Thị Một Cửa", AccountRole.DESK, "CDLQG", "MOTCUA"),
            new Seed("chuyenvien.cdlqg@example.vn", "Trần Văn Chuyên", AccountRole.SPECIALIST, "CDLQG", "LUHANH"),
            new Seed("lanhdao.cdlqg@example.vn", "Lê Thị Lãnh Đạo", AccountRole.LEADER, "CDLQG", "LUHANH"),
            new Seed("quantri@example.vn", "Phạm Quản Trị", AccountRole.ADMIN, null, null));

    private final OfficialAccounts accounts;
    private volatile boolean seeded;

    DevAccounts(OfficialAccounts accounts) {
        this.accounts = accounts;
    }

    /** The active accounts, by name (the seeds written on first use). */
    List<Account> active() {
        seedOnce();
        return accounts.all().stream().filter(Account::active).toList();
    }

    Optional<Account> find(String subject) {
        seedOnce();
        return accounts.find(subject);
    }

    /**
     * The account {@code subject}: created if missing; moved to the given assignment if active and different (a trail
     * entry by {@value #SEEDER}); a deactivated one is left as it is (its tokens stay refused).
     */
    Account seed(String subject, String name, String email, AccountRole role, String agency, String unit) {
        for (int attempt = 0; ; attempt++) {
            try {
                Optional<Account> now = accounts.find(subject);
                Instant at = Instant.now();
                if (now.isEmpty()) {
                    Account a = new Account(subject, email, name, email, agency, role == AccountRole.ADMIN ? null : unit, role,
                            OfficialAccounts.Status.ACTIVE, 1, at, SEEDER);
                    accounts.save(a, new OfficialAccounts.Change(subject, 1, at, SEEDER, "CREATED", null, describe(a)));
                    return a;
                }
                Account a = now.get();
                String u = role == AccountRole.ADMIN ? null : unit;
                if (!a.active() || (a.role() == role && Objects.equals(a.agency(), agency) && Objects.equals(a.unit(), u))) return a;
                Account next = new Account(subject, a.username(), a.name(), a.email(), agency, u, role, a.status(), a.version() + 1, at, SEEDER,
                        a.title(), a.delegation());
                accounts.save(next, new OfficialAccounts.Change(subject, next.version(), at, SEEDER, "ASSIGNED", describe(a), describe(next)));
                return next;
            } catch (ConcurrentChange race) {
                if (attempt >= 3) throw race;
            }
        }
    }

    private void seedOnce() {
        if (seeded) return;
        synchronized (this) {
            if (seeded) return;
            for (Seed s : SEEDS) {
                String subject = vn.gov.bvhttdl.dvc.adapters.LocalDirectory.subjectOf(s.email());
                if (accounts.find(subject).isEmpty()) seed(subject, s.name(), s.email(), s.role(), s.agency(), s.unit());
            }
            seeded = true;
        }
    }

    private static String describe(Account a) {
        return a.role() + " " + (a.agency() == null ? "-" : a.agency()) + "/" + (a.unit() == null ? "-" : a.unit());
    }
}
