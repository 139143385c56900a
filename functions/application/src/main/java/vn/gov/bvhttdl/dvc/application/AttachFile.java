package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Limits;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The applicant asks to add one file to one component of an editable dossier: the name, format and size are
 * checked against the component, the attachment is recorded PENDING, and the answer is a link that accepts exactly
 * that file, once. The bytes are judged later by the scan.
 */
public final class AttachFile {
    /** At most this many files (not cancelled) per dossier. */
    public static final int MAX_FILES = 30;

    public record Result(Attachment pending, UploadLinks.Link link) {}

    private final Dossiers dossiers;
    private final Attachments attachments;
    private final Rules rules;
    private final UploadLinks links;
    private final Clock clock;

    public AttachFile(Dossiers dossiers, Attachments attachments, Rules rules, UploadLinks links, Clock clock) {
        this.dossiers = dossiers;
        this.attachments = attachments;
        this.rules = rules;
        this.links = links;
        this.clock = clock;
    }

    private static DomainException invalid(String slug, Text why) {
        return new DomainException(DomainException.Kind.INVALID, slug, why, List.of(why));
    }

    public Result attach(Actor actor, String dossierId, String componentCode, String fileName, Long size) {
        Dossier d = Access.owned(dossiers, actor, dossierId);
        Access.requireEditable(d, new Text("Chỉ bổ sung tệp khi hồ sơ đang soạn hoặc đang chờ bổ sung.", "Files can be added only to a draft or a dossier awaiting a supplement."));
        Procedure p = rules.catalogue().version(d.procedureCode(), d.procedureVersion()).orElseThrow(() -> invalid("unknown-procedure",
                new Text("Không có thủ tục mã \"" + Limits.clip(d.procedureCode()) + "\".", "No procedure with code \"" + Limits.clip(d.procedureCode()) + "\".")));
        Procedure.Component c = p.components().stream().filter(x -> x.code().equals(componentCode)).findFirst()
                .orElseThrow(() -> invalid("unknown-component", new Text("Thủ tục không có thành phần hồ sơ \"" + Limits.clip(componentCode) + "\".",
                        "The procedure has no component \"" + Limits.clip(componentCode) + "\".")));
        String field = "component." + c.code();
        if (fileName != null && fileName.length() > Limits.MAX_FILE_NAME) {
            throw invalid("file-name-too-long", new Text("Tên tệp dài quá " + Limits.MAX_FILE_NAME + " ký tự.",
                    "The file name is longer than " + Limits.MAX_FILE_NAME + " characters.").at(field));
        }
        String name = Attachment.cleanFileName(fileName);
        String ext = Attachment.extension(name);
        if (name.isEmpty() || ext.isEmpty()) throw invalid("invalid-file-name", new Text("Tên tệp không hợp lệ.", "The file name is not valid.").at(field));
        if (!c.formats().contains(ext) || !Attachment.MIME.containsKey(ext)) {
            throw invalid("format-not-accepted", new Text("\"" + c.name().vi() + "\" chỉ nhận tệp " + String.join(", ", c.formats()) + " (tệp của bạn: ." + ext + ").",
                    "\"" + c.name().en() + "\" accepts only " + String.join(", ", c.formats()) + " files (yours: ." + ext + ").").at(field));
        }
        long max = c.maxSizeMb() * 1024L * 1024L;
        if (size == null || size <= 0 || size > max) {
            String given = size == null ? "?" : String.format(Locale.ROOT, "%.1f", size / 1048576.0);
            throw invalid("file-too-large", (size == null || size <= 0
                    ? new Text("Tệp rỗng: tệp phải lớn hơn 0 và không quá " + c.maxSizeMb() + " MB.", "The file is empty: it must be larger than 0 and at most " + c.maxSizeMb() + " MB.")
                    : new Text("Tệp " + given.replace('.', ',') + " MB vượt quá " + c.maxSizeMb() + " MB cho phép của thành phần này.",
                            "The file is " + given + " MB, more than the " + c.maxSizeMb() + " MB this component allows.")).at(field));
        }
        if (attachments.attachments(d.id()).stream().filter(x -> x.status() != Attachment.Status.CANCELLED && !x.expired(clock.instant())).count() >= MAX_FILES) {
            throw invalid("too-many-files", new Text("Hồ sơ đã có " + MAX_FILES + " tệp, không thể thêm.", "The dossier already has " + MAX_FILES + " files.").at(field));
        }
        String type = Attachment.MIME.get(ext);
        String key = "dossiers/" + d.id() + "/" + c.code() + "/" + UUID.randomUUID();
        Attachment pending = new Attachment(d.id(), key, c.code(), name, type, size, Attachment.Status.PENDING, null, null, null, null, clock.instant(), null);
        attachments.authoriseUpload(pending);
        return new Result(pending, links.put(key, type, size, Attachment.LINK_LIFETIME));
    }
}
