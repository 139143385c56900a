package vn.gov.bvhttdl.dvc.application.fakes;

import vn.gov.bvhttdl.dvc.application.OfficialAccounts;
import vn.gov.bvhttdl.dvc.application.StaffDirectory;

import java.util.ArrayList;
import java.util.List;

/** A user pool that records what it was asked; {@code failing} makes the next call fail (the pool unreachable). */
public final class RecordingDirectory implements StaffDirectory {
    public final List<String> calls = new ArrayList<>();
    public boolean failing;
    private int next = 1;

    @Override
    public User create(String name, String email, OfficialAccounts.AccountRole role, String agency, String unit, String title,
                       vn.gov.bvhttdl.dvc.domain.Actor.Delegation delegation) {
        fail();
        calls.add("create " + email + " " + role.group() + " " + agency + "/" + unit + " " + role.post() + sign(title, delegation));
        int n = next++;
        return new User("sub-" + n, "user-" + n);
    }

    @Override
    public void assign(String username, OfficialAccounts.AccountRole before, OfficialAccounts.AccountRole role, String agency, String unit,
                       String title, vn.gov.bvhttdl.dvc.domain.Actor.Delegation delegation) {
        fail();
        calls.add("assign " + username + " " + before.group() + "->" + role.group() + " " + agency + "/" + unit + " " + role.post() + sign(title, delegation));
    }

    /** Nothing when no title and no delegation, else " [title|MODE for name]". */
    private static String sign(String title, vn.gov.bvhttdl.dvc.domain.Actor.Delegation d) {
        if (title == null && d == null) return "";
        return " [" + title + (d == null ? "" : "|" + d.mode() + " " + d.forName()) + "]";
    }

    @Override
    public void deactivate(String username) {
        fail();
        calls.add("deactivate " + username);
    }

    private void fail() {
        if (failing) throw new IllegalStateException("the user pool is unreachable");
    }
}
