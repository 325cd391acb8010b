package ai.pace42.slack;

import ai.pace42.bot.channel.ActivityFiles;
import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.files.FilesInfoResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
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

    byte[] download(String token, String fileId, long maxBytes) throws IOException {
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
            if (!response.isSuccessful() || body == null) {
                throw new IOException("file download failed with HTTP " + response.code());
            }
            try (InputStream in = body.byteStream()) {
                return ActivityFiles.readAtMost(in, maxBytes);
            }
        }
    }
}
