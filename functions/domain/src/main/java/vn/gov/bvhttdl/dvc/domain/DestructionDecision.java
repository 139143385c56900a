package vn.gov.bvhttdl.dvc.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An appraisal council's decision to destroy expired records (hội đồng xác định giá trị tài liệu): its members, the
 * reference of its minutes, its date and the archive codes it approved, recorded by an administrator before anything
 * is destroyed. Only the records it lists are destroyed, each still fixed-term and past its action date on the day.
 * The Law on Archives 33/2024/QH15 sets the council and the destruction procedure; its articles were not read here
 * (docs/archive.md: {@code confirmed: false}).
 */
public record DestructionDecision(String id, String agencyCode, List<String> members, String minutesReference, LocalDate decidedOn,
                                  List<String> archiveCodes, String recordedBy, Instant recordedAt) {
    public DestructionDecision {
        members = members == null ? List.of() : List.copyOf(members);
        archiveCodes = archiveCodes == null ? List.of() : List.copyOf(archiveCodes);
    }

    /** The smallest council this system accepts (a chair, the archivist, the unit whose records they are). */
    public static final int MIN_MEMBERS = 3;

    /** What is wrong with the decision as sent, in both languages; empty when it may be recorded. */
    public List<Text> problems(LocalDate today) {
        List<Text> out = new ArrayList<>();
        if (agencyCode == null || agencyCode.isBlank()) out.add(new Text("Thiếu cơ quan.", "The agency is missing."));
        if (members.stream().filter(m -> m != null && !m.isBlank()).count() < MIN_MEMBERS)
            out.add(new Text("Hội đồng xác định giá trị tài liệu cần ít nhất " + MIN_MEMBERS + " thành viên.",
                    "The appraisal council needs at least " + MIN_MEMBERS + " members."));
        if (minutesReference == null || minutesReference.isBlank()) out.add(new Text("Thiếu số biên bản họp hội đồng.", "The reference of the council's minutes is missing."));
        if (decidedOn == null) out.add(new Text("Thiếu ngày quyết định.", "The date of the decision is missing."));
        else if (decidedOn.isAfter(today)) out.add(new Text("Ngày quyết định ở tương lai.", "The decision is dated in the future."));
        if (archiveCodes.isEmpty()) out.add(new Text("Danh mục tài liệu hủy trống.", "The list of records to destroy is empty."));
        return out;
    }
}
