package vn.gov.bvhttdl.dvc.application;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.fakes.BundledRules;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryDossiers;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryResults;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.ConcurrentChange;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.IssuedResult;
import vn.gov.bvhttdl.dvc.domain.Post;
import vn.gov.bvhttdl.dvc.domain.Process;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Only a lost race is done again: the use case reads afresh and succeeds; a rule's refusal goes out at once; a race
 * lost every time ends as {@code changed-meanwhile} (409, "reload"), never as a refusal nor a failure of the system.
 */
class RacesTest {
    final Instant t0 = Instant.parse("2026-03-02T03:00:00Z");
    final Clock clock = Clock.fixed(t0, ZoneOffset.UTC);
    final InMemoryDossiers dossiers = new InMemoryDossiers();
    final InMemoryResults results = new InMemoryResults();
    final Rules rules = new BundledRules();
    final ResultRenderer renderer = (r, p, url, note) -> new ResultRenderer.Signed(("%PDF " + r.number()).getBytes(StandardCharsets.UTF_8), "CN=Test");
    final Actor leader = Actor.official("lead", "CDLQG", "LUHANH", Post.LEADER);
    final Actor other = Actor.system("another-writer");

    @Test
    void retryStopsAtTheFirstRefusalAndGivesUpOnRacesAfterItsAttempts() {
        AtomicInteger calls = new AtomicInteger();
        assertEquals("done", Races.retry(5, n -> {
            calls.incrementAndGet();
            if (n < 3) throw new ConcurrentChange("test");
            return "done";
        }));
        assertEquals(3, calls.get(), "two races lost, the third attempt wins");

        calls.set(0);
        DomainException refusal = new DomainException(DomainException.Kind.REFUSED, "not-allowed", new Text("Không.", "No."));
        assertSame(refusal, assertThrows(DomainException.class, () -> Races.retry(5, n -> {
            calls.incrementAndGet();
            throw refusal;
        })));
        assertEquals(1, calls.get(), "a refusal is not asked again");

        calls.set(0);
        ConcurrentChange lost = assertThrows(ConcurrentChange.class, () -> Races.retry(4, n -> {
            calls.incrementAndGet();
            throw new ConcurrentChange("test");
        }));
        assertEquals(4, calls.get());
        assertEquals(DomainException.Kind.RACE, lost.kind());
        assertEquals("changed-meanwhile", lost.problem());
        assertEquals(409, lost.kind().status());
        assertEquals("fallback", Races.retryOr(3, n -> { throw new ConcurrentChange("test"); }, () -> "fallback"));
    }

    @Test
    void anIssueBeatenByOtherWritersIsRetriedOnAFreshReadAndEntersTheTrailOnce() {
        String id = resultReady();
        AtomicInteger beaten = new AtomicInteger(3);
        AtomicInteger saves = new AtomicInteger();
        Dossiers racing = intercept(save -> {
            saves.incrementAndGet();
            if (save.event().action().equals("issue-result") && beaten.getAndDecrement() > 0) {
                // another writer appends to the dossier between our read and our write
                Dossier now = dossiers.find(id).orElseThrow();
                dossiers.save(now.handle(new Command.IssueResult("X-" + beaten.get(), "x"), other, t0));
            }
            return null;
        }, null);
        IssuedResult r = new IssueResult(racing, dossiers, results, renderer, rules, clock, "https://dvc.example.vn").issue(dossiers.find(id).orElseThrow(), leader, "ok");
        assertEquals(4, saves.get(), "three races lost, the fourth attempt stored");
        long ours = dossiers.history(id).stream().filter(e -> e.action().equals("issue-result") && e.actor().equals("lead")).count();
        assertEquals(1, ours, "exactly one entry of ours in the trail");
        assertEquals(r.number(), results.ofDossier(id).get(0).number());
    }

