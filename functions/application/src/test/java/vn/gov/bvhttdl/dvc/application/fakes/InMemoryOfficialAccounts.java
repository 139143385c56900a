package vn.gov.bvhttdl.dvc.application.fakes;

import vn.gov.bvhttdl.dvc.application.OfficialAccounts;
import vn.gov.bvhttdl.dvc.domain.ConcurrentChange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The accounts in memory, with the same version rule as the table's store. */
public final class InMemoryOfficialAccounts implements OfficialAccounts {
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final List<Change> trail = new ArrayList<>();

    @Override
    public Optional<Account> find(String subject) { return Optional.ofNullable(accounts.get(subject)); }

    @Override
    public List<Account> all() {
        return accounts.values().stream().sorted(Comparator.comparing(Account::name)).toList();
    }

    @Override
    public synchronized void save(Account account, Change change) {
        Account before = accounts.get(account.subject());
        long expected = account.version() - 1;
        if (expected == 0 ? before != null : before == null || before.version() != expected) {
            throw new ConcurrentChange("official " + account.subject());
        }
        accounts.put(account.subject(), account);
        trail.add(change);
    }

    @Override
    public synchronized List<Change> history(String subject) {
        return trail.stream().filter(c -> c.subject().equals(subject)).sorted(Comparator.comparingLong(Change::version)).toList();
    }
}
