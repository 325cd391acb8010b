package ai.pace42.slack;

import ai.pace42.bot.channel.ActivityFiles;
import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.files.FilesInfoResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Downloads a file a user shared: {@code files.info} for its private URL, then a GET with the workspace's bot
 * token. The token is only ever sent to Slack's file host (or the configured API host, for tests and proxies).
 */
final class SlackFiles {

    private final Slack slack;
    private final OkHttpClient http;
    private final Set<String> trustedHosts;

    SlackFiles(Slack slack, OkHttpClient http, URI apiUrl) {
        this.slack = slack;
        this.http = http;
        this.trustedHosts = Set.of("files.slack.com", apiUrl.getHost());
    }

    /** A file by its {@code enterprise/team/fileId} reference, read with that workspace's token. */
    byte[] download(SlackTokens tokens, String fileRef, long maxBytes) throws IOException {
        String[] ref = fileRef.split("/", 3);
        if (ref.length != 3) {
            throw new IOException("not a Slack file reference");
        }
        String enterprise = "_".equals(ref[0]) ? null : ref[0];
        Optional<String> token = tokens.of(enterprise, ref[1]);
        if (token.isEmpty()) {
            throw new IOException("no token for workspace " + ref[1]);
        }
        return download(token.get(), ref[2], maxBytes);
    }

    private byte[] download(String token, String fileId, long maxBytes) throws IOException {
        FilesInfoResponse info;
        try {
            info = slack.methods(token).filesInfo(r -> r.file(fileId));
        } catch (SlackApiException e) {
            throw new IOException("files.info failed with HTTP " + e.getResponse().code());
        }
        if (!info.isOk() || info.getFile() == null) {
            throw new IOException("files.info failed: " + info.getError());
        }
        if (info.getFile().getSize() != null && info.getFile().getSize() > maxBytes) {
            throw new IOException("file larger than " + maxBytes + " bytes");
        }
        String url = info.getFile().getUrlPrivateDownload() != null
                ? info.getFile().getUrlPrivateDownload() : info.getFile().getUrlPrivate();
        if (url == null) {
            throw new IOException("files.info returned no private URL");
        }
        URI uri = URI.create(url);
        if (!trustedHosts.contains(uri.getHost())) {
            throw new IOException("refusing to send the bot token to " + uri.getHost());
        }
        Request request = new Request.Builder().url(url).header("Authorization", "Bearer " + token).get().build();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            return ActivityFiles.readDownload(response.code(), body == null ? null : body.byteStream(), maxBytes);
        }
    }
}
