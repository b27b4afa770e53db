package org.redress.config;

import java.time.Duration;
import java.util.Set;

/**
 * Complaints from channels other than e-mail (routes/README.md).
 *
 * @param inbox      the inbox whose Jira project, address, language and calendar a submission naming none shares
 *                   ({@code redress.channels.inbox}, default the first inbox)
 * @param maxFiles   files one submission may carry ({@code redress.channels.max-files})
 * @param fileTypes  the media types a file's bytes may be ({@code redress.channels.file-types})
 * @param retryAfter how long an unfinished submission waits before it is handled again
 *                   ({@code redress.channels.retry-after})
 * @param webForm    whether the gateway serves the complaint form and {@code POST /api/complaints}
 *                   ({@code redress.web.enabled})
 */
public record ChannelsConfig(String inbox, int maxFiles, Set<String> fileTypes, Duration retryAfter, boolean webForm) {
    /** What customers send with complaints: documents, photos and screenshots, forwarded mails. */
    public static final String DEFAULT_FILE_TYPES = "application/pdf,image/png,image/jpeg,image/gif,image/webp,"
            + "image/heic,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document,"
            + "application/msword,application/vnd.oasis.opendocument.text,message/rfc822";
}
