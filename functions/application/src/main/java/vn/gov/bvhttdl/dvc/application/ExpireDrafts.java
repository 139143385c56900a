package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Drafts a citizen left untouched (docs/archive.md, data lifecycle): a draft not changed for
 * {@code draftIdleDays} (rules/retention.json) gets a notice in the citizen's portal inbox saying when it will expire;
 * if it is still untouched {@code draftNoticeDays} after the notice, its items get a TTL (DynamoDB deletes them) and
 * its uploads are tagged for the bucket's lifecycle rule. A draft changed after its notice starts again. Running
 * twice the same day changes nothing twice.
 */
public final class ExpireDrafts {
    public record Result(int idle, int noticed, int expired) {}

    private final DraftLifecycle drafts;
    /** The citizen's portal inbox ({@link NoticeStore#deliver}, written once per id). */
    private final java.util.function.Consumer<NoticeStore.InboxMessage> inbox;
    private final Retention.Lifecycle periods;
    private final Clock clock;

    public ExpireDrafts(DraftLifecycle drafts, java.util.function.Consumer<NoticeStore.InboxMessage> inbox, Retention.Lifecycle periods, Clock clock) {
        this.drafts = drafts;
        this.inbox = inbox;
        this.periods = periods;
        this.clock = clock;
    }

    public Result run() {
        Instant now = clock.instant();
        int idle = 0, noticed = 0, expired = 0;
        for (Dossier d : drafts.idleDrafts(now.minus(Duration.ofDays(periods.draftIdleDays())))) {
            idle++;
            var n = drafts.notice(d.id()).filter(x -> x.draftUpdatedAt().equals(d.updatedAt()));
            if (n.isEmpty()) {
                LocalDate on = now.plus(Duration.ofDays(periods.draftNoticeDays())).atZone(vn.gov.bvhttdl.dvc.domain.ArchiveRecord.ZONE).toLocalDate();
                inbox.accept(new NoticeStore.InboxMessage(d.ownerId(), "draft-expiry-" + d.id() + "-" + d.updatedAt().toEpochMilli(), d.id(), d.code(),
                        "draft-expiry", "Hồ sơ nháp sắp bị xóa / Your draft will be deleted",
                        "Hồ sơ nháp của bạn chưa được nộp và không thay đổi trong " + periods.draftIdleDays() + " ngày; hồ sơ sẽ bị xóa từ ngày "
                                + on + " nếu bạn không cập nhật hoặc nộp. / Your draft has not been submitted or changed for "
                                + periods.draftIdleDays() + " days; it will be deleted from " + on + " unless you change or submit it.",
                        now, false));
                drafts.recordNotice(d.id(), new DraftLifecycle.Notice(now, d.updatedAt()));
                noticed++;
            } else if (!now.isBefore(n.get().at().plus(Duration.ofDays(periods.draftNoticeDays())))) {
                if (drafts.expire(d, now)) expired++;
            }
        }
        return new Result(idle, noticed, expired);
    }
}
