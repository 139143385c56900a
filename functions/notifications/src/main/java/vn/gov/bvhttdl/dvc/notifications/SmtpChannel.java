package vn.gov.bvhttdl.dvc.notifications;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import vn.gov.bvhttdl.dvc.application.Channel;

import java.util.Properties;

/**
 * Email over SMTP, the one code path: Amazon SES's SMTP interface on AWS (STARTTLS on 587, SMTP credentials, the
 * configuration set in {@code X-SES-CONFIGURATION-SET} so bounces and complaints are published), GreenMail offline.
 * Only the host, port and credentials differ ({@code SMTP_HOST}, {@code SMTP_PORT}, {@code SMTP_USER}/{@code SMTP_PASSWORD},
 * {@code SMTP_STARTTLS}, {@code MAIL_FROM}, {@code SES_CONFIGURATION_SET}). A message is plain text with an HTML
 * alternative, UTF-8; its key goes in {@code X-DVC-Message} and the dossier code in {@code X-DVC-Dossier}.
 */
public final class SmtpChannel implements Channel {
    private final Session session;
    private final String host;
    private final int port;
    private final String from, configurationSet;
    private final java.util.function.Supplier<String[]> credentials;
    private volatile String[] userPassword;

    public SmtpChannel(String host, int port, String user, String password, boolean startTls, String from, String configurationSet) {
        this(host, port, user == null ? () -> new String[]{null, null} : () -> new String[]{user, password}, user != null, startTls, from, configurationSet);
    }

    /** {@code credentials}: the SMTP user name and password, asked for on the first message (SES SMTP credentials from Secrets Manager). */
    public SmtpChannel(String host, int port, java.util.function.Supplier<String[]> credentials, boolean auth, boolean startTls, String from,
                       String configurationSet) {
        String user = auth ? "" : null;
        Properties p = new Properties();
        p.put("mail.smtp.host", host);
        p.put("mail.smtp.port", Integer.toString(port));
        p.put("mail.smtp.connectiontimeout", "5000");
        p.put("mail.smtp.timeout", "10000");
        p.put("mail.smtp.writetimeout", "10000");
        if (user != null) p.put("mail.smtp.auth", "true");
        if (startTls) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        this.session = Session.getInstance(p);
        this.host = host;
        this.port = port;
        this.credentials = credentials;
        this.from = from;
        this.configurationSet = configurationSet;
    }

    /** From the settings; null when SMTP_HOST is not set (no email channel). */
    public static SmtpChannel fromSettings() {
        String host = setting("SMTP_HOST");
        if (host == null) return null;
        int port = Integer.parseInt(setting("SMTP_PORT") == null ? "587" : setting("SMTP_PORT"));
        boolean tls = "true".equalsIgnoreCase(setting("SMTP_STARTTLS"));
        String from = setting("MAIL_FROM") == null ? "khongtraloi@dichvucong.bvhttdl.gov.vn" : setting("MAIL_FROM");
        String secret = setting("SMTP_SECRET_ID");
        if (secret != null) {
            // SES SMTP credentials ({"username","password"}) kept in Secrets Manager, read on the first message, never logged
            return new SmtpChannel(host, port, () -> {
                try (var sm = software.amazon.awssdk.services.secretsmanager.SecretsManagerClient.builder()
                        .httpClient(vn.gov.bvhttdl.dvc.adapters.AwsClients.HTTP).credentialsProvider(vn.gov.bvhttdl.dvc.adapters.AwsClients.credentials()).build()) {
                    var m = vn.gov.bvhttdl.dvc.domain.Json.obj(vn.gov.bvhttdl.dvc.domain.Json.parse(sm.getSecretValue(b -> b.secretId(secret)).secretString()));
                    return new String[]{(String) m.get("username"), (String) m.get("password")};
                }
            }, true, tls, from, setting("SES_CONFIGURATION_SET"));
        }
        return new SmtpChannel(host, port, setting("SMTP_USER"), setting("SMTP_PASSWORD"), tls, from, setting("SES_CONFIGURATION_SET"));
    }

    static String setting(String name) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) v = System.getProperty(name);
        return v == null || v.isBlank() ? null : v;
    }

    @Override
    public String name() { return "email"; }

    @Override
    public void send(Message m) {
        try {
            MimeMessage msg = new MimeMessage(session);
            msg.setFrom(new InternetAddress(from, "Cổng Dịch vụ công Bộ VHTTDL", "UTF-8"));
            msg.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(m.to(), true));
            msg.setSubject(m.subject(), "UTF-8");
            msg.setHeader("X-DVC-Message", m.key());
            if (m.dossierCode() != null) msg.setHeader("X-DVC-Dossier", m.dossierCode());
            if (configurationSet != null) msg.setHeader("X-SES-CONFIGURATION-SET", configurationSet);
            MimeBodyPart text = new MimeBodyPart();
            text.setText(m.text(), "UTF-8", "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(m.html() == null ? m.text() : m.html(), "UTF-8", "html");
            MimeMultipart alt = new MimeMultipart("alternative");
            alt.addBodyPart(text);
            alt.addBodyPart(html);
            msg.setContent(alt);
            msg.saveChanges();
            String[] up = userPassword;
            if (up == null) userPassword = up = credentials.get();
            try (Transport t = session.getTransport("smtp")) {
                t.connect(host, port, up[0], up[1]);
                t.sendMessage(msg, msg.getAllRecipients());
            }
        } catch (MessagingException | java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException("SMTP " + host + ":" + port + " refused or unreachable: " + e.getMessage(), e);
        }
    }
}