    @Test
    void aRefusalAfterTheFreshReadIsNotRetried() {
        String id = resultReady();
        // the fresh read finds the dossier where no result can be issued (here: a dossier still submitted)
        Dossier elsewhere = submitted();
        AtomicInteger saves = new AtomicInteger();
        AtomicInteger reads = new AtomicInteger();
        Dossiers racing = intercept(save -> {
            saves.incrementAndGet();
            throw new ConcurrentChange("dossier " + id);
        }, find -> {
            reads.incrementAndGet();
            return elsewhere;
        });
        DomainException e = assertThrows(DomainException.class,
                () -> new IssueResult(racing, dossiers, results, renderer, rules, clock, "https://dvc.example.vn").issue(dossiers.find(id).orElseThrow(), leader, "ok"));
        assertEquals(DomainException.Kind.REFUSED, e.kind());
        assertEquals("illegal-transition", e.problem());
        assertEquals(1, saves.get());
        assertEquals(1, reads.get(), "read once after the lost race, then refused: not asked again");
    }

    @Test
    void aRaceLostEveryTimeEndsAsChangedMeanwhile() {
        String id = resultReady();
        AtomicInteger saves = new AtomicInteger();
        Dossiers racing = intercept(save -> {
            saves.incrementAndGet();
            throw new ConcurrentChange("dossier " + id);
        }, null);
        ConcurrentChange e = assertThrows(ConcurrentChange.class,
                () -> new IssueResult(racing, dossiers, results, renderer, rules, clock, "https://dvc.example.vn").issue(dossiers.find(id).orElseThrow(), leader, "ok"));
        assertEquals(Races.ATTEMPTS, saves.get());
        assertEquals("changed-meanwhile", e.problem());
        assertEquals(409, e.kind().status());
        assertNotEquals(DomainException.Kind.REFUSED, e.kind());
    }

    /**
     * {@link #dossiers} with {@code save} first passed to {@code onSave} (which may throw, or return null to go on) and
     * {@code find} answered by {@code onFind} when given.
     */
    private Dossiers intercept(Function<Dossier.Change, Object> onSave, Function<String, Dossier> onFind) {
        return (Dossiers) Proxy.newProxyInstance(Dossiers.class.getClassLoader(), new Class<?>[]{Dossiers.class}, (proxy, m, args) -> {
            if (m.getName().equals("save") && args.length == 1) onSave.apply((Dossier.Change) args[0]);
            if (m.getName().equals("find") && onFind != null) return java.util.Optional.of(onFind.apply((String) args[0]));
            try {
                return m.invoke(dossiers, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    private Dossier submitted() {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow();
        Dossier.Change c = Dossier.draft("d-" + System.nanoTime(), p, "owner", new Applicant("Phạm Thị Hoa", "079199001234", "0101234567",
                "51 Ngô Quyền", "0987000111", null), Map.of("companyName", "Công ty TNHH Lữ hành Hoa Sen"), t0);
        dossiers.create(c);
        Dossier.Change s = c.dossier().handle(new Command.Submit("{}", 0), Actor.citizen("owner"), t0);
        dossiers.save(s);
        return s.dossier();
    }

    /** A dossier approved by the leader (RESULT_READY), its result not issued yet. */
    private String resultReady() {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow();
        Dossier d = submitted();
        Process.Stage first = Process.of(p).first();
        dossiers.save(d.handle(new Command.Receive("000.00.12.G17-260302-" + (1000 + (int) (Math.random() * 8999)),
                LocalDate.of(2026, 3, 16), first.code(), first.unit(), LocalDate.of(2026, 3, 3)), Actor.system("v"), t0));
        OfficialMoves moves = new OfficialMoves(dossiers, dossiers, rules, clock, null, results);
        moves.startProcessing(Actor.official("mc", "CDLQG", "MOTCUA", Post.ONE_STOP), d.id());
        Actor specialist = Actor.official("lh", "CDLQG", "LUHANH", Post.SPECIALIST);
        moves.assign(specialist, d.id(), null, null);
        moves.forward(specialist, d.id(), null);
        moves.approve(leader, d.id(), "Đủ điều kiện"); // no IssueResult here: the result is issued by the test
        assertEquals(DossierStatus.RESULT_READY, dossiers.find(d.id()).orElseThrow().status());
        return d.id();
    }
}
