package vn.gov.bvhttdl.dvc.application;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.fakes.BundledRules;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryDossiers;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryResults;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.IssuedResult;
import vn.gov.bvhttdl.dvc.domain.Post;
import vn.gov.bvhttdl.dvc.domain.Process;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The leader's approval issues the signed result; the applicant's download returns it; numbering under concurrency. */
class ResultsTest {
    final Instant t0 = Instant.parse("2026-03-02T03:00:00Z");
    final Clock clock = Clock.fixed(t0, ZoneOffset.UTC);
    final InMemoryDossiers dossiers = new InMemoryDossiers();
    final InMemoryResults results = new InMemoryResults();
    final Rules rules = new BundledRules();
    /** Stands for the PDF renderer and the unit's key: the "file" names the result and the address of its page. */
    final ResultRenderer renderer = (r, p, url, note) -> new ResultRenderer.Signed(
            ("%PDF " + r.number() + " " + url + " " + note).getBytes(StandardCharsets.UTF_8), "CN=Test unit");
    final IssueResult issue = new IssueResult(dossiers, dossiers, results, renderer, rules, clock, "https://dvc.example.vn/");
    final OfficialMoves moves = new OfficialMoves(dossiers, dossiers, rules, clock, issue, results);
    final Actor desk = Actor.official("mc", "CDLQG", "MOTCUA", Post.ONE_STOP);
    final Actor specialist = Actor.official("lh", "CDLQG", "LUHANH", Post.SPECIALIST);
    final Actor leader = Actor.official("lead", "CDLQG", "LUHANH", Post.LEADER);

    String atSigning() {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow();
        Dossier.Change c = Dossier.draft("d-" + System.nanoTime(), p, "owner", new Applicant("Phạm Thị Hoa", "079199001234", "0101234567",
                "51 Ngô Quyền", "0987000111", null), Map.of("companyName", "Công ty TNHH Lữ hành Hoa Sen"), t0);
        dossiers.create(c);
        Dossier.Change s = c.dossier().handle(new Command.Submit("{}", 0), Actor.citizen("owner"), t0);
        dossiers.save(s);
        Process.Stage first = Process.of(p).first();
        dossiers.save(s.dossier().handle(new Command.Receive("000.00.12.G17-260302-" + (1000 + (int) (Math.random() * 8999)),
                LocalDate.of(2026, 3, 16), first.code(), first.unit(), LocalDate.of(2026, 3, 3)), Actor.system("v"), t0));
        String id = c.dossier().id();
        moves.startProcessing(desk, id);
        moves.assign(specialist, id, null, null);
        moves.forward(specialist, id, null);
        return id;
    }

