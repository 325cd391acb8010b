package ai.pace42.discord;

import ai.pace42.bot.channel.ActivityFiles;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Downloads a file a user attached, from the CDN URL Discord gave with the message, within a size limit. */
final class DiscordFiles {

    private final OkHttpClient http;

    DiscordFiles(OkHttpClient http) {
        this.http = http;
    }

    byte[] download(String url, long maxBytes) throws IOException {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw new IOException("not an http(s) URL");
        }
        Request request = new Request.Builder().url(parsed).get().build();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            return ActivityFiles.readDownload(response.code(), body == null ? null : body.byteStream(), maxBytes);
        }
    }
}
