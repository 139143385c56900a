package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.AuditEvent;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * After a channel's outage (the SMTP server down longer than the stream's retries), the deliveries that failed are
 * sent again on a schedule: each failed delivery names its audit entry; the entry is read back from the dossier's
 * trail and handled again — only the channels not sent are claimed, so nothing goes twice. Safe to run twice at once.
 */
public final class ResendNotices {
    /** By default a failure this recent is left to the stream's own retries. */
    public static final Duration QUIET = Duration.ofMinutes(2);
    private static final int PAGE = 100;

    private final Dossiers dossiers;
    private final NoticeStore store;
    private final NotifyApplicant notify;
    private final Clock clock;
    private final Duration quiet;

    public ResendNotices(Dossiers dossiers, NoticeStore store, NotifyApplicant notify, Clock clock) {
        this(dossiers, store, notify, clock, QUIET);
    }

    public ResendNotices(Dossiers dossiers, NoticeStore store, NotifyApplicant notify, Clock clock, Duration quiet) {
        this.dossiers = dossiers;
        this.store = store;
        this.notify = notify;
        this.clock = clock;
        this.quiet = quiet;
    }

    public record Result(int tried, int sent, int stillFailing) {}

    public Result run() {
        int tried = 0, sent = 0, failing = 0;
        for (NoticeStore.Failed f : store.failedDeliveries(PAGE)) {
            if (f.failedAt().isAfter(clock.instant().minus(quiet))) continue;
            Optional<AuditEvent> e = dossiers.history(f.dossierId()).stream()
                    .filter(x -> x.at().equals(f.eventAt()) && x.action().equals(f.action())).findFirst();
            if (e.isEmpty()) continue;
            tried++;
            try {
                if (notify.handle(e.get(), f.eventKey()).sent().contains(f.channel())) sent++;
            } catch (RuntimeException stillDown) {
                failing++;
            }
        }
        return new Result(tried, sent, failing);
    }
}