    @Test
    void theApprovalIssuesResultOneAndTheApplicantsDownloadReturnsIt() {
        String id = atSigning();
        Dossier approved = moves.approve(leader, id, "Đủ điều kiện");
        assertEquals(DossierStatus.RESULT_READY, approved.status());
        List<IssuedResult> issued = results.ofDossier(id);
        assertEquals(1, issued.size());
        IssuedResult r = issued.get(0);
        assertEquals(approved.code() + "-KQ1", r.number());
        assertEquals("Công ty TNHH Lữ hành Hoa Sen", r.face().get(0).value());
        assertNull(r.validUntil(), "a travel licence has no end date");
        assertTrue(r.id().matches("[a-z0-9]{26}"));
        assertTrue(new String(results.file(r.id()), StandardCharsets.UTF_8).contains("https://dvc.example.vn/verify/" + r.id()),
                "the document points at its verification page");
        assertEquals(64, r.sha256().length());
        assertEquals("issue-result", dossiers.history(id).get(dossiers.history(id).size() - 1).action());
        assertEquals(DomainException.Kind.REFUSED, assertThrows(DomainException.class, () -> moves.issueResult(leader, id)).kind(),
                "one valid result is enough");

        ReturnOnline take = new ReturnOnline(dossiers, results, clock);
        assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class,
                () -> take.take(Actor.citizen("someone-else"), id, r.number())).kind());
        assertEquals(r, take.take(Actor.citizen("owner"), id, r.number()));
        assertEquals(DossierStatus.RESULT_RETURNED, dossiers.find(id).orElseThrow().status());
        int entries = dossiers.history(id).size();
        take.take(Actor.citizen("owner"), id, r.number());
        assertEquals(entries, dossiers.history(id).size(), "a second download changes nothing");
    }

    @Test
    void theSigningLeaderRevokesWithAReasonOnce() {
        String id = atSigning();
        moves.approve(leader, id, null);
        String number = results.ofDossier(id).get(0).number();
        assertEquals(DomainException.Kind.FORBIDDEN, assertThrows(DomainException.class, () -> moves.revokeResult(desk, id, number, "x")).kind());
        assertEquals("revoke.reason", assertThrows(DomainException.class, () -> moves.revokeResult(leader, id, number, " ")).errors().get(0).field());
        IssuedResult revoked = moves.revokeResult(leader, id, number, "Cấp nhầm doanh nghiệp");
        assertEquals(IssuedResult.Status.REVOKED, results.ofDossier(id).get(0).status());
        assertEquals("Cấp nhầm doanh nghiệp", revoked.revokedReason());
        assertEquals("revoke-result", dossiers.history(id).get(dossiers.history(id).size() - 1).action());
        assertEquals(DomainException.Kind.REFUSED, assertThrows(DomainException.class, () -> moves.revokeResult(leader, id, number, "again")).kind());
        assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class,
                () -> moves.revokeResult(Actor.official("x", "CNTBD", "CHUYENMON", Post.LEADER), id, number, "x")).kind());
    }

    @Test
    void aCorrectionIssuesTheNextNumberAndMarksTheOldOneReplaced() {
        String id = atSigning();
        moves.approve(leader, id, null);
        new ReturnOnline(dossiers, results, clock).take(Actor.citizen("owner"), id, results.ofDossier(id).get(0).number());
        String first = results.ofDossier(id).get(0).number();
        IssuedResult second = moves.correctResult(leader, id, first, "Sửa địa chỉ trụ sở");
        assertTrue(second.number().endsWith("-KQ2"), second.number());
        IssuedResult old = results.ofDossier(id).get(0);
        assertEquals(IssuedResult.Status.REPLACED, old.status());
        assertEquals(second.number(), old.replacedBy());
        assertEquals("REPLACED", old.state(LocalDate.of(2026, 4, 1)));
        assertEquals(DomainException.Kind.REFUSED, assertThrows(DomainException.class, () -> moves.correctResult(leader, id, first, "again")).kind());
    }

    @Test
    void aLevelThreeResultIsIssuedByTheLeadersOwnMove() {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-004").orElseThrow();
        assertEquals(3, p.serviceLevel());
        Dossier.Change c = Dossier.draft("d-" + System.nanoTime(), p, "owner", new Applicant("Phạm Thị Hoa", "079199001234", null, "51 Ngô Quyền",
                "0987000111", null), Map.of("establishmentName", "Khách sạn Sông Hàn", "starLevel", "4"), t0);
        dossiers.create(c);
        Dossier.Change s = c.dossier().handle(new Command.Submit("{}", 0), Actor.citizen("owner"), t0);
        dossiers.save(s);
        Process.Stage first = Process.of(p).first();
        dossiers.save(s.dossier().handle(new Command.Receive("000.00.12.G17-260302-0777", LocalDate.of(2026, 4, 1), first.code(), first.unit(),
                LocalDate.of(2026, 3, 5)), Actor.system("v"), t0));
        String id = c.dossier().id();
        Actor lt = Actor.official("lt", "CDLQG", "LUUTRU", Post.SPECIALIST);
        Actor ltLeader = Actor.official("lt-lead", "CDLQG", "LUUTRU", Post.LEADER);
        moves.startProcessing(desk, id);
        moves.assign(lt, id, null, null);
        moves.forward(lt, id, null);
        moves.approve(ltLeader, id, "Đạt hạng 4 sao");
        assertEquals(List.of(), results.ofDossier(id), "level 3: not issued with the approval");
        assertEquals(List.of("issue-result"), OfficialMoves.offered(rules, dossiers.find(id).orElseThrow(), ltLeader));
        moves.issueResult(ltLeader, id);
        IssuedResult r = results.ofDossier(id).get(0);
        assertEquals(LocalDate.of(2031, 3, 1), r.validUntil(), "a star rating: five years");
        assertTrue(r.face().stream().anyMatch(l -> l.value().equals("4 sao")));
    }

    @Test
    void theDeskRecordsACounterReturn() {
        String id = atSigning();
        moves.approve(leader, id, null);
        assertEquals(DomainException.Kind.FORBIDDEN, assertThrows(DomainException.class, () -> moves.returnResult(leader, id, "counter")).kind());
        assertEquals("return-result.channel", assertThrows(DomainException.class, () -> moves.returnResult(desk, id, "pigeon")).errors().get(0).field());
        assertEquals(DossierStatus.RESULT_RETURNED, moves.returnResult(desk, id, "post").status());
    }

    @Test
    void numbersAreNeverTheSameTwiceWhateverRunsAtOnce() throws Exception {
        String id = atSigning();
        Dossier d = moves.approve(leader, id, null);
        Set<String> numbers = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 40; i++) {
            pool.submit(() -> {
                // corrections issued at once: each takes the next number, and each is in the trail
                numbers.add(issue.issue(dossiers.find(id).orElseThrow(), leader, null).number());
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        List<String> stored = results.ofDossier(id).stream().map(IssuedResult::number).toList();
        assertEquals(stored.size(), Set.copyOf(stored).size(), "no number twice");
        assertTrue(stored.contains(d.code() + "-KQ1"));
        assertEquals(41, stored.size(), "every issue stored its own file and number");
        assertEquals(41, dossiers.history(id).stream().filter(e -> e.action().equals("issue-result")).count(), "and its entry in the trail");
    }

    /** A dossier at signing, then as {@code state} says: its results, and the move that brought it there. */
    String inState(String state) {
        String id = atSigning();
        if (state.equals("signing")) return id;
        moves.approve(leader, id, null); // level 4: result 1 issued with the approval
        String first = results.ofDossier(id).get(0).number();
        switch (state) {
            case "approved" -> { }
            case "revoked" -> moves.revokeResult(leader, id, first, "Cấp nhầm");
            case "corrected" -> moves.correctResult(leader, id, first, "Sửa địa chỉ");
            case "returned" -> moves.returnResult(desk, id, "counter");
            case "returned-revoked" -> { moves.returnResult(desk, id, "counter"); moves.revokeResult(leader, id, first, "Cấp nhầm"); }
            default -> fail(state);
        }
        return id;
    }

    /** The number a revocation or correction names: a valid result's, else the last one's, else none. */
    String numberFor(String id) {
        List<IssuedResult> all = results.ofDossier(id);
        return all.stream().filter(r -> r.status() == IssuedResult.Status.VALID).map(IssuedResult::number).findFirst()
                .orElse(all.isEmpty() ? "none-KQ1" : all.get(all.size() - 1).number());
    }

    /** For every post of every unit (own agency and another) and every state of the results: offered exactly when accepted. */
    @Test
    void theResultsMovesAreOfferedExactlyWhenTheyAreAccepted() {
        int accepted = 0;
        for (String state : List.of("signing", "approved", "revoked", "corrected", "returned", "returned-revoked")) {
            for (String agencyUnit : List.of("CDLQG/MOTCUA", "CDLQG/LUHANH", "CDLQG/LUUTRU", "CDSVH/CHUYENMON")) {
                for (Post post : Post.values()) {
                    for (String move : List.of("issue-result", "revoke-result", "correct-result")) {
                        String id = inState(state);
                        String[] au = agencyUnit.split("/");
                        Actor a = Actor.official(post + "-" + au[1], au[0], au[1], post);
                        boolean offered = moves.offered(dossiers.find(id).orElseThrow(), a).contains(move);
                        String where = state + " × " + agencyUnit + " × " + post + " × " + move;
                        int entries = dossiers.history(id).size();
                        List<IssuedResult> before = results.ofDossier(id);
                        Runnable perform = switch (move) {
                            case "issue-result" -> () -> moves.issueResult(a, id);
                            case "revoke-result" -> () -> moves.revokeResult(a, id, numberFor(id), "Lý do");
                            default -> () -> moves.correctResult(a, id, numberFor(id), "Lý do");
                        };
                        if (offered) {
                            assertDoesNotThrow(perform::run, where + ": offered, so accepted");
                            accepted++;
                        } else {
                            assertThrows(DomainException.class, perform::run, where + ": not offered, so refused");
                            assertEquals(entries, dossiers.history(id).size(), where + ": nothing written");
                            assertEquals(before, results.ofDossier(id), where + ": no result changed");
                        }
                    }
                }
            }
        }
        assertTrue(accepted >= 7, "accepted " + accepted); // the leader of LUHANH: revoke and correct on each valid result, issue after a revocation
        // the signing unit's leader is offered both on a valid result, nobody else is
        String id = inState("returned");
        assertTrue(moves.offered(dossiers.find(id).orElseThrow(), leader).containsAll(List.of("revoke-result", "correct-result")));
        assertFalse(moves.offered(dossiers.find(id).orElseThrow(), leader).contains("issue-result"), "it has a valid result");
        assertFalse(moves.offered(dossiers.find(id).orElseThrow(), desk).contains("revoke-result"));
        // after the revocation: a new issue is offered to the leader, no more revocation
        String revoked = inState("revoked");
        List<String> now = moves.offered(dossiers.find(revoked).orElseThrow(), leader);
        assertTrue(now.contains("issue-result") && !now.contains("revoke-result") && !now.contains("correct-result"), now.toString());
    }
}
